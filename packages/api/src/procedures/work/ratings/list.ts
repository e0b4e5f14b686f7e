import { z } from "zod";
import { listRatings } from "@liangxin/core/work";
import { adminProcedure } from "../../../trpc.ts";

export const list = adminProcedure
  .input(z.object({ year: z.number().int() }))
  .query(({ ctx, input }) => listRatings(ctx, input));
