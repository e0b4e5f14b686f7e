import { z } from "zod";
import { PLAN_MILESTONE_KEYS } from "@liangxin/domain";
import { completePlanMilestone } from "@liangxin/core/work";
import { id, workInputMessages, isoDate } from "../../../schemas/work.ts";
import { adminProcedure } from "../../../trpc.ts";

export const planMilestoneInput = z.object({
  planId: id,
  key: z.enum(PLAN_MILESTONE_KEYS, { error: workInputMessages.milestone }),
  doneOn: isoDate,
});

/** Tick off a milestone with the day it was done. */
export const completeMilestone = adminProcedure
  .input(planMilestoneInput)
  .mutation(({ ctx, input }) => completePlanMilestone(ctx, input));
