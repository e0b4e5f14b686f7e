import { z } from "zod";
import { saveReportCheck } from "@liangxin/core/reports";
import { adminProcedure } from "../../trpc.ts";
import { id, year } from "../../schemas/report.ts";

/**
 * 保存校核: the caller's own node keeps the 校核 of a year not submitted (figures and records), so that a
 * later change dated in that year shows as 数据已变更 on its report.
 */
export const saveCheck = adminProcedure
  .input(z.object({ nodeId: id, year }))
  .mutation(({ ctx, input }) => saveReportCheck(ctx, input));
