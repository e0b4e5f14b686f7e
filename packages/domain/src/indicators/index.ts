/**
 * The indicator dictionary (domain.md), computed one way for the dashboard, the year-end report and the
 * exports. Hosts are counted by territory, organizations and members by subordination.
 *
 * Work is split in two: an `AsOfIndex` scans the snapshot once for a date D (coverage, assignments,
 * member status/relationship/workplace as of D, per-host facts), then any number of rows are bucketed
 * over it in O(hosts + orgs). A report therefore costs two indexes (D and the previous 31 December).
 *
 * This file only re-exports the public names of the folder, in the order of the computation:
 * as-of-index.ts (the index of a date and the per-host facts), parts.ts (accumulate, sum and derive
 * indicator parts), scope.ts (one given set of hosts and organizations), node.ts (a management node split
 * into its rows) and report.ts (the year-end report).
 */
export {
  AsOfIndex,
  SnapshotShared,
  buildAsOfIndex,
  hostFactsAsOf,
  type HostFacts,
  type MemberAsOf,
} from "./as-of-index.ts";
export {
  emptyIndicatorParts,
  indicatorsFromParts,
  orgCoverageRateUnrounded,
  sumIndicatorParts,
} from "./parts.ts";
export {
  computeIndicatorParts,
  computeIndicatorPartsFromIndex,
  computeIndicators,
  type IndicatorScope,
} from "./scope.ts";
export {
  computeNodeCoverageRate,
  computeNodeIndicators,
  computeNodeParts,
  partitionNode,
  type NodePartition,
} from "./node.ts";
export { computeReport, totalFromRows, type ReportOptions } from "./report.ts";
export {
  computeReportFromCounts,
  countsIndex,
  previousCoverageRateFromCounts,
  HELD_OUTSIDE,
  NOT_COUNTED,
  type HostCounts,
  type MemberGroup,
  type ReportCounts,
} from "./counts.ts";
