/**
 * How a caller sees one record, decided in SQL against the records in force on a date: `edit` (the
 * editable set), `reference` / `counted` (read-only sets) or null — it does not exist for the caller.
 * The conditions are the scope module's (`sql.ts`).
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../driver/client.ts";
import { selectOne } from "../driver/query.ts";
import { orgs, regions } from "../schema.ts";
import type { Scope } from "./load.ts";
import { subtreeRange, type PathRange } from "./paths.ts";
import { scopeSql } from "./sql.ts";

export type HostAccess = "edit" | "reference" | "own";
export type OrgAccess = "edit" | "reference";
export type MemberAccess = "edit" | "counted";

/** How the caller may see a host unit, or null when it does not exist for them. */
export async function hostAccess(
  db: Db,
  scope: Scope,
  hostId: number,
  today: string,
): Promise<HostAccess | null> {
  if (scope.host) return scope.host.id === hostId ? "own" : null;
  const { sets } = scopeSql(scope, today);
  const row = await selectOne<{ edit: number; ref: number }>(
    db,
    sql`select ${sets.hosts.editable("h")} as edit, ${sets.hosts.reference("h")} as ref from hosts h where h.id = ${hostId}`,
  );
  if (!row) return null;
  if (row.edit) return "edit";
  if (row.ref) return "reference";
  return null;
}

/** How the caller may see an organization, or null when it does not exist for them. */
export async function orgAccess(
  db: Db,
  scope: Scope,
  orgId: number,
  today: string,
): Promise<OrgAccess | null> {
  if (!scope.org) return null;
  const { sets } = scopeSql(scope, today);
  const row = await selectOne<{ edit: number; ref: number }>(
    db,
    sql`select ${sets.orgs.editable("o")} as edit, ${sets.orgs.reference("o")} as ref from orgs o where o.id = ${orgId}`,
  );
  if (!row) return null;
  if (row.edit) return "edit";
  if (row.ref) return "reference";
  return null;
}

/** How the caller may see a member, or null when the member does not exist for them. */
export async function memberAccess(
  db: Db,
  scope: Scope,
  memberId: number,
  today: string,
): Promise<MemberAccess | null> {
  if (!scope.org) return null;
  const { sets } = scopeSql(scope, today);
  const row = await selectOne<{ edit: number; counted: number }>(
    db,
    sql`select ${sets.members.editable("m")} as edit, ${sets.members.counted("m")} as counted
        from members m where m.id = ${memberId}`,
  );
  if (!row) return null;
  if (row.edit) return "edit";
  if (row.counted) return "counted";
  return null;
}

/** Whether the caller may edit a coverage of `orgId`: the covering organization's chain. */
export async function canEditCoverage(db: Db, scope: Scope, orgId: number, today: string): Promise<boolean> {
  return (await orgAccess(db, scope, orgId, today)) === "edit";
}

/** The subtree of an organization as a path range (a filter by area), or the empty range when missing. */
export async function orgSubtreeRange(db: Db, orgId: number): Promise<PathRange> {
  const [row] = await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, orgId)).limit(1);
  return subtreeRange(row?.path);
}

/** The same for a region (the territory of an area). */
export async function regionSubtreeRange(db: Db, regionId: number): Promise<PathRange> {
  const [row] = await db
    .select({ path: regions.path })
    .from(regions)
    .where(eq(regions.id, regionId))
    .limit(1);
  return subtreeRange(row?.path);
}
