import { z } from "zod";
import { returnReport } from "@liangxin/core/reports";
import { adminProcedure } from "../../trpc.ts";
import { id, version } from "../../schemas/report.ts";
import { reportApiMessages as m } from "../../report-messages.ts";

/** 退回: the parent node's administrator, with a reason. */
export const return_ = adminProcedure
  .input(
    z.object({
      submissionId: id,
      reason: z.string({ error: m.reasonRequired }).trim().min(1, m.reasonRequired).max(500, m.reasonTooLong),
      version,
    }),
  )
  .mutation(({ ctx, input }) => returnReport(ctx, input));
