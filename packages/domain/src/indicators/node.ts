/**
 * A management node split into its report rows: `partitionNode` puts every host of the node's territory
 * and every organization of its subtree in exactly one row (a child management node, else 直属), and
 * the node's figures are the sum of those rows: `computeNodeParts`, `computeNodeCoverageRate` (a
 * previous year's base, from hosts and covered hosts only) and `computeNodeIndicators` (a node's figures
 * for a dashboard, optionally with the coverage rate of an earlier date as the year-over-year base).
 */
import { isGrassroots } from "../categories.ts";
import { AppError } from "../app-error.ts";
import type { IndicatorParts, Indicators, ReportRowKind } from "../indicator-types.ts";
import { MESSAGES } from "../messages.ts";
import { ratePct } from "../numbers.ts";
import type { Policy } from "../policy.ts";
import type { IsoDate, OrgRec, Snapshot } from "../types.ts";
import { AsOfIndex, SnapshotShared } from "./as-of-index.ts";
import { Acc, indicatorsFromParts, sumIndicatorParts } from "./parts.ts";

export interface RowSpec {
  kind: Exclude<ReportRowKind, "annex">;
  org: OrgRec;
  hasTerritory: boolean;
}

/**
 * The rows of a node as of the index's date, and which row each region and organization falls in. Every
 * host of the node's territory lands in exactly one row: the child whose territory is its nearest
 * enclosing one, else 直属. Every organization of the node's subtree lands in exactly one row: under a
 * child management node, else 直属 (with the node itself).
 */
export interface NodePartition {
  node: OrgRec;
  rows: RowSpec[];
  /** Row index of a region of the node's territory; absent: outside the territory. */
  rowOfRegion: ReadonlyMap<number, number>;
  /** Row index of each organization of the node's subtree (as of the date). */
  rowOfOrg: ReadonlyMap<number, number>;
}

export function partitionNode(index: AsOfIndex, node: OrgRec): NodePartition {
  const tree = index.tree;
  const nodeHasTerritory = node.regionId !== null && index.regionTree.has(node.regionId);
  const rows: RowSpec[] = [];
  const rowOfOrg = new Map<number, number>();
  const childRowOfRegion = new Map<number, number>();
  const inTree = tree.has(node.id);
  const children = inTree ? tree.childrenOf(node.id) : [];
  for (const cid of children) {
    const child = tree.org(cid)!;
    if (isGrassroots(child.category)) continue;
    const rowIndex = rows.length;
    rows.push({ kind: "child", org: child, hasTerritory: nodeHasTerritory && child.regionId !== null });
    for (const id of tree.subtree(cid)) rowOfOrg.set(id, rowIndex);
    if (child.regionId !== null && !childRowOfRegion.has(child.regionId))
      childRowOfRegion.set(child.regionId, rowIndex);
  }
  const direct = rows.length;
  rows.push({ kind: "direct", org: node, hasTerritory: nodeHasTerritory });
  if (inTree) {
    rowOfOrg.set(node.id, direct);
    for (const cid of children) {
      if (!isGrassroots(tree.org(cid)!.category)) continue;
      for (const id of tree.subtree(cid)) rowOfOrg.set(id, direct);
    }
  }
  const rowOfRegion = new Map<number, number>();
  if (nodeHasTerritory) {
    const regions = index.regionTree;
    for (const rid of regions.subtree(node.regionId!)) {
      let row: number;
      if (rid === node.regionId) row = childRowOfRegion.get(rid) ?? direct;
      else row = childRowOfRegion.get(rid) ?? rowOfRegion.get(regions.parentOf(rid)!) ?? direct;
      rowOfRegion.set(rid, row);
    }
  }
  return { node, rows, rowOfRegion, rowOfOrg };
}

export function partitionParts(index: AsOfIndex, part: NodePartition, policy: Policy): IndicatorParts[] {
  const accs = part.rows.map((r) => new Acc(r.hasTerritory));
  if (part.rowOfRegion.size > 0) {
    for (const h of index.operatingHosts) {
      const row = part.rowOfRegion.get(h.regionId);
      if (row === undefined) continue;
      const acc = accs[row]!;
      if (acc.parts.hasTerritory) acc.addHost(index.hostFact(h, policy));
    }
  }
  const byOrg = index.membersByOrg();
  for (const [id, row] of part.rowOfOrg) accs[row]!.addOrg(index.tree.org(id), byOrg.get(id));
  return accs.map((a) => a.finish());
}

/** Hosts and organizationally covered hosts per row: all a previous year's coverage rate needs. */
export function partitionCoverage(
  index: AsOfIndex,
  part: NodePartition,
): { hosts: number; covered: number }[] {
  const out = part.rows.map(() => ({ hosts: 0, covered: 0 }));
  for (const h of index.operatingHosts) {
    const row = part.rowOfRegion.get(h.regionId);
    if (row === undefined || !part.rows[row]!.hasTerritory) continue;
    const o = out[row]!;
    o.hosts++;
    if (index.coveringOrgOf(h.id) !== null) o.covered++;
  }
  return out;
}

export function requireNode(index: AsOfIndex, nodeId: number): OrgRec {
  const node = index.tree.org(nodeId);
  if (!node) {
    const rec = index.snapshot.orgs.find((o) => o.id === nodeId);
    throw AppError.rule(
      "REPORT_NODE_NOT_FOUND",
      MESSAGES.reportNodeNotFound(rec?.name ?? String(nodeId), index.asOf),
      {
        nodeId,
      },
    );
  }
  if (isGrassroots(node.category)) {
    throw AppError.rule("REPORT_NODE_NOT_MANAGEMENT", MESSAGES.reportNodeNotManagement(node.name), {
      nodeId,
    });
  }
  return node;
}

/** The node's total parts as of the index's date: the sum of its report rows. */
export function computeNodeParts(index: AsOfIndex, nodeId: number, policy: Policy): IndicatorParts {
  const node = requireNode(index, nodeId);
  const part = partitionNode(index, node);
  const nodeHasTerritory = part.rows[part.rows.length - 1]!.hasTerritory;
  return sumIndicatorParts(partitionParts(index, part, policy), nodeHasTerritory);
}

/**
 * The node's unrounded organizational coverage rate as of the index's date, from hosts and covered hosts
 * only (a previous year's base): equal to `orgCoverageRateUnrounded(computeNodeParts(index, nodeId, p))`
 * for any policy, and needs no figures, workplaces or instructors.
 */
export function computeNodeCoverageRate(index: AsOfIndex, nodeId: number): number | null {
  const node = requireNode(index, nodeId);
  const part = partitionNode(index, node);
  if (!part.rows[part.rows.length - 1]!.hasTerritory) return null;
  const cov = partitionCoverage(index, part);
  return ratePct(
    cov.reduce((s, c) => s + c.covered, 0),
    cov.reduce((s, c) => s + c.hosts, 0),
  );
}

/**
 * A node's figures for a dashboard: the 合计 of its report as of `asOf` (equal to the year-end report's
 * total when `asOf` is 31 December). With `compareWith`, the organizational coverage rate of that date
 * (e.g. the previous 31 December) is the year-over-year base.
 */
export function computeNodeIndicators(
  snapshot: Snapshot,
  nodeId: number,
  asOf: IsoDate,
  policy: Policy,
  opts?: { compareWith?: IsoDate },
): Indicators {
  const shared = new SnapshotShared(snapshot);
  const index = new AsOfIndex(snapshot, asOf, shared);
  const parts = computeNodeParts(index, nodeId, policy);
  if (!opts?.compareWith) return indicatorsFromParts(parts);
  const prevIndex = new AsOfIndex(snapshot, opts.compareWith, shared);
  const nodeRec = index.tree.org(nodeId)!;
  const prevPart = partitionNode(prevIndex, nodeRec);
  const cov = partitionCoverage(prevIndex, prevPart);
  const hosts = cov.reduce((s, c) => s + c.hosts, 0);
  const covered = cov.reduce((s, c) => s + c.covered, 0);
  return indicatorsFromParts(parts, {
    prevOrgCoverageRate: parts.hasTerritory ? ratePct(covered, hosts) : null,
  });
}
