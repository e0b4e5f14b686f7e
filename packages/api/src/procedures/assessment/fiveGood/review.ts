import { z } from "zod";
import { AWARD_DECISIONS } from "@liangxin/domain";
import { reviewFiveGood } from "@liangxin/core/assessment";
import { version } from "../../../schemas/common.ts";
import { id, optionalText } from "../../../schemas/work.ts";
import { orgProcedure } from "../../../trpc.ts";
import { assessmentMessages } from "../schemas.ts";

export const fiveGoodReviewInput = z.object({
  id,
  decision: z.enum(AWARD_DECISIONS, { error: assessmentMessages.decision }),
  reviewNote: optionalText("评审意见", 500),
  version: version.optional(),
});

/** The review of an application, by a management node above the organization (at its level). */
export const review = orgProcedure
  .input(fiveGoodReviewInput)
  .mutation(({ ctx, input }) => reviewFiveGood(ctx, input));
