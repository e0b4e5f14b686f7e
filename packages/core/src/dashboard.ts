/**
 * The administrator's dashboard: the node's indicators as of today, its rows as the year-end report
 * defines them (child management nodes, 直属) computed as of the same day, and the lists to act on.
 * The total is the sum of the rows' parts (except distinct instructors), so counts add up by construction.
 */
import {
  buildAsOfIndex,
  checkInstructorCap,
  checkJointCap,
  computeIndicatorPartsFromIndex,
  indicatorsFromParts,
  partitionNode,
  policyAsOf,
  ratePct,
  rollingYear,
  roundOrNull,
  sumIndicatorParts,
  yearEnd,
  yearOf,
  type IndicatorParts,
  type Indicators,
  type BasicsCount,
  SnapshotShared,
} from "@liangxin/domain";
import { sql } from "drizzle-orm";
import { idList, type Db, selectAll } from "@liangxin/db/driver";
import type { Cx } from "@liangxin/db/cx";
import type { Scope } from "@liangxin/db/scope";
import { loadPolicyVersions, loadSnapshot } from "@liangxin/db/snapshot";
import { electionBoardIn as electionBoard } from "./work/elections.ts";
import { meetingComplianceBoardIn as meetingComplianceBoard } from "./work/meetings.ts";
import { overduePlansIn as overduePlans } from "./work/plans.ts";
import { basicsBoardIn } from "./basics/check.ts";
import { FiguresCache, keptOrComputed } from "./figures-cache.ts";

export interface DashboardRow {
  kind: "child" | "direct";
  orgId: number;
  name: string;
  indicators: Indicators;
}

export interface ActOnHost {
  id: number;
  name: string;
  regionName: string;
  fullMembersWorking: number;
  aboveScale: boolean;
}

export interface Dashboard {
  asOf: string;
  node: { id: number; name: string; category: string };
  policyEffectiveOn: string;
  total: Indicators;
  rows: DashboardRow[];
  shouldEstablish: { total: number; hosts: ActOnHost[] };
  jointOverCap: { orgId: number; name: string; hosts: number }[];
  instructorsOverCap: { instructorId: number; name: string; number: string; hosts: number }[];
  caps: { joint: number; instructor: number };
  /** Daily work as of today: what is overdue, and 三会一课 over the rolling year. */
  work: DashboardWork;
}

export interface DashboardWork {
  /** Establishment plans of the territory past their target date (none without a territory). */
  overduePlans: number;
  /** Grassroots organizations of the subtree whose term has run out, and those due within 90 days. */
  overdueElections: number;
  dueSoonElections: number;
  /** 三会一课 over the 365 days ending today: organizations expected to meet, those up to date, the share. */
  meetings: { from: string; to: string; orgs: number; upToDate: number; share: number | null };
  /** 五个基本 today: grassroots organizations checked, those meeting each basic and all five. */
  basics: BasicsCount;
}

async function dailyWork(db: Db, scope: Scope, today: string): Promise<DashboardWork> {
  const elections = await electionBoard(db, scope, today);
  const board = await meetingComplianceBoard(db, scope, rollingYear(today), today);
  const expected = board.rows.filter((r) => r.expected > 0);
  const upToDate = expected.filter((r) => !r.behind).length;
  return {
    overduePlans: scope.region ? (await overduePlans(db, scope, today)).length : 0,
    overdueElections: elections.overdue.length,
    dueSoonElections: elections.dueSoon.length,
    meetings: {
      from: board.period.from,
      to: board.period.to,
      orgs: expected.length,
      upToDate,
      share: roundOrNull(ratePct(upToDate, expected.length)),
    },
    basics: (await basicsBoardIn(db, scope, today)).total,
  };
}

const ACT_ON_LIMIT = 50;

/**
 * The dashboard of the caller's (`cx`) management node as of `cx.today`, or null for anyone not bound to
 * one.
 */
export async function dashboardFor(cx: Cx): Promise<Dashboard | null> {
  const { scope, today } = cx;
  if (!scope.org || scope.role !== "admin") return null;
  // The node's dashboard as of today, kept per data version (figures-cache.ts): every administrator of
  // the node sees the same one (their scope is the node's).
  const key = `${scope.org.id}:${scope.region?.id ?? ""}:${today}`;
  return keptOrComputed(cx.db, dashboardCache, key, () => computeDashboard(cx));
}

/** Dashboards per node and day, per data version. */
export const dashboardCache = new FiguresCache<Dashboard | null>(
  "dashboard",
  20_000,
  (d) => 1 + (d?.rows.length ?? 0) + (d?.shouldEstablish.hosts.length ?? 0),
);

async function computeDashboard(cx: Cx): Promise<Dashboard | null> {
  const { db, scope, today } = cx;
  if (!scope.org || scope.role !== "admin") return null;
  const prevYearEnd = yearEnd(yearOf(today) - 1);
  // Only the node's scope, only rows in force today or on the previous 31 December.
  const snapshot = await loadSnapshot(db, {
    asOf: [today],
    coverageAsOf: [prevYearEnd],
    nodeId: scope.org.id,
  });
  const policy = policyAsOf(await loadPolicyVersions(db), today);
  const shared = new SnapshotShared(snapshot);
  const index = buildAsOfIndex(snapshot, today, shared);
  const node = index.tree.org(scope.org.id);
  if (!node) return null;
  const part = partitionNode(index, node);
  const rowParts: IndicatorParts[] = part.rows.map((spec, i) => {
    const regions = new Set<number>();
    for (const [rid, row] of part.rowOfRegion) if (row === i) regions.add(rid);
    const orgIds = new Set<number>();
    for (const [oid, row] of part.rowOfOrg) if (row === i) orgIds.add(oid);
    return computeIndicatorPartsFromIndex(index, {
      policy: policy.params,
      territoryRegionIds: spec.hasTerritory ? regions : null,
      orgIds,
    });
  });
  const nodeHasTerritory = part.rows[part.rows.length - 1]!.hasTerritory;
  const totalParts = sumIndicatorParts(rowParts, nodeHasTerritory);

  // Year-over-year base: the previous 31 December, on that date's tree.
  let prev: number | null = null;
  if (nodeHasTerritory) {
    const prevIndex = buildAsOfIndex(snapshot, prevYearEnd, shared);
    const territory = shared.regionTree.subtreeSet(node.regionId!);
    let hosts = 0;
    let covered = 0;
    for (const h of prevIndex.operatingHosts) {
      if (!territory.has(h.regionId)) continue;
      hosts++;
      if (prevIndex.coveringOrgOf(h.id) !== null) covered++;
    }
    prev = ratePct(covered, hosts);
  }
  const total = indicatorsFromParts(totalParts, { prevOrgCoverageRate: prev });
  const rows: DashboardRow[] = part.rows.map((spec, i) => ({
    kind: spec.kind,
    orgId: spec.org.id,
    name: spec.kind === "direct" ? "直属" : spec.org.name,
    indicators: indicatorsFromParts(rowParts[i]!),
  }));

  // 应建未建 hosts of the territory.
  const regionName = new Map(snapshot.regions.map((r) => [r.id, r.name]));
  const sene: ActOnHost[] = [];
  let seneTotal = 0;
  if (nodeHasTerritory) {
    for (const h of index.operatingHosts) {
      if (!part.rowOfRegion.has(h.regionId)) continue;
      const f = index.hostFact(h, policy.params);
      if (!f.shouldEstablishNotEstablished) continue;
      seneTotal++;
      if (sene.length < ACT_ON_LIMIT)
        sene.push({
          id: h.id,
          name: h.name,
          regionName: regionName.get(h.regionId) ?? "",
          fullMembersWorking: f.fullMembersWorking,
          aboveScale: f.aboveScale,
        });
    }
  }

  const subtree = new Set(index.tree.subtree(node.id));
  const orgName = new Map(snapshot.orgs.map((o) => [o.id, o.name]));
  const jointOverCap = checkJointCap(snapshot, policy.params, today)
    .filter((v) => v.refs?.orgIds?.some((id) => subtree.has(id)))
    .map((v) => {
      const id = v.refs!.orgIds![0]!;
      return { orgId: id, name: orgName.get(id) ?? "", hosts: v.refs?.hostIds?.length ?? 0 };
    });

  // Instructors kept by the subtree, or assigned to a host of the territory (the scoped snapshot holds
  // exactly these, with all their assignments in force).
  const territoryHosts = new Set<number>();
  for (const h of index.operatingHosts) if (part.rowOfRegion.has(h.regionId)) territoryHosts.add(h.id);
  const kept = new Map(
    (
      await selectAll<{ id: number; name: string; number: string; reg: number; disp: number | null }>(
        db,
        sql`select i.id, i.name, i.number, i.registered_by_id as reg, i.dispatch_org_id as disp from instructors i
          where i.id in ${idList(snapshot.instructors.map((i) => i.id))}`,
      )
    ).map((i) => [i.id, i]),
  );
  const instructorsOverCap = checkInstructorCap(snapshot, policy.params, today)
    .filter((v) => {
      const id = v.refs?.instructorIds?.[0];
      const i = id === undefined ? undefined : kept.get(id);
      if (!i) return false;
      return (
        subtree.has(i.reg) ||
        (i.disp !== null && subtree.has(i.disp)) ||
        (v.refs?.hostIds ?? []).some((h) => territoryHosts.has(h))
      );
    })
    .map((v) => {
      const i = kept.get(v.refs!.instructorIds![0]!)!;
      return { instructorId: i.id, name: i.name, number: i.number, hosts: v.refs?.hostIds?.length ?? 0 };
    });

  return {
    asOf: today,
    node: { id: node.id, name: node.name, category: node.category },
    policyEffectiveOn: policy.effectiveOn,
    total,
    rows,
    shouldEstablish: { total: seneTotal, hosts: sene },
    jointOverCap,
    instructorsOverCap,
    caps: { joint: policy.params.jointCap, instructor: policy.params.instructorCap },
    work: await dailyWork(db, scope, today),
  };
}
