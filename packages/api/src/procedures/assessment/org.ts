import { z } from "zod";
import { orgAssessment } from "@liangxin/core/assessment";
import { id } from "../../schemas/work.ts";
import { orgProcedure } from "../../trpc.ts";

export const orgAssessmentInput = z.object({ orgId: id });

/** An organization's 五好党支部 applications and its secretaries' reviews (its page). */
export const org = orgProcedure
  .input(orgAssessmentInput)
  .query(({ ctx, input }) => orgAssessment(ctx, input));
