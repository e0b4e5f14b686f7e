import { z } from "zod";
import { createTraining } from "@liangxin/core/training";
import { adminProcedure } from "../../trpc.ts";
import { trainingFields } from "./schemas.ts";

export const createTrainingInput = z.object(trainingFields);

/** A training organized by a management node of the caller's subtree (the caller's own by default). */
export const create = adminProcedure
  .input(createTrainingInput)
  .mutation(({ ctx, input }) => createTraining(ctx, input));
