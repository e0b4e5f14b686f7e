/**
 * Figures of a management node, through the ONE domain function the dashboard, the report and the exports
 * share: the snapshot with full dated history and the policy in force on the date, both returned.
 */
import {
  AppError,
  computeNodeIndicators,
  policyAsOf,
  yearEnd,
  type Indicators,
  type IsoDate,
  type PolicyVersion,
} from "@liangxin/domain";
import type { Cx } from "@liangxin/db/cx";
import { orgAccess, type Scope } from "@liangxin/db/scope";
import type { Db } from "@liangxin/db/driver";
import { loadPolicyVersions, loadSnapshot } from "@liangxin/db/snapshot";

export interface NodeIndicators {
  nodeId: number;
  asOf: IsoDate;
  indicators: Indicators;
  /** The policy version the figures were computed with. */
  policy: PolicyVersion;
}

/** The node must be in the caller's subordination subtree (today's tree); else it does not exist for them. */
async function requireNodeInSubtree(db: Db, scope: Scope, nodeId: number, today: string): Promise<void> {
  if ((await orgAccess(db, scope, nodeId, today)) !== "edit") throw AppError.notFound();
}

/**
 * A node's indicators as of `asOf`, compared with the previous 31 December; the node in the subtree of the
 * caller (`cx`) on today's tree.
 */
export async function nodeIndicators(
  cx: Cx,
  input: { nodeId: number; asOf: IsoDate },
): Promise<NodeIndicators> {
  const { db, scope, today } = cx;
  const { nodeId, asOf } = input;
  await requireNodeInSubtree(db, scope, nodeId, today);
  const prev = yearEnd(Number(asOf.slice(0, 4)) - 1);
  const snapshot = await loadSnapshot(db, { asOf: [asOf], coverageAsOf: [prev], nodeId });
  const policy = policyAsOf(await loadPolicyVersions(db), asOf);
  const indicators = computeNodeIndicators(snapshot, nodeId, asOf, policy.params, { compareWith: prev });
  return { nodeId, asOf, indicators, policy };
}
