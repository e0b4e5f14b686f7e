import { z } from "zod";
import { reopenReport } from "@liangxin/core/reports";
import { adminProcedure } from "../../trpc.ts";
import { id, version } from "../../schemas/report.ts";
import { reportApiMessages as m } from "../../report-messages.ts";

/**
 * 撤销审核: the approver of an approved report or an administrator of any level above, with a reason;
 * the report and every ancestor report of the year that includes it go back to 已退回.
 */
export const reopen = adminProcedure
  .input(
    z.object({
      submissionId: id,
      reason: z
        .string({ error: m.reopenReasonRequired })
        .trim()
        .min(1, m.reopenReasonRequired)
        .max(500, m.reopenReasonTooLong),
      version,
    }),
  )
  .mutation(({ ctx, input }) => reopenReport(ctx, input));
