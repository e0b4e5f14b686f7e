import { z } from "zod";
import { untrainedOf } from "@liangxin/core/training";
import { id, isoDate } from "../../schemas/work.ts";
import { adminProcedure } from "../../trpc.ts";
import { trainingInputMessages } from "./schemas.ts";

export const untrainedInput = z.object({
  orgId: id,
  group: z.enum(["secretary", "instructor"], { error: trainingInputMessages.group }),
  on: isoDate.optional(),
});

/** The persons of a row (an organization's subtree) not trained this year (the drill-down). */
export const untrained = adminProcedure
  .input(untrainedInput)
  .query(({ ctx, input }) => untrainedOf(ctx, input));
