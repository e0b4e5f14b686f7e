import { z } from "zod";
import { ASSESSMENT_GRADES } from "@liangxin/domain";
import { assessInstructor } from "@liangxin/core/assessment";
import { version } from "../../schemas/common.ts";
import { id, year } from "../../schemas/work.ts";
import { orgProcedure } from "../../trpc.ts";
import { assessmentMessages, remarks } from "./schemas.ts";

export const assessInput = z.object({
  instructorId: id,
  year,
  grade: z.enum(ASSESSMENT_GRADES, { error: assessmentMessages.grade }),
  remarks,
  version: version.optional(),
});

/** The year's assessment of an instructor, by the organization that dispatched him. */
export const assess = orgProcedure
  .input(assessInput)
  .mutation(({ ctx, input }) => assessInstructor(ctx, input));
