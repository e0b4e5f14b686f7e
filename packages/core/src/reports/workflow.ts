/**
 * The workflow of the year-end report: a node's administrator submits (上报) its report; the parent
 * node's administrator returns it (退回, with a reason) or approves it (审核通过), after which the figures
 * are frozen for good. Optimistic concurrency by `version`; every step audited in its transaction.
 */
import { AppError, clock, isManagement, type OrgCategory } from "@liangxin/domain";
import { and, eq, sql } from "drizzle-orm";
import { writeAudit } from "@liangxin/db/audit";
import type { Cx } from "@liangxin/db/cx";
import { type Db, selectAll, selectOne, writeTransaction } from "@liangxin/db/driver";
import { reportSubmissions } from "@liangxin/db/schema";
import { scopeSql, type Scope } from "@liangxin/db/scope";
import {
  buildReportIn,
  freezeView,
  frozenOf,
  loadSubmission,
  loadSubmissionById,
  ReportComputer,
  reportingWindow,
  resolveNode,
  warningCodes,
  type FrozenReport,
  type ReportCheck,
  type SubmissionState,
} from "./build.ts";
import { reportMessages as m } from "./messages.ts";
import { storeSubmissionRecords } from "./records.ts";

export interface SubmitInput {
  nodeId: number;
  year: number;
  /** A written explanation per warning code. */
  explanations: Record<string, string>;
  /** The version of a returned submission being resubmitted. */
  version?: number | undefined;
  /** 单位负责人 and 填表人, named by the submitter (the API requires both; the system's seed names none). */
  unitHead?: string | undefined;
  preparer?: string | undefined;
}

export interface DecisionResult {
  id: number;
  state: SubmissionState;
  version: number;
}

function nowIso(): string {
  return clock.nowIso();
}

export function requireAdmin(scope: Scope): NonNullable<Scope["org"]> {
  if (scope.role !== "admin" || !scope.org) throw new AppError("FORBIDDEN", m.notAdmin);
  return scope.org;
}

/**
 * Submit the caller's own node's report (`cx`: the caller, an administrator): errors block, each warning
 * needs a written explanation.
 */
export async function submitReport(cx: Cx, input: SubmitInput): Promise<DecisionResult> {
  return submitReportIn(cx, input);
}

/** `submitReport` on the connection of `cx`: for a caller inside a transaction (`approveYearIn` in the seed). */
export async function submitReportIn(cx: Cx, input: SubmitInput): Promise<DecisionResult> {
  const { db, scope } = cx;
  const own = requireAdmin(scope);
  const node = await resolveNode(db, scope, { nodeId: input.nodeId });
  if (node.id !== own.id) throw new AppError("FORBIDDEN", m.onlyOwnNode);
  if (node.parentId === null) throw new AppError("BAD_INPUT", m.noParent(node.name));
  const window = await reportingWindow(db, input.year);
  if (!window.open)
    throw new AppError("PRECONDITION", m.windowClosed(input.year, window.opensOn, window.today));

  return writeTransaction(db, async (tx) => {
    const existing = await loadSubmission(db, node.id, input.year);
    if (existing?.state === "submitted")
      throw new AppError("CONFLICT", m.alreadySubmitted(node.name, input.year));
    if (existing?.state === "approved")
      throw new AppError("CONFLICT", m.alreadyApproved(node.name, input.year));
    if (existing && input.version !== undefined && input.version !== existing.version)
      throw new AppError("CONFLICT", m.versionConflict);

    // A returned report is recomputed: build it live.
    const computer = new ReportComputer(db);
    const view = await buildReportIn(cx, { nodeId: node.id, year: input.year, computer });
    const errors = view.checks.filter((c) => c.level === "error");
    if (errors.length > 0) {
      throw new AppError(
        "PRECONDITION",
        `${m.checksFailed(errors.length)}:${errors.map((e) => e.message).join(";")}`,
      );
    }
    const explanations: Record<string, string> = {};
    for (const code of warningCodes(view.checks)) {
      const text = input.explanations[code]?.trim();
      if (!text) {
        const first = view.checks.find((c) => c.code === code)!;
        throw new AppError("BAD_INPUT", m.explanationMissing(first.message));
      }
      explanations[code] = text;
    }
    const figures: FrozenReport = freezeView(view, node);
    const at = nowIso();
    const unitHead = input.unitHead?.trim() || null;
    const preparer = input.preparer?.trim() || null;
    const checks: ReportCheck[] = view.checks;
    let id: number;
    let version: number;
    if (existing) {
      version = existing.version + 1;
      // The json columns store JSON.stringify of the values given.
      const r = await db
        .update(reportSubmissions)
        .set({
          state: "submitted",
          figures,
          checks,
          explanations,
          submittedBy: scope.userId || null,
          submittedAt: at,
          unitHead,
          preparer,
          decidedBy: null,
          decidedAt: null,
          version,
        })
        .where(and(eq(reportSubmissions.id, existing.id), eq(reportSubmissions.version, existing.version)))
        .returning({ id: reportSubmissions.id });
      if (r.length !== 1) throw new AppError("CONFLICT", m.versionConflict);
      id = existing.id;
    } else {
      version = 1;
      ({ id } = (
        await db
          .insert(reportSubmissions)
          .values({
            orgId: node.id,
            year: input.year,
            state: "submitted",
            figures,
            checks,
            explanations,
            submittedBy: scope.userId || null,
            submittedAt: at,
            unitHead,
            preparer,
            version: 1,
            createdAt: at,
          })
          .returning({ id: reportSubmissions.id })
      )[0]!);
    }
    // The records behind every row, frozen with the figures.
    await storeSubmissionRecords(db, id, await computer.reportedRecords(node.id, input.year));
    await writeAudit(tx, {
      userId: scope.userId || null,
      username: scope.username,
      action: "report.submit",
      entity: "report_submission",
      entityId: id,
      scopeOrgId: node.id,
      before: existing ? { state: existing.state, version: existing.version } : null,
      after: {
        state: "submitted",
        version,
        year: input.year,
        total: figures.total,
        explanations,
        unitHead,
        preparer,
        warnings: checks.filter((c) => c.level === "warning").length,
      },
    });
    return { id, state: "submitted" as const, version };
  });
}

/** The submission a parent decides on: in the caller's subtree, its node a child of the caller's node. */
async function decidable(db: Db, scope: Scope, submissionId: number, version: number | undefined) {
  const own = requireAdmin(scope);
  const sub = await loadSubmissionById(db, submissionId);
  if (!sub) throw new AppError("NOT_FOUND", m.submissionNotFound);
  const node = await selectOne<{ id: number; name: string; parentId: number | null }>(
    db,
    sql`select o.id, o.name, o.parent_id as parentId from orgs o
        where o.id = ${sub.orgId} and ${scopeSql(scope, "").within.subtree("o")}`,
  );
  if (!node) throw new AppError("NOT_FOUND", m.submissionNotFound);
  if (node.parentId !== own.id) throw new AppError("FORBIDDEN", m.onlyParent);
  if (sub.state !== "submitted") throw new AppError("CONFLICT", m.notSubmitted);
  if (version !== undefined && version !== sub.version) throw new AppError("CONFLICT", m.versionConflict);
  return { sub, node, own };
}

async function decide(
  cx: Cx,
  input: { submissionId: number; version?: number | undefined },
  state: "returned" | "approved",
  reason: string | null,
): Promise<DecisionResult> {
  const { db, scope } = cx;
  return writeTransaction(db, async (tx) => {
    const { sub, node, own } = await decidable(db, scope, input.submissionId, input.version);
    if (state === "returned") {
      const parentSub = await loadSubmission(db, own.id, sub.year);
      if (parentSub && parentSub.state !== "returned")
        throw new AppError("CONFLICT", m.parentAlreadySubmitted(own.name));
    }
    if (state === "approved") {
      // No difference survives 校核: the submitted figures and records must equal the live ones.
      const diffs = await new ReportComputer(db).reconcileSubmission(sub);
      if (diffs.length > 0) {
        throw new AppError(
          "PRECONDITION",
          m.reconcileFailed(
            diffs.length,
            // The records first: they say what to fix; the totals follow from them.
            [...diffs]
              .sort((a, b) => Number(a.code !== "RECONCILE_RECORD") - Number(b.code !== "RECONCILE_RECORD"))
              .slice(0, 5)
              .map((d) => d.message)
              .join(";"),
          ),
        );
      }
    }
    const version = sub.version + 1;
    const r = await db
      .update(reportSubmissions)
      .set({ state, decidedBy: scope.userId || null, decidedAt: nowIso(), returnReason: reason, version })
      .where(and(eq(reportSubmissions.id, sub.id), eq(reportSubmissions.version, sub.version)))
      .returning({ id: reportSubmissions.id });
    if (r.length !== 1) throw new AppError("CONFLICT", m.versionConflict);
    await writeAudit(tx, {
      userId: scope.userId || null,
      username: scope.username,
      action: state === "approved" ? "report.approve" : "report.return",
      entity: "report_submission",
      entityId: sub.id,
      scopeOrgId: node.id,
      before: { state: sub.state, version: sub.version },
      after: {
        state,
        version,
        year: sub.year,
        ...(reason !== null ? { reason } : {}),
        ...(state === "approved" ? { total: frozenOf(sub).total } : {}),
      },
    });
    return { id: sub.id, state, version };
  });
}

/** 退回: the parent's administrator (`cx`: the caller) sends a submitted report back with a reason. */
export async function returnReport(
  cx: Cx,
  input: { submissionId: number; reason: string; version?: number | undefined },
): Promise<DecisionResult> {
  const reason = input.reason.trim();
  if (!reason) throw new AppError("BAD_INPUT", m.reasonRequired);
  return decide(cx, input, "returned", reason);
}

/**
 * 审核通过: the parent's administrator (`cx`: the caller) approves; the submitted figures are frozen for
 * good.
 */
export async function approveReport(
  cx: Cx,
  input: { submissionId: number; version?: number | undefined },
): Promise<DecisionResult> {
  return approveReportIn(cx, input);
}

/** `approveReport` on the connection of `cx`: for a caller inside a transaction (`approveYearIn` in the seed). */
export async function approveReportIn(
  cx: Cx,
  input: { submissionId: number; version?: number | undefined },
): Promise<DecisionResult> {
  return decide(cx, input, "approved", null);
}

/**
 * 撤销审核: the approver of a unit's year (the parent's administrator) or an administrator of any level
 * above reopens an approved report with a reason; it becomes 已退回, its unit corrects and resubmits. Every
 * report of an ancestor of that year (on 31 December's tree) that was submitted or approved includes its
 * figures and is reopened with it. All in one transaction, each step audited. `cx`: the caller.
 */
export async function reopenReport(
  cx: Cx,
  input: { submissionId: number; reason: string; version?: number | undefined },
): Promise<DecisionResult> {
  const { db, scope } = cx;
  const own = requireAdmin(scope);
  const reason = input.reason.trim();
  if (!reason) throw new AppError("BAD_INPUT", m.reopenReasonRequired);
  return writeTransaction(db, async (tx) => {
    const sub = await loadSubmissionById(db, input.submissionId);
    if (!sub) throw new AppError("NOT_FOUND", m.submissionNotFound);
    const node = await selectOne<{ id: number; name: string }>(
      db,
      sql`select o.id, o.name from orgs o where o.id = ${sub.orgId} and ${scopeSql(scope, "").within.subtree("o")}`,
    );
    if (!node) throw new AppError("NOT_FOUND", m.submissionNotFound);
    if (node.id === own.id) throw new AppError("FORBIDDEN", m.reopenOnlyAbove);
    if (sub.state !== "approved") throw new AppError("CONFLICT", m.notApproved);
    if (input.version !== undefined && input.version !== sub.version)
      throw new AppError("CONFLICT", m.versionConflict);
    const at = nowIso();
    const reopen = async (
      s: { id: number; orgId: number; state: SubmissionState; version: number },
      why: string,
    ) => {
      const r = await db
        .update(reportSubmissions)
        .set({
          state: "returned",
          decidedBy: scope.userId || null,
          decidedAt: at,
          returnReason: why,
          version: s.version + 1,
        })
        .where(and(eq(reportSubmissions.id, s.id), eq(reportSubmissions.version, s.version)))
        .returning({ id: reportSubmissions.id });
      if (r.length !== 1) throw new AppError("CONFLICT", m.versionConflict);
      await writeAudit(tx, {
        userId: scope.userId || null,
        username: scope.username,
        action: "report.reopen",
        entity: "report_submission",
        entityId: s.id,
        scopeOrgId: s.orgId,
        before: { state: s.state, version: s.version },
        after: { state: "returned", version: s.version + 1, year: sub.year, reason: why },
      });
    };
    await reopen(sub, m.reopenedReason(reason));
    // The ancestors on the year's tree whose submitted or approved figures include this report.
    const tree = (await new ReportComputer(db).index(sub.year)).tree;
    const ancestors = tree.has(node.id) ? tree.ancestors(node.id) : [];
    for (const ancestorId of ancestors) {
      const a = await loadSubmission(db, ancestorId, sub.year);
      if (a && (a.state === "submitted" || a.state === "approved"))
        await reopen(a, m.reopenedWithChild(node.name, sub.year, reason));
    }
    return { id: sub.id, state: "returned" as const, version: sub.version + 1 };
  });
}

export interface ChildSubmission {
  orgId: number;
  code: string;
  name: string;
  category: string;
  submissionId: number | null;
  state: SubmissionState | null;
  version: number | null;
  submittedAt: string | null;
  decidedAt: string | null;
  returnReason: string | null;
}

/**
 * The submission states of a node's child management nodes for a year (today's tree); the node (default:
 * the caller's own) in the subtree of the caller (`cx`).
 */
export async function childSubmissions(
  cx: Cx,
  input: { nodeId?: number | undefined; year: number },
): Promise<{ node: { id: number; name: string }; children: ChildSubmission[] }> {
  const { db, scope } = cx;
  const node = await resolveNode(db, scope, { nodeId: input.nodeId ?? scope.org?.id ?? -1 });
  const rows = await selectAll<ChildSubmission>(
    db,
    sql`select o.id as orgId, o.code, o.name, o.category, s.id as submissionId, s.state, s.version,
               s.submitted_at as submittedAt, s.decided_at as decidedAt, s.return_reason as returnReason
        from orgs o left join report_submissions s on s.org_id = o.id and s.year = ${input.year}
        where o.parent_id = ${node.id} order by o.code`,
  );
  return {
    node: { id: node.id, name: node.name },
    children: rows.filter((r) => isManagement(r.category as OrgCategory)),
  };
}
