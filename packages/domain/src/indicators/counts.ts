/**
 * The year-end report from counts the database has already made (issue 25): `ReportCounts` holds the
 * management trees (regions, organizations, re-parentings: small) and aggregates instead of rows — the
 * additive host parts per region as of 31 December, the distinct instructors per region, hosts and covered
 * hosts per region as of the previous 31 December, and the members grouped by where they were held at the
 * two year ends (with the year's exit and whether they joined in the year). `computeReportFromCounts`
 * turns them into exactly the report `computeReport` makes from the full snapshot, which stays the
 * reference (a property test compares the two on random cities and the demo).
 */
import { isGrassroots, isTownshipLevel } from "../categories.ts";
import { yearEnd } from "../dates.ts";
import type { IndicatorParts, Report, ReportRow, ReportRowKind } from "../indicator-types.ts";
import { DIRECT_ROW_NAME } from "../labels.ts";
import { emptyFlows, type MemberFlows } from "../member-flows.ts";
import { ratePct } from "../numbers.ts";
import type { PolicyVersion } from "../policy.ts";
import type { MemberStatus, OrgRec, RegionRec, ReparentingRec, Snapshot } from "../types.ts";
import { AsOfIndex, SnapshotShared, type Tally } from "./as-of-index.ts";
import { partitionNode, requireNode, type NodePartition, type RowSpec } from "./node.ts";
import { Acc, indicatorsFromParts, sumIndicatorParts } from "./parts.ts";
import type { ReportOptions } from "./report.ts";

/** The additive host parts of the operating hosts of one region as of a date (`Acc.addHost` summed). */
export interface HostCounts {
  hosts: number;
  enterprises: number;
  employees: number;
  aboveScale: number;
  aboveScaleCovered: number;
  withMembers: number;
  withThreeMembers: number;
  threeMemberStandalone: number;
  orgCovered: number;
  standalone: number;
  joint: number;
  affiliated: number;
  regional: number;
  shouldEstablishNotEstablished: number;
  instructorCovered: number;
  workCovered: number;
  membersEmployed: number;
}

/** Where a member was held at a year end: an organization's id, null held outside (or none), absent not counted. */
export const NOT_COUNTED = -2;
export const HELD_OUTSIDE = -1;

/** Members alike for the report: held at the start and at the end of the year, how they left, whether new. */
export interface MemberGroup {
  /** The organization at the previous 31 December: an id, `HELD_OUTSIDE` or `NOT_COUNTED`. */
  start: number;
  /** The same at this 31 December. */
  end: number;
  /** The year's last status change, when counted at the start and not at the end; else null. */
  exit: MemberStatus | null;
  /** Joined the Party in the year (only told when not counted at the start). */
  joined: boolean;
  /** Members in the group. */
  n: number;
  /** Of them full members at this 31 December (counted at the end). */
  full: number;
}

export interface ReportCounts {
  year: number;
  regions: RegionRec[];
  orgs: OrgRec[];
  reparentings: ReparentingRec[];
  /** Host parts per region of the node's territory as of 31 December of `year`. */
  hostsByRegion: ReadonlyMap<number, HostCounts>;
  /** Distinct instructors assigned to the region's operating hosts as of 31 December of `year`. */
  instructorsByRegion: ReadonlyMap<number, readonly number[]>;
  /** Operating and covered hosts per region as of the previous 31 December. */
  coverageByRegionPrev: ReadonlyMap<number, { hosts: number; covered: number }>;
  /** The members held by the node's organizations at either year end, grouped. */
  memberGroups: readonly MemberGroup[];
  /** Read for the whole city (the root): `orgs` and `reparentings` are every organization's, unfiltered. */
  wholeCity: boolean;
}

/** The trees of a `ReportCounts`, built once: the report and the previous coverage rate both need them. */
const treesKept = new WeakMap<ReportCounts, { index: AsOfIndex; prevIndex: AsOfIndex }>();

/** The indexes of the two year ends over the trees alone (no host or member rows: the counts replace them). */
function treesOf(counts: ReportCounts): { index: AsOfIndex; prevIndex: AsOfIndex } {
  let kept = treesKept.get(counts);
  if (!kept) treesKept.set(counts, (kept = buildTrees(counts)));
  return kept;
}

/**
 * The index of 31 December of the counts' year over their regions, organizations and reparentings (the
 * trees; no host or member): built once with the report's, for the checks that read the trees too.
 */
export function countsIndex(counts: ReportCounts): AsOfIndex {
  return treesOf(counts).index;
}

function buildTrees(counts: ReportCounts): { index: AsOfIndex; prevIndex: AsOfIndex } {
  const skeleton: Snapshot = {
    regions: counts.regions,
    orgs: counts.orgs,
    reparentings: counts.reparentings,
    dualLinks: [],
    hosts: [],
    hostYears: [],
    coverages: [],
    members: [],
    relationships: [],
    workplaces: [],
    statusEvents: [],
    instructors: [],
    assignments: [],
  };
  const shared = new SnapshotShared(skeleton);
  return {
    index: new AsOfIndex(skeleton, yearEnd(counts.year), shared),
    prevIndex: new AsOfIndex(skeleton, yearEnd(counts.year - 1), shared),
  };
}

/** Members by the organization holding them at the end (or, with `atStart`, the start) of the year. */
function membersByOrg(groups: readonly MemberGroup[], atStart: boolean): Map<number, Tally> {
  const map = new Map<number, Tally>();
  for (const g of groups) {
    const org = atStart ? g.start : g.end;
    if (org < 0) continue;
    let t = map.get(org);
    if (!t) map.set(org, (t = { all: 0, full: 0 }));
    t.all += g.n;
    if (!atStart) t.full += g.full;
  }
  return map;
}

/** Hosts and covered hosts per row of a partition of the previous year end. */
function coverageOfRows(counts: ReportCounts, part: NodePartition): { hosts: number; covered: number }[] {
  const out = part.rows.map(() => ({ hosts: 0, covered: 0 }));
  for (const [regionId, c] of counts.coverageByRegionPrev) {
    const row = part.rowOfRegion.get(regionId);
    if (row === undefined || !part.rows[row]!.hasTerritory) continue;
    out[row]!.hosts += c.hosts;
    out[row]!.covered += c.covered;
  }
  return out;
}

const EXIT: Partial<Record<MemberStatus, keyof MemberFlows>> = {
  expelled: "expelled",
  deceased: "deceased",
  stopped: "stopped",
};

/** `partitionFlows` over member groups: the same rules, each group counted `n` times. */
function flowsOfGroups(groups: readonly MemberGroup[], part: NodePartition, prevPart: NodePartition) {
  const flows = part.rows.map(() => emptyFlows());
  const keyOf = (r: RowSpec) => `${r.kind}:${r.org.id}`;
  const current = new Map(part.rows.map((r, i) => [keyOf(r), i]));
  const prevToCurrent = prevPart.rows.map((r) => current.get(keyOf(r)));
  for (const g of groups) {
    const end = g.end >= 0 ? part.rowOfOrg.get(g.end) : undefined;
    const prevRow = g.start >= 0 ? prevPart.rowOfOrg.get(g.start) : undefined;
    const start = prevRow === undefined ? undefined : prevToCurrent[prevRow];
    if (start !== undefined) flows[start]!.opening += g.n;
    if (end !== undefined) flows[end]!.closing += g.n;
    if (start === end) continue;
    const sameOrg = g.start >= 0 && g.start === g.end;
    if (start !== undefined) {
      const exit = g.end !== NOT_COUNTED ? undefined : EXIT[g.exit ?? "normal"];
      flows[start]![sameOrg ? "reparentedOut" : (exit ?? "transferredOut")] += g.n;
    }
    if (end !== undefined) {
      const developed = g.start === NOT_COUNTED && g.joined;
      flows[end]![sameOrg ? "reparentedIn" : developed ? "developed" : "transferredIn"] += g.n;
    }
  }
  return flows;
}

/** The node as one row (its 合计), as `wholeNode` does. */
function whole(part: NodePartition): NodePartition {
  const direct = part.rows.find((r) => r.kind === "direct")!;
  return {
    node: part.node,
    rows: [direct],
    rowOfRegion: new Map([...part.rowOfRegion.keys()].map((id) => [id, 0])),
    rowOfOrg: new Map([...part.rowOfOrg.keys()].map((id) => [id, 0])),
  };
}

function toRow(kind: ReportRowKind, org: OrgRec, name: string, parts: IndicatorParts): ReportRow {
  return { kind, orgId: org.id, code: org.code, name, indicators: indicatorsFromParts(parts), parts };
}

/**
 * The node's unrounded organizational coverage rate as of the previous 31 December on that date's tree
 * (`computeNodeCoverageRate` of that date); null without territory, and null when the node did not exist
 * then or is not a management unit.
 */
export function previousCoverageRateFromCounts(counts: ReportCounts, nodeId: number): number | null {
  const { prevIndex } = treesOf(counts);
  const node = prevIndex.tree.org(nodeId);
  if (!node || isGrassroots(node.category)) return null;
  const part = partitionNode(prevIndex, node);
  if (!part.rows[part.rows.length - 1]!.hasTerritory) return null;
  const cov = coverageOfRows(counts, part);
  return ratePct(
    cov.reduce((s, c) => s + c.covered, 0),
    cov.reduce((s, c) => s + c.hosts, 0),
  );
}

/** `computeReport` from counts: the same report, row for row. */
export function computeReportFromCounts(
  counts: ReportCounts,
  nodeId: number,
  policyVersion: PolicyVersion,
  opts?: ReportOptions,
): Report {
  const year = counts.year;
  const asOf = yearEnd(year);
  const { index, prevIndex } = treesOf(counts);
  const regionTree = index.regionTree;
  const node = requireNode(index, nodeId);
  const part = partitionNode(index, node);
  const nodeHasTerritory = part.rows[part.rows.length - 1]!.hasTerritory;

  const accs = part.rows.map((r) => new Acc(r.hasTerritory));
  for (const [regionId, c] of counts.hostsByRegion) {
    const row = part.rowOfRegion.get(regionId);
    if (row === undefined || !accs[row]!.parts.hasTerritory) continue;
    accs[row]!.addHostCounts(c, counts.instructorsByRegion.get(regionId) ?? []);
  }
  const byOrg = membersByOrg(counts.memberGroups, false);
  for (const [id, row] of part.rowOfOrg) accs[row]!.addOrg(index.tree.org(id), byOrg.get(id));
  const rowParts = accs.map((a) => a.finish());

  const prevPart = partitionNode(prevIndex, node);
  flowsOfGroups(counts.memberGroups, part, prevPart).forEach((flows, i) => {
    const spec = part.rows[i]!;
    flows.opening = opts?.opening?.({ kind: spec.kind, orgId: spec.org.id }) ?? flows.opening;
    rowParts[i]!.flows = flows;
  });
  const totalParts = sumIndicatorParts(rowParts, nodeHasTerritory);
  const [nodeFlows] = flowsOfGroups(counts.memberGroups, whole(part), whole(prevPart));
  nodeFlows!.opening = opts?.openingTotal ?? nodeFlows!.opening;
  totalParts.flows = nodeFlows!;

  const prevCov = coverageOfRows(counts, prevPart);
  const prevRowOf = new Map<string, number>();
  prevPart.rows.forEach((r, i) => prevRowOf.set(`${r.kind}:${r.org.id}`, i));
  const prevOfTerritory = (regionId: number): number | null => {
    let hosts = 0;
    let covered = 0;
    for (const rid of regionTree.subtree(regionId)) {
      const c = counts.coverageByRegionPrev.get(rid);
      if (c) {
        hosts += c.hosts;
        covered += c.covered;
      }
    }
    return ratePct(covered, hosts);
  };
  const defaultPrev = (spec: RowSpec): number | null => {
    if (!spec.hasTerritory) return null;
    const i = prevRowOf.get(`${spec.kind}:${spec.org.id}`);
    if (i !== undefined && prevPart.rows[i]!.hasTerritory) {
      const c = prevCov[i]!;
      return ratePct(c.covered, c.hosts);
    }
    return spec.org.regionId !== null ? prevOfTerritory(spec.org.regionId) : null;
  };

  const rows: ReportRow[] = part.rows.map((spec, i) => {
    const parts = rowParts[i]!;
    const row = toRow(spec.kind, spec.org, spec.kind === "direct" ? DIRECT_ROW_NAME : spec.org.name, parts);
    const given = opts?.previous?.(row);
    const prev = given === undefined ? defaultPrev(spec) : given;
    row.indicators = indicatorsFromParts(parts, { prevOrgCoverageRate: prev });
    return row;
  });

  let prevTotal: number | null;
  if (opts?.previousTotal !== undefined) prevTotal = opts.previousTotal;
  else if (!nodeHasTerritory) prevTotal = null;
  else {
    const hosts = prevCov.reduce((s, c) => s + c.hosts, 0);
    const covered = prevCov.reduce((s, c) => s + c.covered, 0);
    prevTotal = ratePct(covered, hosts);
  }
  const total = indicatorsFromParts(totalParts, { prevOrgCoverageRate: prevTotal });

  const annex: ReportRow[] = [];
  if (isTownshipLevel(node.category)) {
    for (const id of index.tree.subtree(node.id)) {
      const org = index.tree.org(id)!;
      if (!isGrassroots(org.category)) continue;
      const acc = new Acc(false);
      acc.addOrg(org, byOrg.get(id));
      annex.push(toRow("annex", org, org.name, acc.finish()));
    }
  }

  let openingMembers = 0;
  if (prevIndex.tree.has(node.id)) {
    const byOrgPrev = membersByOrg(counts.memberGroups, true);
    for (const id of prevIndex.tree.subtree(node.id)) openingMembers += byOrgPrev.get(id)?.all ?? 0;
  }

  return {
    year,
    asOf,
    node: { id: node.id, code: node.code, name: node.name },
    policy: policyVersion,
    rows,
    total,
    annex,
    totalParts,
    openingMembers,
  };
}
