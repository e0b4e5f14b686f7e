/**
 * Shared pieces of the daily-work queries: scope checks (a record outside the caller's scope does not exist
 * for them: AppError NOT_FOUND), the policy of a date and the audit helper.
 */
import { AppError, isGrassroots, policyAsOf, type OrgCategory, type Policy } from "@liangxin/domain";
import { sql, type SQL } from "drizzle-orm";
import { writeAudit, type DbOrTx } from "@liangxin/db/audit";
import type { Cx } from "@liangxin/db/cx";
import { type Db, selectAll, selectOne } from "@liangxin/db/driver";
import { orgInForce } from "@liangxin/db/queries";
import { scopeSql, type Scope } from "@liangxin/db/scope";
import { loadPolicyVersions } from "@liangxin/db/snapshot";

export async function workPolicy(db: Db, date: string): Promise<Policy> {
  return policyAsOf(await loadPolicyVersions(db), date).params;
}

export interface WorkOrgRow {
  id: number;
  code: string;
  name: string;
  category: OrgCategory;
  path: string;
  depth: number;
  foundedOn: string;
  revokedOn: string | null;
  lastElectionOn: string | null;
  /** 1 when the organization has 党小组 (SQLite's boolean). */
  hasPartyGroups: number;
}

const ORG_COLUMNS = sql`o.id, o.code, o.name, o.category, o.path, o.depth, o.founded_on as foundedOn,
  o.revoked_on as revokedOn, o.last_election_on as lastElectionOn, o.has_party_groups as hasPartyGroups`;

/** An organization of the caller's subordination subtree, else NOT_FOUND. */
export async function requireOrgInSubtree(db: Db, scope: Scope, orgId: number): Promise<WorkOrgRow> {
  if (!scope.org) throw AppError.notFound("org");
  const { within } = scopeSql(scope, "");
  const row = await selectOne<WorkOrgRow>(
    db,
    sql`select ${ORG_COLUMNS} from orgs o where o.id = ${orgId} and ${within.subtree("o")}`,
  );
  if (!row) throw AppError.notFound("org");
  return row;
}

/** A grassroots organization of the subtree (meetings, elections, ratings, applicants). */
export async function requireGrassrootsInSubtree(db: Db, scope: Scope, orgId: number): Promise<WorkOrgRow> {
  const org = await requireOrgInSubtree(db, scope, orgId);
  if (!isGrassroots(org.category)) throw AppError.notFound("org");
  return org;
}

/** Grassroots organizations of the caller's subtree in force on today, by code (the forms' selects). */
export async function grassrootsInSubtree(cx: Cx): Promise<WorkOrgRow[]> {
  return subtreeGrassroots(cx.db, cx.scope, cx.today);
}

/** Grassroots organizations of the subtree in force on `today`, by code (for the boards). */
export async function subtreeGrassroots(db: Db, scope: Scope, today: string): Promise<WorkOrgRow[]> {
  const query = subtreeGrassrootsQuery(scope, today);
  return query ? selectAll<WorkOrgRow>(db, query) : [];
}

/** The statement of `subtreeGrassroots` (null: the scope holds no organization). */
export function subtreeGrassrootsQuery(scope: Scope, today: string): SQL | null {
  if (!scope.org) return null;
  return grassrootsQuery(scopeSql(scope, today).within.subtree("o"), today);
}

/** The grassroots organizations (`orgs o`) meeting `condition` in force on `today`, by code. */
export function grassrootsQuery(condition: SQL, today: string): SQL {
  return sql`select ${ORG_COLUMNS} from orgs o
        where ${condition} and ${grassrootsInForce(today)}
        order by o.code`;
}

/** SQL condition: `orgs o` is a grassroots organization in force on `today`. */
export const grassrootsInForce = (today: string): SQL =>
  sql`o.category in ('committee','generalBranch','branch','jointBranch') and ${orgInForce(today, "o")}`;

export interface WorkHostRow {
  id: number;
  name: string;
  creditCode: string;
  regionId: number;
  regionName: string;
}

/** A host of the caller's territory, else NOT_FOUND. */
export async function requireHostInTerritory(db: Db, scope: Scope, hostId: number): Promise<WorkHostRow> {
  if (!scope.region) throw AppError.notFound("host");
  const { within } = scopeSql(scope, "");
  const row = await selectOne<WorkHostRow>(
    db,
    sql`select h.id, h.name, h.credit_code as creditCode, h.region_id as regionId, r.name as regionName
        from hosts h join regions r on r.id = h.region_id where h.id = ${hostId} and ${within.territory("r")}`,
  );
  if (!row) throw AppError.notFound("host");
  return row;
}

/** The caller must keep a territory (city, county, township administrators). */
export function requireTerritory(scope: Scope): NonNullable<Scope["region"]> {
  if (!scope.region || !scope.org) throw AppError.notFound("territory");
  return scope.region;
}

export function isGrassrootsCategory(c: string): boolean {
  return isGrassroots(c as OrgCategory);
}

/** One audit row for a daily-work mutation, by the calling user, in the caller's transaction. */
export async function auditWork(
  tx: DbOrTx,
  scope: Scope,
  action: string,
  entity: string,
  entityId: number | string | null,
  before: unknown,
  after: unknown,
): Promise<void> {
  await writeAudit(tx, {
    userId: scope.userId,
    username: scope.username,
    action,
    entity,
    entityId,
    scopeOrgId: scope.org?.id ?? null,
    before,
    after,
  });
}
