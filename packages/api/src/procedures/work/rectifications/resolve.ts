import { z } from "zod";
import { resolveRectification } from "@liangxin/core/work";
import { id, isoDate } from "../../../schemas/work.ts";
import { adminProcedure } from "../../../trpc.ts";

export const resolveInput = z.object({ id, resolvedOn: isoDate });

export const resolve = adminProcedure
  .input(resolveInput)
  .mutation(({ ctx, input }) => resolveRectification(ctx, input));
