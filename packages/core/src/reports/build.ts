/**
 * The year-end report of a management node as the system holds it: computed by the domain as of
 * 31 December on that date's tree, with approved (frozen) child rows substituted and the 合计 re-derived
 * from the rows; the year-over-year base per row is the unit's approved figures of the previous year,
 * else the figures computed as of the previous 31 December.
 */
import {
  AsOfIndex,
  clock,
  checkJointCap,
  checkInstructorCap,
  checkReport,
  checkStandaloneCoverage,
  computeNodeParts,
  computeReportFromCounts,
  countsIndex,
  previousCoverageRateFromCounts,
  AppError,
  isAppError,
  isGrassroots,
  nodeRowRecords,
  orgCoverageRateUnrounded,
  reconcileRecords,
  reportWindowOpensOn,
  unionRecords,
  policyAsOf,
  SnapshotShared,
  totalFromRows,
  yearEnd,
  type BasicsAnnex,
  type IndicatorParts,
  type Indicators,
  type OrgCategory,
  type OrgTree,
  type Policy,
  type PolicyVersion,
  type ReportCounts,
  type Report,
  type RegionTree,
  type ReportRow,
  type RowRecords,
  type Snapshot,
} from "@liangxin/domain";
import { sql } from "drizzle-orm";
import { type Db, inSpan, selectAll, selectOne, selectRows, selectValue } from "@liangxin/db/driver";
import { loadReportCounts } from "@liangxin/db/report-counts";
import type { Cx } from "@liangxin/db/cx";
import { pathIn, scopeSql, subtreeRange, type Scope } from "@liangxin/db/scope";
import { loadPolicyVersions, loadSnapshot } from "@liangxin/db/snapshot";
import { reportMessages as m } from "./messages.ts";
import { describeDifferences, loadSubmissionRecords, type StoredRecords } from "./records.ts";
import { loadCheckFigures, loadCheckRecords, loadLatestCheck, type StoredCheckInfo } from "./check-store.ts";
import { basicsAnnexOf, basicsDay, reportBoardIn } from "./basics.ts";
import { askQuality, qualityOf, qualityTrees, qualityWarnings, type QualityAsked } from "./quality.ts";
import { readerFor } from "../basics/check.ts";
import { askKeptBasics, keptBasicsAnnex } from "../basics/kept.ts";
import { FiguresCache, keepableVersion, keptOrComputed } from "../figures-cache.ts";

export type SubmissionState = "submitted" | "returned" | "approved";

/**
 * A report as frozen into `report_submissions.figures`: every row with its parts, and the five-basics
 * 附表 (absent from reports frozen before it existed).
 */
export type FrozenReport = Report & { totalParts: IndicatorParts; basics?: BasicsAnnex };

/** Where a row's figures come from. */
export type RowSource = "computed" | "approved" | "derived";

export interface ReportViewRow extends ReportRow {
  parts: IndicatorParts;
  /** computed: from the records; approved: the child's frozen figures; derived: from the child's own rows. */
  source: RowSource;
  /** The child's submission state for the year (child rows only). */
  submissionState: SubmissionState | null;
}

export interface ReportCheck {
  level: "error" | "warning";
  code: string;
  message: string;
}

export interface SubmissionInfo {
  id: number;
  state: SubmissionState;
  version: number;
  submittedBy: number | null;
  submittedAt: string | null;
  /** 单位负责人 and 填表人 named at 上报; null before, or when the system submitted. */
  unitHead: string | null;
  preparer: string | null;
  decidedBy: number | null;
  decidedAt: string | null;
  returnReason: string | null;
  explanations: Record<string, string>;
  checks: ReportCheck[];
}

export interface ReportView {
  year: number;
  asOf: string;
  node: { id: number; code: string; name: string; category: string; parentId: number | null };
  parent: { id: number; name: string } | null;
  policy: PolicyVersion;
  rows: ReportViewRow[];
  total: Indicators;
  totalParts: IndicatorParts;
  annex: ReportRow[];
  /** 附表 五个基本: per row, the grassroots organizations meeting each basic (null: frozen before it existed). */
  basics: BasicsAnnex | null;
  openingMembers: number | null;
  /** Last year's approved closing figure (members), when last year's report was approved. */
  previousApprovedClosingMembers: number | null;
  /** live: computed now; submitted/approved: the figures frozen at submission. */
  source: "live" | "submitted" | "approved";
  submission: SubmissionInfo | null;
  /** The checks (校核) of the figures shown. */
  checks: ReportCheck[];
  actions: { canSubmit: boolean; canDecide: boolean; canReopen: boolean; canSaveCheck: boolean };
  /** The reporting window: the year can be submitted from `opensOn` (today is `today`). */
  window: ReportingWindow;
  /** The year-over-year base (上年): the unit's approved figures, or recomputed from today's records. */
  previousBase: "approved" | "recomputed";
  /**
   * 数据已变更: a past year not approved whose records changed after its last stored 校核 or submission
   * (the newer of the two) — the differences (as 校核 names them) and the audit entries of the node's area
   * since then. Null: nothing changed, or nothing stored to compare with.
   */
  changed: ChangedSince | null;
  /** The newest stored 校核 of the node and year (保存校核), or null. */
  lastCheck: StoredCheckInfo | null;
}

export interface ChangedSince {
  /** What the figures are compared with: the last submission or the last stored 校核. */
  against: "submission" | "check";
  since: string;
  differences: string[];
  audit: { at: string; username: string | null; action: string; entity: string; entityId: string | null }[];
}

/** At most this many audit entries are listed under 数据已变更 (the audit page has the rest). */
const CHANGED_AUDIT_MAX = 20;

/** What a past year's figures are compared with: the newer of its last submission and its last 校核. */
interface Baseline {
  against: ChangedSince["against"];
  since: string;
  /** The figures and records stored then (read only for the baseline chosen). */
  load: () => Promise<{ figures: FrozenReport; records: StoredRecords }>;
}

/** The newer of the last submission (not approved) and the last stored 校核, or null. */
function baselineOf(
  db: Db,
  comp: ReportComputer,
  sub: SubmissionRow | undefined,
  check: StoredCheckInfo | undefined,
): Baseline | null {
  const fromSub: Baseline | null =
    sub && sub.state !== "approved" && sub.submittedAt
      ? {
          against: "submission",
          since: sub.submittedAt,
          load: async () => ({ figures: frozenOf(sub), records: await comp.submissionRecords(sub.id) }),
        }
      : null;
  const fromCheck: Baseline | null = check
    ? {
        against: "check",
        since: check.checkedAt,
        load: async () => ({
          figures: await loadCheckFigures(db, check.id),
          records: await loadCheckRecords(db, check.id),
        }),
      }
    : null;
  if (!fromSub || !fromCheck) return fromSub ?? fromCheck;
  return fromCheck.since > fromSub.since ? fromCheck : fromSub;
}

async function changedSince(
  db: Db,
  comp: ReportComputer,
  node: NodeRow,
  year: number,
  base: Baseline,
): Promise<ChangedSince | null> {
  // The differences are figures (kept per data version); the audit entries below are read each time.
  const differences = await keptOrComputed(
    db,
    changedCache,
    `${node.id}:${year}:${base.against}:${base.since}`,
    async () =>
      (await comp.reconcileFrozen({ orgId: node.id, year, ...(await base.load()) })).map((c) => c.message),
  );
  if (differences.length === 0) return null;
  const audit = await selectAll<ChangedSince["audit"][number]>(
    db,
    sql`select a.at, a.username, a.action, a.entity, a.entity_id as entityId from audit_log a
        join orgs o on o.id = a.scope_org_id
        where a.at > ${base.since} and ${pathIn("o.path", subtreeRange(node.path))}
          and a.action not like 'report.%'
        order by a.id desc limit ${CHANGED_AUDIT_MAX}`,
  );
  return { against: base.against, since: base.since, differences, audit };
}

type LiveReport = Report & { totalParts: IndicatorParts; rows: ReportViewRow[] };

/** Live reports of a node and year with their checks, per data version (figures-cache.ts). */
export const liveReportCache = new FiguresCache<{ report: LiveReport; checks: ReportCheck[] }>(
  "report",
  10_000,
  (v) => v.report.rows.length + v.checks.length,
);
const changedCache = new FiguresCache<string[]>("report-changed", 4096, (v) => 1 + v.length);
/** The five-basics 附表 of a live report, per data version. */
const basicsCache = new FiguresCache<BasicsAnnex>("report-basics", 10_000, (v) => 1 + v.rows.length);

/** `p`, its rejection marked handled: awaited later, after other awaits that may throw first. */
function handled<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/**
 * The node's live report and its checks (校核), computed by `comp` or kept from an earlier request at the
 * same data version (only on an API query's read transaction; the caller's scope was checked before).
 */
export async function liveFigures(
  cx: Cx,
  comp: ReportComputer,
  nodeId: number,
  year: number,
  onStage?: (done: number) => Promise<void>,
): Promise<{ report: LiveReport; checks: ReportCheck[] }> {
  return keptOrComputed(cx.db, liveReportCache, liveReportKey(nodeId, year, cx.today), async () => {
    // A long report computed in the background (prepare.ts) reports its stages for the page's progress:
    // counted by the database, then checked. (It loaded the year's records first, as the report did
    // before its counts came from the database: seconds and a city's rows in memory for nothing.)
    const report = await comp.live(nodeId, year);
    await onStage?.(1);
    return { report, checks: await comp.checks(report, year) };
  });
}

/** The key of a live report in `liveReportCache` (with today: nothing computed is kept across days). */
export function liveReportKey(nodeId: number, year: number, today: string): string {
  return `${nodeId}:${year}:${today}`;
}

export interface ReportingWindow {
  opensOn: string;
  today: string;
  open: boolean;
}

/** Whether the report of `year` can be submitted today (policy `reportEarlyOpenDays`, in force today). */
export async function reportingWindow(db: Db, year: number): Promise<ReportingWindow> {
  const today = clock.today();
  const opensOn = reportWindowOpensOn(year, await loadPolicyVersions(db), today);
  return { opensOn, today, open: today >= opensOn };
}

interface NodeRow {
  id: number;
  code: string;
  name: string;
  category: OrgCategory;
  parentId: number | null;
  path: string;
}

interface SubmissionRow {
  id: number;
  orgId: number;
  year: number;
  state: SubmissionState;
  figures: string;
  checks: string | null;
  explanations: string | null;
  submittedBy: number | null;
  submittedAt: string | null;
  unitHead: string | null;
  preparer: string | null;
  decidedBy: number | null;
  decidedAt: string | null;
  returnReason: string | null;
  version: number;
}

export const MIN_REPORT_YEAR = 2000;
export const MAX_REPORT_YEAR = 2100;

/** The columns of a `SubmissionRow` (the json columns as their stored text). */
const SUBMISSION_COLUMNS = sql.raw(`id, org_id as orgId, year, state, figures, checks, explanations,
  submitted_by as submittedBy, submitted_at as submittedAt, unit_head as unitHead, preparer,
  decided_by as decidedBy,
  decided_at as decidedAt, return_reason as returnReason, version`);

export async function loadSubmission(
  db: Db,
  orgId: number,
  year: number,
): Promise<SubmissionRow | undefined> {
  return selectOne<SubmissionRow>(
    db,
    sql`select ${SUBMISSION_COLUMNS} from report_submissions where org_id = ${orgId} and year = ${year}`,
  );
}

export async function loadSubmissionById(db: Db, id: number): Promise<SubmissionRow | undefined> {
  return selectOne<SubmissionRow>(
    db,
    sql`select ${SUBMISSION_COLUMNS} from report_submissions where id = ${id}`,
  );
}

function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  return JSON.parse(text) as T;
}

export function submissionInfo(row: SubmissionRow): SubmissionInfo {
  return {
    id: row.id,
    state: row.state,
    version: row.version,
    submittedBy: row.submittedBy,
    submittedAt: row.submittedAt,
    unitHead: row.unitHead,
    preparer: row.preparer,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    returnReason: row.returnReason,
    explanations: parseJson<Record<string, string>>(row.explanations, {}),
    checks: parseJson<ReportCheck[]>(row.checks, []),
  };
}

export function frozenOf(row: SubmissionRow): FrozenReport {
  return JSON.parse(row.figures) as FrozenReport;
}

/** The figures of a report view as they are frozen (with a submission or a stored 校核). */
export function freezeView(view: ReportView, node: { id: number; code: string; name: string }): FrozenReport {
  return {
    year: view.year,
    asOf: view.asOf,
    node: { id: node.id, code: node.code, name: node.name },
    policy: view.policy,
    rows: view.rows,
    total: view.total,
    totalParts: view.totalParts,
    annex: view.annex,
    ...(view.basics !== null ? { basics: view.basics } : {}),
    ...(view.openingMembers !== null ? { openingMembers: view.openingMembers } : {}),
  };
}

/** The organization row of a node, found by id or 组织代码, inside the caller's subtree (else NOT_FOUND). */
export async function resolveNode(
  db: Db,
  scope: Scope,
  ref: { nodeId?: number; nodeCode?: string },
): Promise<NodeRow> {
  if (!scope.org) throw new AppError("NOT_FOUND", m.nodeNotFound);
  const byCode = ref.nodeId === undefined && ref.nodeCode !== undefined;
  const where = byCode ? sql`o.code = ${ref.nodeCode!}` : sql`o.id = ${ref.nodeId ?? scope.org.id}`;
  const row = await selectOne<NodeRow>(
    db,
    sql`select id, code, name, category, parent_id as parentId, path from orgs o
        where ${where} and ${scopeSql(scope, "").within.subtree("o")}`,
  );
  if (!row) throw new AppError("NOT_FOUND", m.nodeNotFound);
  if (isGrassroots(row.category)) throw new AppError("BAD_INPUT", m.notManagementNode(row.name));
  return row;
}

/** Everything the computation of one or more reports of one year shares. */
export class ReportComputer {
  /** The policy versions, read on first use (the constructor runs no statement). */
  private policies: Promise<PolicyVersion[]> | undefined;
  /** Paths of the organizations asked about (a node's children) and of each year's approved units. */
  private readonly paths = new Map<number, string | null>();
  private readonly approvedPathsRead = new Set<number>();
  /**
   * Rows in force on the loaded dates only: complete for each year asked for, coverage only (hosts,
   * coverages, members held) for the 31 December before it.
   */
  private loaded:
    { snapshot: Snapshot; shared: SnapshotShared; complete: Set<string>; coverage: Set<string> } | undefined;
  private readonly indexes = new Map<number, AsOfIndex>();
  private readonly coverageIndexes = new Map<number, AsOfIndex>();
  private readonly approvedByYear = new Map<number, Map<number, FrozenReport>>();
  private readonly approvedIdsByYear = new Map<number, Map<number, number>>();
  private readonly liveRecordsCache = new Map<string, StoredRecords>();
  private readonly submissionRecordsCache = new Map<number, StoredRecords>();
  private readonly cache = new Map<string, Report & { totalParts: IndicatorParts; rows: ReportViewRow[] }>();
  /** The counts of each live report computed (`node:year`), for its checks. */
  private readonly countsKept = new Map<string, ReportCounts>();
  /** The city's quality statements asked before its counts (`askCityQuality`), per node and year. */
  private readonly qualityAsked = new Map<string, QualityAsked>();

  constructor(private readonly db: Db) {}

  async policyFor(year: number): Promise<PolicyVersion> {
    this.policies ??= loadPolicyVersions(this.db);
    return policyAsOf(await this.policies, yearEnd(year));
  }

  /**
   * The records in force on 31 December of `year` and of the year before (what a report of `year`
   * reads), loaded on first use; asking for another year reloads the union of the dates.
   */
  private async load(year: number): Promise<{ snapshot: Snapshot; shared: SnapshotShared }> {
    const d = yearEnd(year);
    const prev = yearEnd(year - 1);
    const l = this.loaded;
    if (l && l.complete.has(d) && (l.complete.has(prev) || l.coverage.has(prev))) return l;
    const complete = new Set([...(l?.complete ?? []), d]);
    const coverage = new Set([...(l?.coverage ?? []), prev]);
    const snapshot = await loadSnapshot(this.db, { asOf: [...complete], coverageAsOf: [...coverage] });
    this.loaded = { snapshot, shared: new SnapshotShared(snapshot), complete, coverage };
    return this.loaded;
  }

  /** An index of 31 December of `year` for coverage only (hosts, covering organizations, the tree). */
  private async coverageIndex(year: number): Promise<AsOfIndex> {
    const full = this.indexes.get(year);
    if (full) return full;
    let idx = this.coverageIndexes.get(year);
    if (!idx) {
      const { snapshot, shared } = await this.load(year + 1);
      this.coverageIndexes.set(year, (idx = new AsOfIndex(snapshot, yearEnd(year), shared)));
    }
    return idx;
  }

  /** The records a report of `year` reads (rows in force on its 31 December and the one before). */
  async snapshotFor(year: number): Promise<Snapshot> {
    return (await this.load(year)).snapshot;
  }

  async index(year: number): Promise<AsOfIndex> {
    let idx = this.indexes.get(year);
    if (!idx) {
      const { snapshot, shared } = await this.load(year);
      this.indexes.set(year, (idx = new AsOfIndex(snapshot, yearEnd(year), shared)));
    }
    return idx;
  }

  /** Approved (frozen) reports of a year by node. */
  async approved(year: number): Promise<Map<number, FrozenReport>> {
    let map = this.approvedByYear.get(year);
    if (!map) {
      map = new Map();
      const rows = await selectAll<SubmissionRow>(
        this.db,
        sql`select ${SUBMISSION_COLUMNS} from report_submissions where year = ${year} and state = 'approved'`,
      );
      const ids = new Map<number, number>();
      for (const r of rows) {
        map.set(r.orgId, frozenOf(r));
        ids.set(r.orgId, r.id);
      }
      this.approvedByYear.set(year, map);
      this.approvedIdsByYear.set(year, ids);
    }
    return map;
  }

  /**
   * Whether a unit below `orgId` has an approved report of `year`. Reads the paths of that year's approved
   * units and of `orgId` only (a township's report must not read the city's organizations, issue 25 goal 3).
   */
  private async hasApprovedBelow(orgId: number, year: number): Promise<boolean> {
    const approved = await this.approved(year);
    if (approved.size === 0) return false;
    if (!this.approvedPathsRead.has(year)) {
      this.approvedPathsRead.add(year);
      const rows = await selectRows<[number, string]>(
        this.db,
        sql`select o.id, o.path from orgs o
        where o.id in (select s.org_id from report_submissions s where s.year = ${year} and s.state = 'approved')`,
      );
      for (const [id, p] of rows) this.paths.set(id, p);
    }
    if (!this.paths.has(orgId)) {
      const [row] = await selectRows<[string]>(this.db, sql`select path from orgs where id = ${orgId}`);
      this.paths.set(orgId, row?.[0] ?? null);
    }
    const path = this.paths.get(orgId);
    if (!path) return false;
    for (const id of approved.keys()) {
      const p = this.paths.get(id);
      if (id !== orgId && p?.startsWith(path)) return true;
    }
    return false;
  }

  /**
   * The node's report computed from the records, with approved child rows (and children whose own rows
   * hold approved figures) substituted, and the 合计 derived from the rows.
   */
  async live(
    nodeId: number,
    year: number,
  ): Promise<Report & { totalParts: IndicatorParts; rows: ReportViewRow[] }> {
    const key = `${nodeId}:${year}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const prevApproved = await this.approved(year - 1);
    const rateOf = (p: IndicatorParts | undefined): number | null | undefined =>
      p ? orgCoverageRateUnrounded(p) : undefined;
    const ownPrev = prevApproved.get(nodeId);
    // Counted by the database, bounded by the node (issue 25); `computeReport` over the snapshot is the
    // reference the property test holds this to.
    const policy = await this.policyFor(year);
    await this.askCityQuality(nodeId, year, policy.params);
    const counts = await loadReportCounts(this.db, nodeId, year, policy.params);
    this.countsKept.set(key, counts);
    const previousTotal = ownPrev
      ? orgCoverageRateUnrounded(ownPrev.totalParts)
      : previousCoverageRateFromCounts(counts, nodeId);
    // A rule of the computation that refuses (e.g. the node is not a management unit) is thrown as it is:
    // the API answers it BAD_REQUEST with its Chinese message.
    const report: Report = computeReportFromCounts(counts, nodeId, policy, {
      previous: (row) => {
        if (row.kind === "child") return rateOf(prevApproved.get(row.orgId)?.totalParts);
        if (row.kind === "direct") return rateOf(ownPrev?.rows.find((r) => r.kind === "direct")?.parts);
        return undefined;
      },
      previousTotal,
      // 年初 is last year's approved closing figure of the unit (its own report, or this node's 直属 row).
      opening: (row) => {
        if (row.kind === "child") return prevApproved.get(row.orgId)?.total.members.total;
        if (row.kind === "direct")
          return ownPrev?.rows.find((r) => r.kind === "direct")?.indicators.members.total;
        return undefined;
      },
      ...(ownPrev ? { openingTotal: ownPrev.total.members.total } : {}),
    });
    const approvedNow = await this.approved(year);
    const states = await this.childStates(nodeId, year);
    let substituted = false;
    const rows: ReportViewRow[] = [];
    for (const row of report.rows) {
      const base: ReportViewRow = {
        ...row,
        parts: row.parts!,
        source: "computed",
        submissionState: row.kind === "child" ? (states.get(row.orgId) ?? null) : null,
      };
      if (row.kind !== "child") {
        rows.push(base);
        continue;
      }
      const frozen = approvedNow.get(row.orgId);
      if (frozen) {
        substituted = true;
        rows.push({ ...base, indicators: frozen.total, parts: frozen.totalParts, source: "approved" });
        continue;
      }
      if (await this.hasApprovedBelow(row.orgId, year)) {
        substituted = true;
        const sub = await this.live(row.orgId, year);
        rows.push({ ...base, indicators: sub.total, parts: sub.totalParts, source: "derived" });
        continue;
      }
      rows.push(base);
    }
    let total = report.total;
    let totalParts = report.totalParts!;
    if (substituted) {
      ({ total, totalParts } = totalFromRows(rows, report.totalParts!.hasTerritory, previousTotal));
      // The 合计's member flows are the node's as a whole, not the sum of its rows.
      totalParts = { ...totalParts, flows: report.totalParts!.flows };
      total = { ...total, flows: report.total.flows };
    }
    const out = { ...report, rows, total, totalParts };
    this.cache.set(key, out);
    return out;
  }

  /** The records behind each row of the node's report computed from the records (no frozen figures). */
  async liveRecords(nodeId: number, year: number): Promise<StoredRecords> {
    const key = `${nodeId}:${year}`;
    let r = this.liveRecordsCache.get(key);
    if (!r) {
      const index = await this.index(year);
      const policy = await this.policyFor(year);
      const snapshot = await this.snapshotFor(year);
      const prevIndex = await this.coverageIndex(year - 1);
      r = nodeRowRecords(index, nodeId, policy.params, { snapshot, year, prevIndex });
      this.liveRecordsCache.set(key, r);
    }
    return r;
  }

  /** The records stored with a submission (empty rows: stored before records were kept). */
  async submissionRecords(submissionId: number): Promise<StoredRecords> {
    let r = this.submissionRecordsCache.get(submissionId);
    if (!r)
      this.submissionRecordsCache.set(submissionId, (r = await loadSubmissionRecords(this.db, submissionId)));
    return r;
  }

  /**
   * The records behind each row as the report shows it: an approved child's row is its frozen records, a
   * derived row the records of the child's own rows, a computed row the live records. `complete` is false
   * when an approved report below was approved before records were kept (figures only).
   */
  async reportedRecords(nodeId: number, year: number): Promise<StoredRecords & { complete: boolean }> {
    const report = await this.live(nodeId, year);
    const live = await this.liveRecords(nodeId, year);
    let complete = true;
    const viewRows: readonly ReportViewRow[] = report.rows;
    const rows: RowRecords[] = [];
    for (const [i, row] of viewRows.entries()) {
      if (row.source === "approved") {
        const id = this.approvedIdsByYear.get(year)?.get(row.orgId);
        const stored = id !== undefined ? await this.submissionRecords(id) : undefined;
        if (!stored || stored.rows.length === 0) complete = false;
        rows.push(unionRecords(stored?.rows ?? []));
      } else if (row.source === "derived") {
        const sub = await this.reportedRecords(row.orgId, year);
        if (!sub.complete) complete = false;
        rows.push(unionRecords(sub.rows));
      } else rows.push(live.rows[i]!);
    }
    return { keys: live.keys, rows, complete };
  }

  /** The node's 合计 parts computed from the records alone; null when the node is not in the tree. */
  private async liveTotalParts(nodeId: number, year: number): Promise<IndicatorParts | null> {
    try {
      return computeNodeParts(await this.index(year), nodeId, (await this.policyFor(year)).params);
    } catch (e) {
      if (isAppError(e, "RULE")) return null;
      throw e;
    }
  }

  /**
   * 校核 of a report built from frozen child rows: its 合计 against the same figures computed live, and
   * every record counted twice, no longer there, not counted or counted with other facts. Empty when every
   * row is computed live (nothing to reconcile).
   */
  async reconcile(
    report: Report & { totalParts: IndicatorParts; rows: ReportViewRow[] },
    year: number,
  ): Promise<ReportCheck[]> {
    const viewRows: readonly ReportViewRow[] = report.rows;
    if (viewRows.every((r) => r.source === "computed")) return [];
    const nodeId = report.node.id;
    const liveTotal = await this.liveTotalParts(nodeId, year);
    if (!liveTotal) return [];
    const reported = await this.reportedRecords(nodeId, year);
    const records = reported.complete
      ? reconcileRecords(reported.rows, unionRecords((await this.liveRecords(nodeId, year)).rows))
      : [];
    return describeDifferences(this.db, {
      rowNames: report.rows.map((r) => r.name),
      records,
      reportedTotal: report.totalParts,
      liveTotal,
    });
  }

  /** 校核 of a submission before its approval: its frozen figures and records against the live ones. */
  async reconcileSubmission(sub: {
    id: number;
    orgId: number;
    year: number;
    figures: string;
  }): Promise<ReportCheck[]> {
    return this.reconcileFrozen({
      orgId: sub.orgId,
      year: sub.year,
      figures: JSON.parse(sub.figures) as FrozenReport,
      records: await this.submissionRecords(sub.id),
    });
  }

  /** 校核 of stored figures and records (a submission's or a stored 校核's) against the live ones. */
  async reconcileFrozen(input: {
    orgId: number;
    year: number;
    figures: FrozenReport;
    records: StoredRecords;
  }): Promise<ReportCheck[]> {
    const frozen = input.figures;
    const liveTotal = await this.liveTotalParts(input.orgId, input.year);
    if (!liveTotal)
      return [
        {
          level: "error",
          code: "RECONCILE_TOTAL",
          message: m.nodeGoneAtYearEnd(frozen.node.name, input.year),
        },
      ];
    const stored = input.records;
    const records =
      stored.rows.length > 0
        ? reconcileRecords(stored.rows, unionRecords((await this.liveRecords(input.orgId, input.year)).rows))
        : [];
    return describeDifferences(this.db, {
      rowNames: frozen.rows.map((r) => r.name),
      records,
      reportedTotal: frozen.totalParts,
      liveTotal,
    });
  }

  private async childStates(nodeId: number, year: number): Promise<Map<number, SubmissionState>> {
    const rows = await selectAll<{ orgId: number; state: SubmissionState }>(
      this.db,
      sql`select s.org_id as orgId, s.state from report_submissions s join orgs o on o.id = s.org_id
          where s.year = ${year} and o.parent_id = ${nodeId}`,
    );
    return new Map(rows.map((r) => [r.orgId, r.state]));
  }

  /**
   * The city's quality statements (quality.ts), asked before its counts: of the read thread when it may
   * serve this read, so that they run while the report is counted. Only for the city's root, whose
   * statements are not bounded by its subtree (known once the counts have built the trees): its territory
   * is asked as the regions under its region.
   */
  private async askCityQuality(nodeId: number, year: number, policy: Policy): Promise<void> {
    const key = `${nodeId}:${year}`;
    if (this.qualityAsked.has(key) || this.loaded?.complete.has(yearEnd(year))) return;
    const node = await selectOne<{ parentId: number | null; regionPath: string | null }>(
      this.db,
      sql`select o.parent_id as parentId, r.path as regionPath from orgs o left join regions r on r.id = o.region_id
          where o.id = ${nodeId}`,
    );
    if (!node || node.parentId !== null) return;
    const regions = sql`(select r.id from regions r where ${pathIn("r.path", subtreeRange(node.regionPath))})`;
    const read = await readerFor(this.db);
    this.qualityAsked.set(key, askQuality(read, { asOf: yearEnd(year), policy, regions, bounded: false }));
  }

  /**
   * What the quality checks of a node's report of `year` read: the records of the year when this computer
   * already loaded them (the domain's rules run over them), else the trees of 31 December only — those the
   * report's counts built (`countsIndex`), or read for the node — the rules then being asked of the database
   * (quality.ts: a few offending rows, not the city's coverages, instructors and assignments; issue 25).
   */
  private async checksData(
    nodeId: number,
    year: number,
  ): Promise<{ snapshot: Snapshot | null; tree: OrgTree; regionTree: RegionTree }> {
    const d = yearEnd(year);
    if (this.loaded?.complete.has(d)) {
      const index = await this.index(year);
      return { snapshot: this.loaded.snapshot, tree: index.tree, regionTree: index.regionTree };
    }
    // The report's counts built the trees of 31 December (a township's: its subtree as of any date).
    const counts = this.countsKept.get(`${nodeId}:${year}`);
    if (counts) {
      const index = countsIndex(counts);
      return { snapshot: null, tree: index.tree, regionTree: index.regionTree };
    }
    return { snapshot: null, ...(await qualityTrees(this.db, nodeId, d)) };
  }

  /**
   * The checks (校核) of a live report: the domain's report checks, the carry-forward of members, the
   * quality warnings of the records in the node's area, and children not yet approved.
   */
  async checks(
    report: Report & { totalParts: IndicatorParts; rows: ReportViewRow[] },
    year: number,
  ): Promise<ReportCheck[]> {
    const prev = (await this.approved(year - 1)).get(report.node.id);
    const out: ReportCheck[] = checkReport(report, {
      previousApprovedClosingMembers: prev ? prev.total.members.total : null,
      ...(report.openingMembers !== undefined ? { openingMembers: report.openingMembers } : {}),
    }).map((v) => ({ level: v.level, code: v.code, message: v.message }));

    // Quality warnings about records of the node's area as of 31 December: of its subtree's organizations,
    // or naming a host of its territory.
    const { snapshot, tree, regionTree } = await this.checksData(report.node.id, year);
    const asOf = yearEnd(year);
    const policy = (await this.policyFor(year)).params;
    const orgIds = new Set(tree.has(report.node.id) ? tree.subtree(report.node.id) : []);
    const node = tree.org(report.node.id);
    const regions = new Set(
      node?.regionId != null && regionTree.has(node.regionId) ? regionTree.subtree(node.regionId) : [],
    );
    if (!snapshot) {
      // Asked of the database (quality.ts); below the city's root, of the node's area only.
      const bounded = node !== undefined && node.parentId !== null;
      const area = { asOf, policy, orgIds, regionIds: regions, bounded };
      const asked = bounded ? undefined : this.qualityAsked.get(`${report.node.id}:${year}`);
      out.push(...(await (asked ? qualityOf(asked, area) : qualityWarnings(this.db, area))));
    } else {
      // The year's records are in memory: the domain's rules over them (the reference of quality.ts).
      // The region of a host a warning names is looked up (not every host is loaded), once per host.
      const hostRegion = new Map(snapshot.hosts.map((h) => [h.id, h.regionId]));
      const regionOfHost = (id: number) =>
        selectValue<number>(this.db, sql`select region_id from hosts where id = ${id}`);
      const regionOf = async (id: number): Promise<number> => {
        let r = hostRegion.get(id);
        if (r === undefined) hostRegion.set(id, (r = (await regionOfHost(id)) ?? -1));
        return r;
      };
      const mine = async (refs: { orgIds?: number[]; hostIds?: number[] } | undefined): Promise<boolean> => {
        if (!refs) return false;
        if ((refs.orgIds ?? []).some((id) => orgIds.has(id))) return true;
        for (const id of refs.hostIds ?? []) if (regions.has(await regionOf(id))) return true;
        return false;
      };
      const quality = [
        ...checkStandaloneCoverage(snapshot, { asOf }),
        ...checkJointCap(snapshot, policy, asOf),
        ...checkInstructorCap(snapshot, policy, asOf),
      ];
      for (const v of quality) {
        if (v.level === "warning" && (await mine(v.refs)))
          out.push({ level: v.level, code: v.code, message: v.message });
      }
    }
    out.push(...(await this.reconcile(report, year)));
    for (const r of report.rows) {
      if (r.kind === "child" && r.source === "computed" && r.submissionState !== "approved") {
        out.push({ level: "warning", code: "CHILD_NOT_APPROVED", message: m.childNotApproved(r.name) });
      }
    }
    return out;
  }
}

/** Warnings keyed by code: each code needs one written explanation. */
export function warningCodes(checks: readonly ReportCheck[]): string[] {
  return [...new Set(checks.filter((c) => c.level === "warning").map((c) => c.code))];
}

async function parentOf(db: Db, node: NodeRow): Promise<{ id: number; name: string; path: string } | null> {
  if (node.parentId === null) return null;
  return (
    (await selectOne<{ id: number; name: string; path: string }>(
      db,
      sql`select id, name, path from orgs where id = ${node.parentId}`,
    )) ?? null
  );
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_REPORT_YEAR || year > MAX_REPORT_YEAR) {
    throw new AppError("BAD_INPUT", m.yearOutOfRange(year));
  }
}

export interface ReportInput {
  /** The node by id (default: the caller's own) or by 组织代码. */
  nodeId?: number | undefined;
  nodeCode?: string | undefined;
  year: number;
  /** What several reports computed together share (a new one by default). */
  computer?: ReportComputer | undefined;
}

/**
 * The report of a node for a year as the caller (`cx`: its scope, on its connection) sees it: the frozen
 * figures once submitted (until returned), else computed now. The node must lie in the caller's subtree.
 */
export async function buildReport(cx: Cx, input: ReportInput): Promise<ReportView> {
  return buildReportIn(cx, input);
}

/**
 * `buildReport` on the connection (or transaction) of `cx`: for a use case computing it inside its
 * transaction. One span (`report.build`) when tracing is on, its statements' spans within.
 */
export async function buildReportIn(cx: Cx, input: ReportInput): Promise<ReportView> {
  const attributes = {
    "liangxin.report.year": input.year,
    ...(input.nodeId !== undefined ? { "liangxin.report.node_id": input.nodeId } : {}),
  };
  return inSpan("liangxin-core", "report.build", attributes, () => computeReport(cx, input));
}

async function computeReport(cx: Cx, input: ReportInput): Promise<ReportView> {
  const { db, scope } = cx;
  assertYear(input.year);
  const node = await resolveNode(db, scope, input);
  const year = input.year;
  const sub = await loadSubmission(db, node.id, year);
  const parent = await parentOf(db, node);
  const comp = input.computer ?? new ReportComputer(db);
  const prevApproved = (await comp.approved(year - 1)).get(node.id);
  const previousApprovedClosingMembers = prevApproved ? prevApproved.total.members.total : null;
  const isAdmin = scope.role === "admin" && scope.org !== null;
  const window = await reportingWindow(db, year);
  const actions = {
    canSubmit:
      isAdmin &&
      window.open &&
      scope.org!.id === node.id &&
      parent !== null &&
      (!sub || sub.state === "returned"),
    canDecide: isAdmin && parent !== null && parent.id === scope.org!.id && sub?.state === "submitted",
    // The approver or any level above it (the node lies strictly below the caller's own node).
    canReopen: isAdmin && sub?.state === "approved" && node.id !== scope.org!.id,
    canSaveCheck:
      isAdmin &&
      scope.org!.id === node.id &&
      year <= Number(window.today.slice(0, 4)) &&
      (!sub || sub.state === "returned"),
  };
  const previousBase = prevApproved ? ("approved" as const) : ("recomputed" as const);
  const check = await loadLatestCheck(db, node.id, year);
  // A past year not approved is compared with the newer of its last submission and its last stored 校核.
  const base =
    sub?.state !== "approved" && year < Number(window.today.slice(0, 4))
      ? baselineOf(db, comp, sub, check)
      : null;
  const changed = base ? await changedSince(db, comp, node, year, base) : null;
  const lastCheck = check ?? null;
  const header = {
    node: { id: node.id, code: node.code, name: node.name, category: node.category, parentId: node.parentId },
    parent: parent ? { id: parent.id, name: parent.name } : null,
  };
  if (sub && sub.state !== "returned") {
    const frozen = frozenOf(sub);
    const info = submissionInfo(sub);
    return {
      year,
      asOf: frozen.asOf,
      ...header,
      policy: frozen.policy,
      rows: frozen.rows as ReportViewRow[],
      total: frozen.total,
      totalParts: frozen.totalParts,
      annex: frozen.annex,
      basics: frozen.basics ?? null,
      openingMembers: frozen.openingMembers ?? null,
      previousApprovedClosingMembers,
      source: sub.state,
      submission: info,
      checks: info.checks,
      actions,
      window,
      previousBase,
      changed,
      lastCheck,
    };
  }
  // The board runs under the node with the rest of the caller's scope: its role and region in the key.
  const basicsKey = `${node.id}:${year}:${cx.today}:${scope.role}:${scope.region?.id ?? ""}`;
  const day = basicsDay(year, cx.today);
  // The five basics' board is read while the report is counted (its statements on the read thread,
  // read-thread.ts), unless its 附表 is kept for this data version.
  const kept = await keepableVersion(db);
  const cached = kept !== null && basicsCache.has(kept, basicsKey);
  // A past year's five basics kept by the writes (basics/kept.ts), else the board.
  const keptBasics = cached ? null : await askKeptBasics(db, scope, node, day);
  const board = cached || keptBasics ? null : handled(reportBoardIn(db, scope, node, day));
  const { report, checks } = await liveFigures(cx, comp, node.id, year);
  return {
    year,
    asOf: report.asOf,
    ...header,
    policy: report.policy,
    rows: report.rows,
    total: report.total,
    totalParts: report.totalParts,
    annex: report.annex,
    basics: await keptOrComputed(
      db,
      basicsCache,
      basicsKey,
      async () =>
        (keptBasics && (await keptBasicsAnnex(keptBasics, report.rows))) ??
        basicsAnnexOf(await (board ?? reportBoardIn(db, scope, node, day)), report.rows),
    ),
    openingMembers: report.openingMembers ?? null,
    previousApprovedClosingMembers,
    source: "live",
    submission: sub ? submissionInfo(sub) : null,
    checks,
    actions,
    window,
    previousBase,
    changed,
    lastCheck,
  };
}
