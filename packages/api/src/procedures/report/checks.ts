import { z } from "zod";
import { buildReport } from "@liangxin/core/reports";
import { adminProcedure } from "../../trpc.ts";
import { id, year } from "../../schemas/report.ts";

/** The checks (校核) of a node's report before submission. */
export const checks = adminProcedure
  .input(z.object({ nodeId: id.optional(), year }))
  .query(async ({ ctx, input }) => {
    const view = await buildReport(ctx, {
      ...(input.nodeId ? { nodeId: input.nodeId } : {}),
      year: input.year,
    });
    return {
      checks: view.checks,
      errors: view.checks.filter((c) => c.level === "error").length,
      warnings: view.checks.filter((c) => c.level === "warning").length,
      source: view.source,
    };
  });
