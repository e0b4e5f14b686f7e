import { z } from "zod";
import { confirmFullMembership } from "@liangxin/core/work";
import { id, isoDate } from "../../../schemas/work.ts";
import { orgProcedure } from "../../../trpc.ts";

export const confirmFullInput = z.object({ memberId: id, fullOn: isoDate });

export const confirmFull = orgProcedure
  .input(confirmFullInput)
  .mutation(({ ctx, input }) => confirmFullMembership(ctx, input));
