import { z } from "zod";
import { updateTraining } from "@liangxin/core/training";
import { id } from "../../schemas/work.ts";
import { adminProcedure } from "../../trpc.ts";
import { trainingFields } from "./schemas.ts";

export const updateTrainingInput = z.object({
  id,
  version: z.number().int().positive(),
  ...trainingFields,
});

/** A training's fields as corrected (the version read, else nothing is written). */
export const update = adminProcedure
  .input(updateTrainingInput)
  .mutation(({ ctx, input }) => updateTraining(ctx, input));
