import { z } from "zod";
import { ReportComputer, buildReport, MIN_REPORT_YEAR } from "@liangxin/core/reports";
import { adminProcedure } from "../../trpc.ts";
import { id, year } from "../../schemas/report.ts";

/**
 * The trend on the dashboard covers the year and the four before it: a fixed window (not a first year), so
 * that it follows the calendar and its cost stays bounded whatever year is asked for.
 */
export const TREND_YEARS = 5;

/**
 * The dashboard: coverage per subordinate unit for a year, the trend of the node's 合计 over the years
 * (the TREND_YEARS up to `year`), and the ranking of the units by organizational coverage.
 */
export const analysis = adminProcedure
  .input(z.object({ nodeId: id.optional(), year }))
  .query(async ({ ctx, input }) => {
    const computer = new ReportComputer(ctx.db);
    const ref = input.nodeId ? { nodeId: input.nodeId } : {};
    const view = await buildReport(ctx, { ...ref, year: input.year, computer });
    const units = view.rows
      .filter((r) => r.indicators.hosts !== null)
      .map((r) => ({
        orgId: r.orgId,
        name: r.name,
        hosts: r.indicators.hosts,
        orgCovered: r.indicators.orgCovered,
        orgCoverageRate: r.indicators.orgCoverageRate,
        workCoverageRate: r.indicators.workCoverageRate,
        changePp: r.indicators.orgCoverageRateChangePp,
        shouldEstablishNotEstablished: r.indicators.shouldEstablishNotEstablished,
      }));
    const trend = [];
    for (let y = Math.max(MIN_REPORT_YEAR, input.year - (TREND_YEARS - 1)); y <= input.year; y++) {
      const v = y === input.year ? view : await buildReport(ctx, { ...ref, year: y, computer });
      trend.push({
        year: y,
        orgCoverageRate: v.total.orgCoverageRate,
        workCoverageRate: v.total.workCoverageRate,
        hosts: v.total.hosts,
        orgCovered: v.total.orgCovered,
      });
    }
    const ranking = [...units].sort(
      (a, b) =>
        (b.orgCoverageRate ?? -1) - (a.orgCoverageRate ?? -1) || a.name.localeCompare(b.name, "zh-CN"),
    );
    return { node: view.node, year: input.year, total: view.total, units, trend, ranking };
  });
