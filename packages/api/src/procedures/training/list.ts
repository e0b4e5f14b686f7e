import { z } from "zod";
import { TRAINING_KINDS } from "@liangxin/domain";
import { listTrainings } from "@liangxin/core/training";
import { year } from "../../schemas/work.ts";
import { adminProcedure } from "../../trpc.ts";
import { trainingInputMessages } from "./schemas.ts";

export const listTrainingsInput = z
  .object({
    year: year.optional(),
    kind: z.enum(TRAINING_KINDS, { error: trainingInputMessages.kind }).optional(),
  })
  .optional();

/** Trainings organized by a node of the caller's subtree, newest first. */
export const list = adminProcedure
  .input(listTrainingsInput)
  .query(({ ctx, input }) => listTrainings(ctx, input ?? {}));
