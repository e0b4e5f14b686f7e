/**
 * 党内统计年报: view (scoped to the caller's subtree), checks, the submit / return / approve workflow,
 * children's submission states, drill-down to the records behind a figure, and the analysis dashboard.
 */
import { z } from "zod";
import {
  approveReport,
  buildReport,
  childSubmissions,
  drillReport,
  isIndicatorPath,
  MAX_REPORT_YEAR,
  MIN_REPORT_YEAR,
  ReportComputer,
  reopenReport,
  returnReport,
  saveReportCheck,
  submitReport,
} from "@liangxin/core/reports";
import { adminProcedure, createTRPCRouter } from "../trpc.ts";
import { reportApiMessages as m } from "../report-messages.ts";
import { SIGNATURE_NAME_MAX } from "../schemas/common.ts";

const year = z
  .number({ error: m.yearRequired })
  .int(m.yearRequired)
  .min(MIN_REPORT_YEAR, m.yearRange)
  .max(MAX_REPORT_YEAR, m.yearRange);
const id = z.number({ error: m.idRequired }).int(m.idRequired).positive(m.idRequired);
const version = id.optional();

/**
 * The trend on the dashboard covers the year and the four before it: a fixed window (not a first year), so
 * that it follows the calendar and its cost stays bounded whatever year is asked for.
 */
export const TREND_YEARS = 5;

export const reportRouter = createTRPCRouter({
  /** The report of a node (default: the caller's own) for a year. */
  get: adminProcedure.input(z.object({ nodeId: id.optional(), year })).query(({ ctx, input }) =>
    buildReport(ctx, {
      ...(input.nodeId ? { nodeId: input.nodeId } : {}),
      year: input.year,
    }),
  ),

  /** The checks (校核) of a node's report before submission. */
  checks: adminProcedure.input(z.object({ nodeId: id.optional(), year })).query(async ({ ctx, input }) => {
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
  }),

  /** 上报: the caller's own node; errors block, each warning code needs a written explanation. */
  submit: adminProcedure
    .input(
      z.object({
        nodeId: id,
        year,
        explanations: z.record(z.string(), z.string().max(2000, m.explanationTooLong)).default({}),
        version,
        unitHead: z
          .string({ error: m.unitHeadRequired })
          .trim()
          .min(1, m.unitHeadRequired)
          .max(SIGNATURE_NAME_MAX, m.unitHeadTooLong),
        preparer: z
          .string({ error: m.preparerRequired })
          .trim()
          .min(1, m.preparerRequired)
          .max(SIGNATURE_NAME_MAX, m.preparerTooLong),
      }),
    )
    .mutation(({ ctx, input }) => submitReport(ctx, input)),

  /**
   * 保存校核: the caller's own node keeps the 校核 of a year not submitted (figures and records), so that a
   * later change dated in that year shows as 数据已变更 on its report.
   */
  saveCheck: adminProcedure
    .input(z.object({ nodeId: id, year }))
    .mutation(({ ctx, input }) => saveReportCheck(ctx, input)),

  /** 退回: the parent node's administrator, with a reason. */
  return: adminProcedure
    .input(
      z.object({
        submissionId: id,
        reason: z
          .string({ error: m.reasonRequired })
          .trim()
          .min(1, m.reasonRequired)
          .max(500, m.reasonTooLong),
        version,
      }),
    )
    .mutation(({ ctx, input }) => returnReport(ctx, input)),

  /** 审核通过: the parent node's administrator; the figures are frozen for good. */
  approve: adminProcedure
    .input(z.object({ submissionId: id, version }))
    .mutation(({ ctx, input }) => approveReport(ctx, input)),

  /**
   * 撤销审核: the approver of an approved report or an administrator of any level above, with a reason;
   * the report and every ancestor report of the year that includes it go back to 已退回.
   */
  reopen: adminProcedure
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
    .mutation(({ ctx, input }) => reopenReport(ctx, input)),

  /** The submission states of the children of a node (default: the caller's own) for a year. */
  children: adminProcedure
    .input(z.object({ nodeId: id.optional(), year }))
    .query(({ ctx, input }) => childSubmissions(ctx, input)),

  /** The records behind a figure: hosts, organizations, or masked members. */
  drill: adminProcedure
    .input(
      z.object({
        nodeId: id,
        year,
        rowOrgId: id.nullish(),
        // A key of the report's dictionary, checked here: the refusal never echoes what was typed.
        key: z
          .string()
          .min(1, m.keyRequired)
          .max(64, m.keyRequired)
          .refine((k) => isIndicatorPath(k), m.keyUnknown),
        /** List the live records even when the report's figures are frozen. */
        live: z.boolean().optional(),
      }),
    )
    .query(({ ctx, input }) => drillReport(ctx, input)),

  /**
   * The dashboard: coverage per subordinate unit for a year, the trend of the node's 合计 over the years
   * (the TREND_YEARS up to `year`), and the ranking of the units by organizational coverage.
   */
  analysis: adminProcedure.input(z.object({ nodeId: id.optional(), year })).query(async ({ ctx, input }) => {
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
  }),
});
