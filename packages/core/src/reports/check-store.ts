/**
 * Stored 校核 (issue 18): a node's administrator keeps the check of a year's live report — its figures and
 * the records behind every row — so that a later change dated in that year is flagged "数据已变更" on the
 * year's report even if the year was never submitted (the city's own report, or a year closed without a
 * report). Written with drizzle's builder (no SQL strings), inside one transaction, audited.
 */
import { writeTransaction, type Db } from "@liangxin/db/driver";
import { and, desc, eq } from "drizzle-orm";
import { AppError, clock, encodeRowRecords } from "@liangxin/domain";
import { writeAudit } from "@liangxin/db/audit";
import { reportCheckRecords, reportChecks, users } from "@liangxin/db/schema";
import type { Cx } from "@liangxin/db/cx";
import {
  buildReportIn,
  freezeView,
  loadSubmission,
  ReportComputer,
  resolveNode,
  type FrozenReport,
} from "./build.ts";
import { reportMessages as m } from "./messages.ts";
import { decodeStoredRows, type StoredRecords } from "./records.ts";
import { requireAdmin } from "./workflow.ts";

/** The newest stored 校核 of a node and year, as the report page shows it. */
export interface StoredCheckInfo {
  id: number;
  checkedAt: string;
  checkedBy: string | null;
  /** Warnings of the stored 校核 (a 校核 with errors is not stored). */
  warnings: number;
}

/** The newest stored 校核 of `orgId` for `year` (without its figures), or undefined. */
export async function loadLatestCheck(
  db: Db,
  orgId: number,
  year: number,
): Promise<StoredCheckInfo | undefined> {
  const row = (
    await db
      .select({
        id: reportChecks.id,
        checks: reportChecks.checks,
        checkedAt: reportChecks.checkedAt,
        checkedBy: users.username,
      })
      .from(reportChecks)
      .leftJoin(users, eq(users.id, reportChecks.checkedBy))
      .where(and(eq(reportChecks.orgId, orgId), eq(reportChecks.year, year)))
      .orderBy(desc(reportChecks.id))
      .limit(1)
  )[0];
  if (!row) return undefined;
  const checks = row.checks as { level: string }[];
  return {
    id: row.id,
    checkedAt: row.checkedAt,
    checkedBy: row.checkedBy ?? null,
    warnings: checks.filter((c) => c.level === "warning").length,
  };
}

/** The figures a stored 校核 kept. */
export async function loadCheckFigures(db: Db, checkId: number): Promise<FrozenReport> {
  const row = (
    await db
      .select({ figures: reportChecks.figures })
      .from(reportChecks)
      .where(eq(reportChecks.id, checkId))
      .limit(1)
  )[0];
  return row!.figures as FrozenReport;
}

/** The records stored with a 校核, rows in report order. */
export async function loadCheckRecords(db: Db, checkId: number): Promise<StoredRecords> {
  return decodeStoredRows(
    await db
      .select({
        kind: reportCheckRecords.rowKind,
        orgId: reportCheckRecords.rowOrgId,
        data: reportCheckRecords.data,
      })
      .from(reportCheckRecords)
      .where(eq(reportCheckRecords.checkId, checkId))
      .orderBy(reportCheckRecords.rowIndex),
  );
}

export interface SaveCheckResult {
  id: number;
  checkedAt: string;
  warnings: number;
}

/**
 * 保存校核: the caller's own node, a year up to the current one, not submitted (a submitted or approved
 * report is frozen already), a 校核 without errors. Stores the live report's figures, its checks (warnings)
 * and the records behind its rows. `cx`: the caller, the node's administrator.
 */
export async function saveReportCheck(
  cx: Cx,
  input: { nodeId: number; year: number },
): Promise<SaveCheckResult> {
  const { db, scope } = cx;
  const own = requireAdmin(scope);
  const node = await resolveNode(db, scope, { nodeId: input.nodeId });
  if (node.id !== own.id) throw new AppError("FORBIDDEN", m.checkOnlyOwnNode);
  const today = clock.today();
  if (input.year > Number(today.slice(0, 4))) throw new AppError("BAD_INPUT", m.checkFutureYear(input.year));
  return writeTransaction(db, async (tx) => {
    const sub = await loadSubmission(db, node.id, input.year);
    if (sub?.state === "submitted") throw new AppError("CONFLICT", m.alreadySubmitted(node.name, input.year));
    if (sub?.state === "approved") throw new AppError("CONFLICT", m.alreadyApproved(node.name, input.year));
    const computer = new ReportComputer(db);
    const view = await buildReportIn(cx, { nodeId: node.id, year: input.year, computer });
    const errors = view.checks.filter((c) => c.level === "error");
    // A baseline with errors would report them as changes forever: like 上报, only a passed 校核 is kept.
    if (errors.length > 0)
      throw new AppError(
        "PRECONDITION",
        `${m.checkFailed(errors.length)}:${errors.map((e) => e.message).join(";")}`,
      );
    const figures = freezeView(view, node);
    const checkedAt = clock.nowIso();
    const { id } = (
      await tx
        .insert(reportChecks)
        .values({
          orgId: node.id,
          year: input.year,
          figures,
          checks: view.checks,
          checkedBy: scope.userId || null,
          checkedAt,
        })
        .returning({ id: reportChecks.id })
    )[0]!;
    const records = await computer.reportedRecords(node.id, input.year);
    if (records.keys.length > 0)
      await tx.insert(reportCheckRecords).values(
        records.keys.map((k, i) => ({
          checkId: id,
          rowIndex: i,
          rowKind: k.kind,
          rowOrgId: k.orgId,
          data: encodeRowRecords(records.rows[i]!),
        })),
      );
    const warnings = view.checks.filter((c) => c.level === "warning").length;
    await writeAudit(tx, {
      userId: scope.userId || null,
      username: scope.username,
      action: "report.check",
      entity: "report_check",
      entityId: id,
      scopeOrgId: node.id,
      before: null,
      after: { year: input.year, total: figures.total, warnings },
    });
    return { id, checkedAt, warnings };
  });
}
