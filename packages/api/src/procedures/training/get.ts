import { z } from "zod";
import { getTraining } from "@liangxin/core/training";
import { id } from "../../schemas/work.ts";
import { adminProcedure } from "../../trpc.ts";

export const getTrainingInput = z.object({ id });

/** One training with its participants. */
export const get = adminProcedure.input(getTrainingInput).query(({ ctx, input }) => getTraining(ctx, input));
