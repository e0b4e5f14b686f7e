/**
 * The three sets of architecture.md, decided in SQL against today's records:
 * - editable: organizations and members in the caller's subordination subtree; hosts in the caller's
 *   territory; coverage by the covering organization's chain;
 * - reference-visible (read-only): a host covered by an organization of the subtree; an organization
 *   covering a host of the territory; an organization linked by dual management to one of the subtree;
 * - counted-only: a member held elsewhere who works in a host of the territory (a masked row).
 * Anything else does not exist for the caller.
 */
import type { Db } from "./client.ts";
import type { Scope } from "./scope.ts";

export type HostAccess = "edit" | "reference" | "own";
export type OrgAccess = "edit" | "reference";
export type MemberAccess = "edit" | "counted";

/** SQL condition: an interval [start, end) in force on the bound date. */
const inForce = (alias: string, start = "start_on", end = "end_on") =>
  `(${alias}.${start} <= @today and (${alias}.${end} is null or @today < ${alias}.${end}))`;

const subtree = (scope: Scope) => (scope.org ? `${scope.org.path}*` : null);
const territory = (scope: Scope) => (scope.region ? `${scope.region.path}*` : null);

function params(scope: Scope, today: string) {
  return { today, orgGlob: subtree(scope) ?? "\u0000", regionGlob: territory(scope) ?? "\u0000" };
}

/** How the caller may see a host unit, or null when it does not exist for them. */
export function hostAccess(db: Db, scope: Scope, hostId: number, today: string): HostAccess | null {
  if (scope.host) return scope.host.id === hostId ? "own" : null;
  const row = db.$client
    .prepare(
      `select
         exists(select 1 from hosts h join regions r on r.id = h.region_id
                where h.id = @hostId and r.path glob @regionGlob) as edit,
         exists(select 1 from coverages c join orgs o on o.id = c.org_id
                where c.host_id = @hostId and o.path glob @orgGlob and ${inForce("c")}) as ref`,
    )
    .get({ ...params(scope, today), hostId }) as { edit: number; ref: number };
  if (row.edit) return "edit";
  if (row.ref) return "reference";
  return null;
}

/** How the caller may see an organization, or null when it does not exist for them. */
export function orgAccess(db: Db, scope: Scope, orgId: number, today: string): OrgAccess | null {
  if (!scope.org) return null;
  const row = db.$client
    .prepare(
      `select
         exists(select 1 from orgs o where o.id = @orgId and o.path glob @orgGlob) as edit,
         exists(select 1 from coverages c join hosts h on h.id = c.host_id join regions r on r.id = h.region_id
                where c.org_id = @orgId and r.path glob @regionGlob and ${inForce("c")}) as covers,
         exists(select 1 from dual_links d join orgs a on a.id = d.org_id join orgs b on b.id = d.regional_org_id
                where ${inForce("d")} and ((d.org_id = @orgId and b.path glob @orgGlob)
                   or (d.regional_org_id = @orgId and a.path glob @orgGlob))) as dual`,
    )
    .get({ ...params(scope, today), orgId }) as { edit: number; covers: number; dual: number };
  if (row.edit) return "edit";
  if (row.covers || row.dual) return "reference";
  return null;
}

/** How the caller may see a member, or null when the member does not exist for them. */
export function memberAccess(db: Db, scope: Scope, memberId: number, today: string): MemberAccess | null {
  if (!scope.org) return null;
  const row = db.$client
    .prepare(
      `select
         exists(select 1 from members m join orgs o on o.id = m.org_id
                where m.id = @memberId and o.path glob @orgGlob) as edit,
         exists(select 1 from member_workplaces w join hosts h on h.id = w.host_id
                join regions r on r.id = h.region_id
                where w.member_id = @memberId and r.path glob @regionGlob and ${inForce("w")}) as counted`,
    )
    .get({ ...params(scope, today), memberId }) as { edit: number; counted: number };
  if (row.edit) return "edit";
  if (row.counted) return "counted";
  return null;
}

/** Whether the caller may edit a coverage of `orgId`: the covering organization's chain. */
export function canEditCoverage(db: Db, scope: Scope, orgId: number, today: string): boolean {
  return orgAccess(db, scope, orgId, today) === "edit";
}

/**
 * SQL building blocks for scoped lists (`h` = hosts alias joined with `r` = its region). Every list
 * query of the ledger composes one of these with named parameters from `scopeParams`.
 */
export const scopedSql = {
  /** Hosts the caller may see: own territory, or covered today by the subtree. */
  hostsVisible: `(h.id in (select t.id from hosts t where t.region_id in (select id from regions where path glob @regionGlob)
      union select c.host_id from orgs o join coverages c on c.org_id = o.id where o.path glob @orgGlob and ${inForce("c")}
      union select @ownHostId))`,
  /** Organizations the caller may edit (`o` = orgs alias). */
  orgsEditable: `(o.path glob @orgGlob)`,
  /** Members held in the subtree (`m` = members alias joined with `o` = their organization). */
  membersEditable: `(o.path glob @orgGlob)`,
};

export function scopeParams(scope: Scope, today: string) {
  return { ...params(scope, today), ownHostId: scope.host?.id ?? -1 };
}
