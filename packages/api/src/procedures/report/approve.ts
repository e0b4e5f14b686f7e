import { z } from "zod";
import { approveReport } from "@liangxin/core/reports";
import { adminProcedure } from "../../trpc.ts";
import { id, version } from "../../schemas/report.ts";

/** 审核通过: the parent node's administrator; the figures are frozen for good. */
export const approve = adminProcedure
  .input(z.object({ submissionId: id, version }))
  .mutation(({ ctx, input }) => approveReport(ctx, input));
