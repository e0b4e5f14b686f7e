import { z } from "zod";
import { RATING_GRADES } from "@liangxin/domain";
import { setRating } from "@liangxin/core/work";
import { id, year, workInputMessages as m } from "../../../schemas/work.ts";
import { adminProcedure } from "../../../trpc.ts";

export const ratingInput = z.object({
  orgId: id,
  year,
  stars: z
    .number({ error: m.stars })
    .int({ message: m.stars })
    .min(1, { message: m.stars })
    .max(5, { message: m.stars })
    .nullable(),
  grade: z.enum(RATING_GRADES).nullable(),
});

export const set = adminProcedure.input(ratingInput).mutation(({ ctx, input }) => setRating(ctx, input));
