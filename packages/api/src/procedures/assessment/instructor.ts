import { z } from "zod";
import { instructorAssessmentHistory } from "@liangxin/core/assessment";
import { id } from "../../schemas/work.ts";
import { orgProcedure } from "../../trpc.ts";

export const instructorInput = z.object({ instructorId: id });

/** An instructor's assessments by year (his page). */
export const instructor = orgProcedure
  .input(instructorInput)
  .query(({ ctx, input }) => instructorAssessmentHistory(ctx, input));
