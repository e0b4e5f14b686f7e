/**
 * 覆盖申请 as each side sees them: those proposed by an organization of the caller's subtree (`made`), and
 * those the caller decides (`waiting`: for hosts of its territory, as the township-level administrator or a
 * common superior), pending first, then the most recent. The host is named by what the proposer gave (its
 * name and credit code); its page is linked only for a caller who sees it.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Cx } from "../cx.ts";
import type { Db } from "../driver/client.ts";
import { selectAll } from "../driver/query.ts";
import {
  decidesCoverageRequestCondition,
  proposedBySubtreeCondition,
  scopeSql,
  type Scope,
} from "../scope/index.ts";

export interface CoverageRequestListRow {
  id: number;
  /** The host's page, for a caller who sees the host; else null (the name only). */
  hostId: number | null;
  hostName: string;
  hostCreditCode: string;
  townshipName: string;
  orgName: string;
  startOn: string;
  reason: string | null;
  state: "pending" | "accepted" | "rejected";
  requestedOn: string;
  requestedByName: string;
  decidedOn: string | null;
  decisionReason: string | null;
  canDecide: boolean;
}

export interface CoverageRequestLists {
  made: CoverageRequestListRow[];
  waiting: CoverageRequestListRow[];
}

export async function listCoverageRequests(cx: Cx): Promise<CoverageRequestLists | null> {
  const { db, scope, today } = cx;
  if (!scope.org) return null;
  const s = scopeSql(scope, today);
  const decides = decidesCoverageRequestCondition(scope, today);
  const rows = async (where: SQL) =>
    (
      await selectAll<Omit<CoverageRequestListRow, "canDecide"> & { canDecide: number }>(
        db,
        sql`select q.id, case when ${s.sets.hosts.visible("h")} then h.id end as hostId, h.name as hostName,
            h.credit_code as hostCreditCode, r.name as townshipName, o.name as orgName, q.start_on as startOn,
            q.reason, q.state, q.requested_on as requestedOn, u.display_name as requestedByName,
            q.decided_on as decidedOn, q.decision_reason as decisionReason,
            (q.state = 'pending' and ${decides}) as canDecide
          from coverage_requests q join hosts h on h.id = q.host_id join regions r on r.id = h.region_id
            join orgs o on o.id = q.org_id join users u on u.id = q.requested_by
          where ${where}
          order by q.state = 'pending' desc, q.requested_on desc, q.id desc limit 500`,
      )
    ).map((row) => ({ ...row, canDecide: row.canDecide === 1 }));
  // Proposed by an organization of the caller's subtree.
  const made = await rows(proposedBySubtreeCondition(scope, today));
  return { made, waiting: await rows(decides) };
}

/** A pending request the caller decides. */
export interface CoverageRequestAwaiting {
  id: number;
  hostName: string;
  orgName: string;
  requestedOn: string;
}

/** Pending requests the caller decides (its 待办). */
export async function coverageRequestsAwaiting(cx: Cx): Promise<CoverageRequestAwaiting[]> {
  return coverageRequestsAwaitingIn(cx.db, cx.scope, cx.today);
}

/** `coverageRequestsAwaiting` on a given connection and scope (the inbox, composed on one connection). */
export async function coverageRequestsAwaitingIn(
  db: Db,
  scope: Scope,
  today: string,
): Promise<CoverageRequestAwaiting[]> {
  if (!scope.org) return [];
  const decides = decidesCoverageRequestCondition(scope, today);
  return selectAll<CoverageRequestAwaiting>(
    db,
    sql`select q.id, h.name as hostName, o.name as orgName, q.requested_on as requestedOn
        from coverage_requests q join hosts h on h.id = q.host_id join orgs o on o.id = q.org_id
        where q.state = 'pending' and ${decides} order by q.requested_on, q.id`,
  );
}
