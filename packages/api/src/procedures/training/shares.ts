import { z } from "zod";
import { trainingShares } from "@liangxin/core/training";
import { id, isoDate } from "../../schemas/work.ts";
import { adminProcedure } from "../../trpc.ts";

export const sharesInput = z.object({ orgId: id.optional(), on: isoDate.optional() }).optional();

/** The shares of secretaries and instructors trained this year: the node and each child organization. */
export const shares = adminProcedure
  .input(sharesInput)
  .query(({ ctx, input }) => trainingShares(ctx, input ?? {}));
