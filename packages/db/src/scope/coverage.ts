/**
 * Coverage across a boundary (覆盖申请). Coverage is edited by the covering organization's chain, but only
 * for hosts of the chain's own territory; covering any other host — for a branch secretary or a 行业党委,
 * every host — is proposed, and decided by the host's territory administrator: the administrator of the
 * host's township-level area, or a common superior (an administrator whose territory holds the host and
 * whose subtree holds the proposing organization).
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../driver/client.ts";
import { selectOne } from "../driver/query.ts";
import type { Scope } from "./load.ts";
import { scopeSql } from "./sql.ts";

/**
 * SQL condition on a coverage request (alias `q`) joined to its host (alias `h`): the caller decides it
 * on `today` — an administrator whose territory holds the host, and, above a township, whose subtree holds
 * the proposing organization.
 */
export function decidesCoverageRequestCondition(scope: Scope, today: string, q = "q", h = "h"): SQL {
  if (scope.role !== "admin" || !scope.org || !scope.region) return sql`false`;
  const s = scopeSql(scope, today);
  const township = scope.region.level === "township";
  return sql`(${s.sets.hosts.editable(h)} and (${township ? sql`true` : s.within.orgId(`${q}.org_id`)}))`;
}

/** SQL condition on a coverage request (alias `q`): proposed by an organization of the caller's subtree. */
export function proposedBySubtreeCondition(scope: Scope, today: string, q = "q"): SQL {
  return scopeSql(scope, today).within.orgId(`${q}.org_id`);
}

/** Whether the caller decides the coverage request `requestId` (false when it does not exist). */
export async function decidesCoverageRequest(
  db: Db,
  scope: Scope,
  requestId: number,
  today: string,
): Promise<boolean> {
  const row = await selectOne<{ found: number }>(
    db,
    sql`select 1 as found from coverage_requests q join hosts h on h.id = q.host_id
        where q.id = ${requestId} and ${decidesCoverageRequestCondition(scope, today)}`,
  );
  return row !== undefined;
}
