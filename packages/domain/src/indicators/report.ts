/**
 * The year-end report (党内统计年报) of a management node: `computeReport` builds the rows as of
 * 31 December (one per child management node, one 直属 row), the 合计, the members' flows of the year,
 * the year-over-year base of each row (the previous 31 December, unless `ReportOptions` gives approved
 * figures) and, for a township or park committee, the annex of grassroots organizations.
 * `totalFromRows` recomputes the 合计 after frozen rows replaced computed ones.
 */
import { isGrassroots, isTownshipLevel } from "../categories.ts";
import { yearEnd } from "../dates.ts";
import type { IndicatorParts, Indicators, Report, ReportRow, ReportRowKind } from "../indicator-types.ts";
import { DIRECT_ROW_NAME } from "../labels.ts";
import { flowContext, partitionFlows, wholeNode } from "../member-flows.ts";
import { ratePct } from "../numbers.ts";
import type { PolicyVersion } from "../policy.ts";
import type { OrgRec, Snapshot } from "../types.ts";
import { AsOfIndex, SnapshotShared } from "./as-of-index.ts";
import { partitionCoverage, partitionNode, partitionParts, requireNode, type RowSpec } from "./node.ts";
import { Acc, indicatorsFromParts, sumIndicatorParts } from "./parts.ts";

export interface ReportOptions {
  /**
   * The base of a row's year-over-year change: last year's UNROUNDED organizational coverage rate (e.g.
   * from the unit's approved figures), or null for none. Return undefined to use the default: the same
   * row computed as of the previous 31 December on that date's tree.
   */
  previous?: (row: ReportRow) => number | null | undefined;
  /** The same for the 合计 row; default: the node computed as of the previous 31 December. */
  previousTotal?: number | null;
  /**
   * A row's 年初 members: last year's approved closing figure of the unit, or undefined for the default,
   * the row's members as of the previous 31 December on that date's tree.
   */
  opening?: (row: { kind: ReportRowKind; orgId: number }) => number | undefined;
  /** The same for the 合计 (the node's own approved closing figure of last year). */
  openingTotal?: number;
}

function toRow(kind: ReportRowKind, org: OrgRec, name: string, parts: IndicatorParts): ReportRow {
  return { kind, orgId: org.id, code: org.code, name, indicators: indicatorsFromParts(parts), parts };
}

/**
 * The year-end report (党内统计年报) of a management node, as of 31 December of `year` on that date's
 * tree: one row per child management node, one 直属 row, the 合计 (sum of the rows; `instructors`
 * distinct), and for a township or park committee an annex per grassroots organization.
 */
export function computeReport(
  snapshot: Snapshot,
  nodeId: number,
  year: number,
  policyVersion: PolicyVersion,
  opts?: ReportOptions,
): Report {
  const asOf = yearEnd(year);
  const policy = policyVersion.params;
  const shared = new SnapshotShared(snapshot);
  const regionTree = shared.regionTree;
  const index = new AsOfIndex(snapshot, asOf, shared);
  const node = requireNode(index, nodeId);
  const part = partitionNode(index, node);
  const rowParts = partitionParts(index, part, policy);
  const nodeHasTerritory = part.rows[part.rows.length - 1]!.hasTerritory;

  // The previous 31 December, on that date's tree.
  const prevIndex = new AsOfIndex(snapshot, yearEnd(year - 1), shared);
  const prevPart = partitionNode(prevIndex, node);
  const flowCtx = flowContext(snapshot, year, index, prevIndex);
  partitionFlows(flowCtx, part, prevPart).forEach((flows, i) => {
    const spec = part.rows[i]!;
    flows.opening = opts?.opening?.({ kind: spec.kind, orgId: spec.org.id }) ?? flows.opening;
    rowParts[i]!.flows = flows;
  });
  const totalParts = sumIndicatorParts(rowParts, nodeHasTerritory);
  // The 合计's flows are the node's as a whole: a move between two of its rows is no flow of the node.
  const [nodeFlows] = partitionFlows(flowCtx, wholeNode(part), wholeNode(prevPart));
  nodeFlows!.opening = opts?.openingTotal ?? nodeFlows!.opening;
  totalParts.flows = nodeFlows!;
  const prevCov = partitionCoverage(prevIndex, prevPart);
  const prevRowOf = new Map<string, number>();
  prevPart.rows.forEach((r, i) => prevRowOf.set(`${r.kind}:${r.org.id}`, i));
  let territoryCoverage: Map<number, { hosts: number; covered: number }> | undefined;
  const prevOfTerritory = (regionId: number): number | null => {
    if (!territoryCoverage) {
      territoryCoverage = new Map();
      for (const h of prevIndex.operatingHosts) {
        let c = territoryCoverage.get(h.regionId);
        if (!c) territoryCoverage.set(h.regionId, (c = { hosts: 0, covered: 0 }));
        c.hosts++;
        if (prevIndex.coveringOrgOf(h.id) !== null) c.covered++;
      }
    }
    let hosts = 0;
    let covered = 0;
    for (const rid of regionTree.subtree(regionId)) {
      const c = territoryCoverage.get(rid);
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
    const byOrg = index.membersByOrg();
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
    const byOrg = prevIndex.membersByOrg();
    for (const id of prevIndex.tree.subtree(node.id)) openingMembers += byOrg.get(id)?.all ?? 0;
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

/**
 * Recompute a report's 合计 from its rows' parts, e.g. after approved (frozen) child rows replaced
 * computed ones. Rows without parts are rejected by the type: store frozen rows with their parts.
 */
export function totalFromRows(
  rows: readonly (ReportRow & { parts: IndicatorParts })[],
  hasTerritory: boolean,
  prevOrgCoverageRate: number | null = null,
): { total: Indicators; totalParts: IndicatorParts } {
  const totalParts = sumIndicatorParts(
    rows.map((r) => r.parts),
    hasTerritory,
  );
  return { total: indicatorsFromParts(totalParts, { prevOrgCoverageRate }), totalParts };
}
