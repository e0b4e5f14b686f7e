import { z } from "zod";
import { REVIEW_GRADES } from "@liangxin/domain";
import { reviewSecretary as review } from "@liangxin/core/assessment";
import { version } from "../../schemas/common.ts";
import { id, year } from "../../schemas/work.ts";
import { orgProcedure } from "../../trpc.ts";
import { assessmentMessages, remarks } from "./schemas.ts";

export const reviewSecretaryInput = z.object({
  orgId: id,
  memberId: id,
  year,
  grade: z.enum(REVIEW_GRADES, { error: assessmentMessages.reviewGrade }),
  remarks,
  version: version.optional(),
});

/** A secretary's annual 述职评议, by the administrator of the organization's superior. */
export const reviewSecretary = orgProcedure
  .input(reviewSecretaryInput)
  .mutation(({ ctx, input }) => review(ctx, input));
