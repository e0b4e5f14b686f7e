/**
 * Drill-down: the records behind one figure of a report row (as of 31 December on that date's tree).
 * Host-side keys list the hosts of the row's territory; orgs.* its grassroots organizations; members.*
 * and membersEmployed the members, masked (they may be counted-only for the caller).
 *
 * A submitted or approved report's figures are frozen with their records (issue 18): its drill-down
 * lists exactly the records counted then, each marked when the live records no longer count it, with the
 * number of live records not in it; `live: true` lists the live records instead.
 */
import {
  AppError,
  isAppError,
  FLOW_FLAG,
  HOST_FLAG,
  HOST_KIND_LABELS,
  isGrassroots,
  maskCitizenId,
  MEMBER_FLAG,
  ORG_CATEGORY_LABELS,
  ORG_FLAG,
  partitionNode,
  type HostFacts,
  type MemberFlows,
  type RecordSet,
  type RowRecords,
} from "@liangxin/domain";
import { sql } from "drizzle-orm";
import { idList, type Db, selectAll, selectRows, selectValue } from "@liangxin/db/driver";
import { maskName } from "@liangxin/db/queries";
import type { Cx } from "@liangxin/db/cx";
import { loadSubmission, ReportComputer, resolveNode, type ReportViewRow } from "./build.ts";
import { indicatorLabel, isIndicatorPath, type IndicatorPath } from "./columns.ts";
import { reportMessages as m } from "./messages.ts";
import { FiguresCache, keptOrComputed } from "../figures-cache.ts";
import { loadSubmissionRecords, type StoredRecords } from "./records.ts";

export interface DrillHost {
  id: number;
  name: string;
  creditCode: string;
  kind: string;
  employees: number;
  membersWorking: number;
  covered: boolean;
  /** False: counted in the frozen figures but not by the live records (frozen lists only). */
  live: boolean;
}

export interface DrillOrg {
  id: number;
  code: string;
  name: string;
  category: string;
  live: boolean;
}

export interface DrillMember {
  /** Masked: 张* */
  name: string;
  /** Masked: first 3 and last 2 characters. */
  idNumber: string;
  full: boolean;
  live: boolean;
}

export interface DrillResult {
  year: number;
  asOf: string;
  node: { id: number; name: string };
  row: { orgId: number | null; name: string };
  key: IndicatorPath;
  label: string;
  kind: "hosts" | "orgs" | "members";
  /** frozen: the records stored with the submitted or approved figures; live: computed now. */
  source: "frozen" | "live";
  /** The submission state whose records are listed (frozen lists). */
  state: "submitted" | "approved" | null;
  /** Live records of the same figure that the frozen list does not hold (frozen lists only). */
  liveOnly: number;
  hosts: DrillHost[];
  orgs: DrillOrg[];
  members: DrillMember[];
}

type HostPredicate = (f: HostFacts) => boolean;

const HOST_FILTERS: Partial<Record<IndicatorPath, HostPredicate>> = {
  hosts: () => true,
  enterprises: (f) => f.kind === "enterprise",
  socialOrgs: (f) => f.kind === "socialOrg",
  employees: (f) => f.employees > 0,
  aboveScale: (f) => f.aboveScale,
  withMembers: (f) => f.withMembers,
  withThreeMembers: (f) => f.withThreeMembers,
  orgCovered: (f) => f.orgCovered,
  orgCoverageRate: (f) => f.orgCovered,
  prevOrgCoverageRate: (f) => f.orgCovered,
  orgCoverageRateChangePp: (f) => f.orgCovered,
  "coveredByMode.standalone": (f) => f.coveredMode === "standalone",
  "coveredByMode.joint": (f) => f.coveredMode === "joint",
  "coveredByMode.affiliated": (f) => f.coveredMode === "affiliated",
  "coveredByMode.regional": (f) => f.coveredMode === "regional",
  standaloneRate: (f) => f.coveredMode === "standalone",
  aboveScaleCoverageRate: (f) => f.aboveScale && f.orgCovered,
  threeMemberStandaloneRate: (f) => f.withThreeMembers && f.coveredMode === "standalone",
  shouldEstablishNotEstablished: (f) => f.shouldEstablishNotEstablished,
  instructorCovered: (f) => f.instructorCovered,
  instructors: (f) => f.instructorIds.length > 0,
  workCovered: (f) => f.workCovered,
  workCoverageRate: (f) => f.workCovered,
};

const H = HOST_FLAG;
const all =
  (...bits: number[]) =>
  (x: number) =>
    bits.every((b) => (x & b) !== 0);
/** The same filters over the flags stored with frozen records. */
const HOST_FLAG_FILTERS: Partial<Record<IndicatorPath, (flags: number) => boolean>> = {
  hosts: () => true,
  enterprises: all(H.enterprise),
  socialOrgs: (x) => (x & H.enterprise) === 0,
  employees: all(H.employees),
  aboveScale: all(H.aboveScale),
  withMembers: all(H.withMembers),
  withThreeMembers: all(H.withThreeMembers),
  orgCovered: all(H.orgCovered),
  orgCoverageRate: all(H.orgCovered),
  prevOrgCoverageRate: all(H.orgCovered),
  orgCoverageRateChangePp: all(H.orgCovered),
  "coveredByMode.standalone": all(H.standalone),
  "coveredByMode.joint": all(H.joint),
  "coveredByMode.affiliated": all(H.affiliated),
  "coveredByMode.regional": all(H.regional),
  standaloneRate: all(H.standalone),
  aboveScaleCoverageRate: all(H.aboveScale, H.orgCovered),
  threeMemberStandaloneRate: all(H.withThreeMembers, H.standalone),
  shouldEstablishNotEstablished: all(H.shouldEstablishNotEstablished),
  instructorCovered: all(H.instructorCovered),
  instructors: all(H.instructors),
  workCovered: all(H.workCovered),
  workCoverageRate: all(H.workCovered),
};

const ORG_FILTERS: Record<string, (flags: number) => boolean> = {
  total: () => true,
  committees: (x) => (x & ORG_FLAG.committee) !== 0,
  generalBranches: (x) => (x & ORG_FLAG.generalBranch) !== 0,
  branches: (x) => (x & (ORG_FLAG.branch | ORG_FLAG.jointBranch)) !== 0,
  jointBranches: (x) => (x & ORG_FLAG.jointBranch) !== 0,
};

/** The ids behind a figure, in listing order; members with their full flag. */
interface DrillIds {
  hosts: number[];
  orgs: number[];
  members: { id: number; full: boolean }[];
}

function kindOf(key: IndicatorPath): DrillResult["kind"] {
  return key.startsWith("orgs.")
    ? "orgs"
    : key.startsWith("members.") || key.startsWith("flows.")
      ? "members"
      : "hosts";
}

/** The members of a flow set with the figure's bit (年初, 发展, …). */
function flowMembers(set: RecordSet | undefined, key: IndicatorPath, out: DrillIds): void {
  const bit = FLOW_FLAG[key.slice("flows.".length) as keyof MemberFlows];
  set?.ids.forEach((id, i) => {
    if (set.flags[i]! & bit) out.members.push({ id, full: false });
  });
}

/**
 * The ids a figure counts in frozen rows (several rows: each row's, in row order, as summed). A member
 * flow of the 合计 (`total`) is the node's as a whole, stored on its 直属 row.
 */
function frozenIds(rows: readonly RowRecords[], key: IndicatorPath, total: boolean): DrillIds {
  const out: DrillIds = { hosts: [], orgs: [], members: [] };
  if (key.startsWith("flows.")) {
    flowMembers(total ? rows.find((r) => r.nodeFlows)?.nodeFlows : rows[0]?.flows, key, out);
    return out;
  }
  for (const r of rows) {
    if (key.startsWith("orgs.")) {
      const pred = ORG_FILTERS[key.slice(5)] ?? (() => true);
      r.orgs.ids.forEach((id, i) => pred(r.orgs.flags[i]!) && out.orgs.push(id));
    } else if (key.startsWith("members.")) {
      const leaf = key.slice(8);
      r.members.ids.forEach((id, i) => {
        const full = (r.members.flags[i]! & MEMBER_FLAG.full) !== 0;
        if (leaf === "total" || (leaf === "full") === full) out.members.push({ id, full });
      });
    } else if (key === "membersEmployed" || key === "membersShareOfEmployees") {
      r.employed.ids.forEach((id, i) =>
        out.members.push({ id, full: (r.employed.flags[i]! & MEMBER_FLAG.full) !== 0 }),
      );
    } else {
      const pred = HOST_FLAG_FILTERS[key] ?? (() => true);
      r.hosts.ids.forEach((id, i) => pred(r.hosts.flags[i]!) && out.hosts.push(id));
    }
  }
  return out;
}

/**
 * The records behind `key` in the row of `rowOrgId` (a child management node, or the node itself for the
 * 直属 row; omitted: the 合计): frozen when the node's report of the year is submitted or approved (and
 * `live` is not asked for), else computed now. `cx`: the caller, whose subtree holds the node;
 * `input.computer`: what several drill-downs of one year share (a new one by default).
 */
export async function drillReport(
  cx: Cx,
  input: {
    nodeId: number;
    year: number;
    rowOrgId?: number | null | undefined;
    key: string;
    live?: boolean | undefined;
    computer?: ReportComputer | undefined;
  },
): Promise<DrillResult> {
  if (!isIndicatorPath(input.key)) throw new AppError("BAD_INPUT", m.badKey(input.key));
  // The caller may see the node (else NOT_FOUND, as before); the list is the node's, whoever asks, and is
  // kept per data version (figures-cache.ts).
  const node = await resolveNode(cx.db, cx.scope, { nodeId: input.nodeId });
  const key = `${node.id}:${input.year}:${input.rowOrgId ?? ""}:${input.key}:${input.live === true}`;
  return keptOrComputed(cx.db, drillCache, key, () => computeDrill(cx, input));
}

/** Drill-down lists per node, year, row and figure, per data version; weighed by their records. */
export const drillCache = new FiguresCache<DrillResult>(
  "drill",
  200_000,
  (d) => 1 + d.hosts.length + d.orgs.length + d.members.length,
);

async function computeDrill(
  cx: Cx,
  input: {
    nodeId: number;
    year: number;
    rowOrgId?: number | null | undefined;
    key: string;
    live?: boolean | undefined;
    computer?: ReportComputer | undefined;
  },
): Promise<DrillResult> {
  const { db, scope } = cx;
  if (!isIndicatorPath(input.key)) throw new AppError("BAD_INPUT", m.badKey(input.key));
  const key = input.key;
  const node = await resolveNode(db, scope, { nodeId: input.nodeId });
  const comp = input.computer ?? new ReportComputer(db);
  const sub = await loadSubmission(db, node.id, input.year);
  // The records as the report shows them: the node's own frozen ones once submitted; else approved rows
  // (and rows derived from approved ones below) frozen, the others live.
  let stored: StoredRecords | null = null;
  let frozenState: "submitted" | "approved" | null = null;
  if (!input.live && sub && sub.state !== "returned") {
    stored = await loadSubmissionRecords(db, sub.id);
    frozenState = sub.state;
  } else if (!input.live) {
    const shown = await reportedRows(comp, node.id, input.year);
    const selected =
      input.rowOrgId == null
        ? shown?.sources
        : shown?.sources.filter((_, i) => {
            const k = shown.records.keys[i]!;
            return input.rowOrgId === node.id
              ? k.kind === "direct"
              : k.kind === "child" && k.orgId === input.rowOrgId;
          });
    if (shown && shown.records.complete && selected?.some((x) => x !== "computed")) {
      stored = shown.records;
      frozenState = "approved";
    }
  }
  const index = await comp.index(input.year);
  const policy = (await comp.policyFor(input.year)).params;

  // The live ids (always: a frozen list marks what the live one no longer holds).
  const nodeRec = index.tree.org(node.id);
  const part = nodeRec ? partitionNode(index, nodeRec) : null;
  let rowIdx: number | null = null;
  let rowName = "合计";
  const findRow = (keys: readonly { kind: string; orgId: number }[]): number => {
    const i =
      input.rowOrgId === node.id
        ? keys.findIndex((r) => r.kind === "direct")
        : keys.findIndex((r) => r.kind === "child" && r.orgId === input.rowOrgId);
    if (i < 0) throw new AppError("NOT_FOUND", m.rowNotFound);
    return i;
  };
  const live: DrillIds = { hosts: [], orgs: [], members: [] };
  if (part) {
    const liveKeys = part.rows.map((r) => ({ kind: r.kind, orgId: r.org.id }));
    if (input.rowOrgId != null) {
      try {
        rowIdx = findRow(liveKeys);
        rowName = part.rows[rowIdx]!.kind === "direct" ? "直属" : part.rows[rowIdx]!.org.name;
      } catch (e) {
        // A frozen row may no longer exist live: its live list is empty.
        if (!stored) throw e;
        rowIdx = -1;
      }
    }
    await collectLive(comp, index, part, rowIdx, key, policy, live);
  } else if (!stored) throw new AppError("BAD_INPUT", m.rowNotFound);

  let shown = live;
  let liveOnly = 0;
  const liveSet = {
    hosts: new Set(live.hosts),
    orgs: new Set(live.orgs),
    members: new Set(live.members.map((x) => x.id)),
  };
  if (stored && stored.rows.length > 0) {
    let rows = stored.rows;
    if (input.rowOrgId != null) {
      const i = findRow(stored.keys);
      rows = [stored.rows[i]!];
      const k = stored.keys[i]!;
      rowName =
        k.kind === "direct"
          ? "直属"
          : ((await selectValue<string>(db, sql`select name from orgs where id = ${k.orgId}`)) ?? rowName);
    }
    shown = frozenIds(rows, key, input.rowOrgId == null);
    const frozenSet = {
      hosts: new Set(shown.hosts),
      orgs: new Set(shown.orgs),
      members: new Set(shown.members.map((x) => x.id)),
    };
    liveOnly =
      live.hosts.filter((id) => !frozenSet.hosts.has(id)).length +
      live.orgs.filter((id) => !frozenSet.orgs.has(id)).length +
      live.members.filter((x) => !frozenSet.members.has(x.id)).length;
  }
  // 年初 is last year's approved closing figure (build.ts: the unit's own report, or the 直属 row): its
  // records are the members that approval counted, whatever the ledger says now.
  const opening = key === "flows.opening" && !input.live ? await approvedOpening(db, node.id, input) : null;
  if (opening) {
    shown = opening;
    frozenState = "approved";
    const openingSet = new Set(opening.members.map((x) => x.id));
    liveOnly = live.members.filter((x) => !openingSet.has(x.id)).length;
  }
  if (key.startsWith("flows.")) {
    // Flow lists hold members who left too: full or probationary as of the year end, from the ledger.
    const ids = new Set([...shown.members, ...live.members].map((x) => x.id));
    const fullOn = new Map(
      await selectRows<[number, string | null]>(
        db,
        sql`select id, full_on from members where id in ${idList(ids)}`,
      ),
    );
    for (const list of [shown, live])
      for (const x of list.members) {
        const on = fullOn.get(x.id);
        x.full = on != null && on <= index.asOf;
      }
  }
  const frozen = shown !== live;
  const result: DrillResult = {
    year: input.year,
    asOf: index.asOf,
    node: { id: node.id, name: node.name },
    row: { orgId: input.rowOrgId ?? null, name: rowName },
    key,
    label: indicatorLabel(key),
    kind: kindOf(key),
    source: frozen ? "frozen" : "live",
    state: frozen ? frozenState : null,
    liveOnly,
    hosts: [],
    orgs: [],
    members: [],
  };
  await renderIds(db, index, policy, shown, frozen ? liveSet : null, result);
  return result;
}

/**
 * The members behind 年初 from last year's approved report: for the 合计, the node's; for the 直属 row, the
 * node's 直属 row; for a child's row, the child's. Null when that report is not approved (年初 is then
 * computed from the ledger, as the live flows list it).
 */
async function approvedOpening(
  db: Db,
  nodeId: number,
  input: { year: number; rowOrgId?: number | null | undefined },
): Promise<DrillIds | null> {
  const unit = input.rowOrgId == null || input.rowOrgId === nodeId ? nodeId : input.rowOrgId;
  const prev = await loadSubmission(db, unit, input.year - 1);
  if (prev?.state !== "approved") return null;
  const stored = await loadSubmissionRecords(db, prev.id);
  const rows =
    input.rowOrgId === nodeId ? stored.rows.filter((_, i) => stored.keys[i]!.kind === "direct") : stored.rows;
  return frozenIds(rows, "members.total", false);
}

/** The rows of the node's live report with where each comes from, and their records; null outside the tree. */
async function reportedRows(comp: ReportComputer, nodeId: number, year: number) {
  try {
    const sources = ((await comp.live(nodeId, year)).rows as readonly ReportViewRow[]).map((r) => r.source);
    return { sources, records: await comp.reportedRecords(nodeId, year) };
  } catch (e) {
    if (isAppError(e)) return null;
    throw e;
  }
}

async function collectLive(
  comp: ReportComputer,
  index: Awaited<ReturnType<ReportComputer["index"]>>,
  part: ReturnType<typeof partitionNode>,
  rowIdx: number | null,
  key: IndicatorPath,
  policy: Awaited<ReturnType<ReportComputer["policyFor"]>>["params"],
  out: DrillIds,
): Promise<void> {
  if (rowIdx === -1) return;
  if (key.startsWith("flows.")) {
    const rows = (await comp.liveRecords(part.node.id, index.year)).rows;
    flowMembers(rowIdx === null ? rows.find((r) => r.nodeFlows)?.nodeFlows : rows[rowIdx]?.flows, key, out);
    return;
  }
  const inRow = (row: number | undefined) => row !== undefined && (rowIdx === null || row === rowIdx);
  const kind = kindOf(key);
  if (kind === "orgs") {
    const pred = ORG_FILTERS[key.slice(5)] ?? (() => true);
    const orgs: { id: number; code: string }[] = [];
    for (const [orgId, row] of part.rowOfOrg) {
      if (!inRow(row)) continue;
      const o = index.tree.org(orgId);
      if (!o || !isGrassroots(o.category)) continue;
      if (pred(ORG_FLAG[o.category])) orgs.push({ id: o.id, code: o.code });
    }
    orgs.sort((a, b) => a.code.localeCompare(b.code));
    out.orgs.push(...orgs.map((o) => o.id));
    return;
  }
  if (kind === "members") {
    const leaf = key.slice(8);
    for (const mem of (await comp.snapshotFor(index.year)).members) {
      const a = index.memberAsOf(mem.id);
      if (!a || !a.counts || a.relationshipOrgId == null) continue;
      if (!inRow(part.rowOfOrg.get(a.relationshipOrgId))) continue;
      if (leaf === "full" && !a.full) continue;
      if (leaf === "probationary" && a.full) continue;
      out.members.push({ id: mem.id, full: a.full });
    }
    return;
  }
  const pred = HOST_FILTERS[key] ?? (() => true);
  const employed = key === "membersEmployed" || key === "membersShareOfEmployees";
  const hostIds = new Set<number>();
  for (const h of index.operatingHosts) {
    const row = part.rowOfRegion.get(h.regionId);
    if (!inRow(row) || !part.rows[row!]!.hasTerritory) continue;
    const f = index.hostFact(h, policy);
    if (employed) {
      if (f.membersWorking > 0) hostIds.add(h.id);
    } else if (pred(f)) out.hosts.push(h.id);
  }
  if (hostIds.size > 0) {
    for (const mem of (await comp.snapshotFor(index.year)).members) {
      const a = index.memberAsOf(mem.id);
      if (a?.counts && a.workplaceHostId !== undefined && hostIds.has(a.workplaceHostId))
        out.members.push({ id: mem.id, full: a.full });
    }
  }
}

/** Names and details of the ids (members masked); `liveSet` marks records the live list no longer has. */
async function renderIds(
  db: Db,
  index: Awaited<ReturnType<ReportComputer["index"]>>,
  policy: Awaited<ReturnType<ReportComputer["policyFor"]>>["params"],
  ids: DrillIds,
  liveSet: { hosts: Set<number>; orgs: Set<number>; members: Set<number> } | null,
  result: DrillResult,
): Promise<void> {
  if (ids.hosts.length > 0) {
    type HostRow = { id: number; name: string; creditCode: string; kind: keyof typeof HOST_KIND_LABELS };
    const byId = new Map(index.operatingHosts.map((h) => [h.id, h]));
    // Hosts no longer operating (frozen lists) are read from the ledger.
    const closed = ids.hosts.filter((id) => !byId.has(id));
    const stored = new Map(
      closed.length === 0
        ? []
        : (
            await selectAll<HostRow>(
              db,
              sql`select id, name, credit_code as creditCode, kind from hosts where id in ${idList(closed)}`,
            )
          ).map((r) => [r.id, r]),
    );
    for (const id of ids.hosts) {
      const h = byId.get(id);
      const f = h ? index.hostFact(h, policy) : null;
      const row: Omit<HostRow, "id"> | undefined = h ?? stored.get(id);
      result.hosts.push({
        id,
        name: row?.name ?? "",
        creditCode: row?.creditCode ?? "",
        kind: row ? HOST_KIND_LABELS[row.kind] : "",
        employees: f?.employees ?? 0,
        membersWorking: f?.membersWorking ?? 0,
        covered: f?.orgCovered ?? false,
        live: liveSet ? liveSet.hosts.has(id) : true,
      });
    }
    result.hosts.sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  }
  if (ids.orgs.length > 0) {
    type OrgRow = { id: number; code: string; name: string; category: keyof typeof ORG_CATEGORY_LABELS };
    const byId = new Map(
      (
        await selectAll<OrgRow>(
          db,
          sql`select id, code, name, category from orgs where id in ${idList(ids.orgs)}`,
        )
      ).map((o) => [o.id, o]),
    );
    for (const id of ids.orgs) {
      const o = byId.get(id);
      result.orgs.push({
        id,
        code: o?.code ?? "",
        name: o?.name ?? "",
        category: o ? ORG_CATEGORY_LABELS[o.category] : "",
        live: liveSet ? liveSet.orgs.has(id) : true,
      });
    }
  }
  if (ids.members.length > 0) {
    const byId = new Map(
      (
        await selectAll<{ id: number; name: string; idNumber: string }>(
          db,
          sql`select id, name, id_number as idNumber from members where id in ${idList(ids.members.map((x) => x.id))}`,
        )
      ).map((r) => [r.id, r]),
    );
    result.members = ids.members.map(({ id, full }) => {
      const r = byId.get(id);
      return {
        name: maskName(r?.name ?? ""),
        idNumber: maskCitizenId(r?.idNumber ?? ""),
        full,
        live: liveSet ? liveSet.members.has(id) : true,
      };
    });
  }
}
