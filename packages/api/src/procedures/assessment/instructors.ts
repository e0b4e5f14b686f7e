import { z } from "zod";
import { listInstructorAssessments } from "@liangxin/core/assessment";
import { year } from "../../schemas/work.ts";
import { orgProcedure } from "../../trpc.ts";

export const instructorsInput = z.object({ year: year.optional() }).optional();

/** The instructors of the caller's subtree with their assessment of the year (those it assesses first). */
export const instructors = orgProcedure
  .input(instructorsInput)
  .query(({ ctx, input }) => listInstructorAssessments(ctx, input ?? {}));
