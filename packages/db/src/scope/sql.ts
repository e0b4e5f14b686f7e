/**
 * The three sets of architecture.md as SQL conditions, written once here as text over named parameters and
 * handed out only bound to a caller and a day (`scopeSql`, `nodeWithin`) as drizzle `SQL`:
 * - editable: organizations of the subordination subtree (today's tree), hosts of the territory, members
 *   held in the subtree on the date (their relationship then), instructors registered or dispatched by it;
 * - reference (read-only): a host covered today by the subtree; an organization covering a host of the
 *   territory today, or linked by dual management to one of the subtree; an instructor assigned today to a
 *   host the caller sees;
 * - counted-only: a member held elsewhere, of status 正常 on the date, working then in a host of the territory.
 * Dated relations (relationships, statuses, workplaces, coverages, assignments, dual links) are taken as of
 * the date bound as `@today`; the trees are today's (a caller's scope is where it stands now).
 * An owner sees its own host. Aliases of the subqueries start with `s_` to stay clear of the caller's.
 */
import type { SQL } from "drizzle-orm";
import { named } from "../dialect/sqlite.ts";
import type { Scope } from "./load.ts";
import { NO_PATH, pathWithin, subtreeRange, type PathRange } from "./paths.ts";

/** The named parameters every scoped statement binds. */
interface ScopeBindings {
  today: string;
  /** The path of the caller's node (its superiors' paths are its prefixes). */
  nodePath: string;
  orgFrom: string;
  orgTo: string;
  regionFrom: string;
  regionTo: string;
  ownHostId: number;
}

function scopeBindings(scope: Pick<Scope, "org" | "region" | "host">, today: string): ScopeBindings {
  const org = subtreeRange(scope.org?.path);
  const region = subtreeRange(scope.region?.path);
  return {
    today,
    nodePath: scope.org?.path ?? "",
    orgFrom: org.from,
    orgTo: org.to,
    regionFrom: region.from,
    regionTo: region.to,
    ownHostId: scope.host?.id ?? -1,
  };
}

/** Bindings of a node's subtree chosen as a filter (`nodeFrom`, `nodeTo`). */
function nodeBindings(range: PathRange | null): { nodeFrom: string; nodeTo: string } {
  const r = range ?? NO_PATH;
  return { nodeFrom: r.from, nodeTo: r.to };
}

/** SQL condition: a dated row (alias) in force on `@today`. */
const inForceToday = (alias: string, start = "start_on", end = "end_on") =>
  `(${alias}.${start} <= @today and (${alias}.${end} is null or @today < ${alias}.${end}))`;

const orgIn = (alias: string) => pathWithin(`${alias}.path`, "orgFrom", "orgTo");
const regionIn = (alias: string) => pathWithin(`${alias}.path`, "regionFrom", "regionTo");
const nodeIn = (alias: string) => pathWithin(`${alias}.path`, "nodeFrom", "nodeTo");

// Written as `x in (select …)` so that the planner builds each set once from an index range (and then
// looks rows up by key), rather than testing every row with a correlated subquery.

/** Ids of the regions of the territory. */
const territoryRegionIds = `select s_r.id from regions s_r where ${regionIn("s_r")}`;
/** Ids of the organizations of the subtree. */
const subtreeOrgIds = `select s_o.id from orgs s_o where ${orgIn("s_o")}`;
/** Ids of the hosts of the territory. */
const territoryHostIds = `select s_h.id from hosts s_h where s_h.region_id in (${territoryRegionIds})`;
/** Ids of the hosts covered today by an organization of the subtree. */
const coveredHostIds = `select s_c.host_id from coverages s_c where s_c.org_id in (${subtreeOrgIds}) and ${inForceToday("s_c")}`;

/** Ids of the members whose relationship in force on the date is held by an organization of the subtree. */
const heldInSubtree = `select s_rel.member_id from member_relationships s_rel
  where s_rel.org_id in (${subtreeOrgIds}) and ${inForceToday("s_rel")}`;

/** A member's status on the date: the latest status change on or before it, else 正常. */
const statusOnDate = (m: string) =>
  `coalesce((select s_e.status from member_status_events s_e where s_e.member_id = ${m}.id and s_e.effective_on <= @today
             order by s_e.effective_on desc, s_e.id desc limit 1), 'normal')`;

/** Ids of the instructors registered or dispatched by the subtree. */
const editableInstructorIds = `select s_ie.id from instructors s_ie
  where s_ie.registered_by_id in (${subtreeOrgIds}) or s_ie.dispatch_org_id in (${subtreeOrgIds})`;

/** Ids of the instructors the caller sees: its own, and those serving on the date a host it sees. */
const visibleInstructorIds = `${editableInstructorIds} union select s_av.instructor_id from assignments s_av
  where ${inForceToday("s_av")} and s_av.host_id in (${territoryHostIds} union ${coveredHostIds})`;

/** A host id expression located in the territory. */
const hostIdInTerritory = (hostId: string) => `${hostId} in (${territoryHostIds})`;

/** An organization id expression in the subtree. */
const orgIdInSubtree = (orgId: string) => `${orgId} in (${subtreeOrgIds})`;

/** A host id expression covered today by an organization of the subtree. */
const hostIdCoveredBySubtree = (hostId: string) => `${hostId} in (${coveredHostIds})`;

const within = {
  /** An organization row (alias) of the caller's subordination subtree. */
  subtree: orgIn,
  /** A region row (alias) of the caller's territory. */
  territory: regionIn,
  /** An organization or region row (alias) in the subtree chosen as a filter (`nodeBindings`). */
  node: nodeIn,
  /** An organization id (expression) of the subtree. */
  orgId: orgIdInSubtree,
  /** A host id (expression) of the territory. */
  hostId: hostIdInTerritory,
};

/** The three sets as conditions on a row of the named table alias. */
const sets = {
  hosts: {
    editable: (h = "h") => `${h}.region_id in (${territoryRegionIds})`,
    reference: (h = "h") =>
      `(${h}.region_id not in (${territoryRegionIds}) and ${hostIdCoveredBySubtree(`${h}.id`)})`,
    /** Every host the caller sees: territory, covered by the subtree, or an owner's own. */
    visible: (h = "h") => `${h}.id in (${territoryHostIds} union ${coveredHostIds} union select @ownHostId)`,
  },
  orgs: {
    editable: (o = "o") => orgIn(o),
    /** Covering a host of the territory today, or linked by dual management today to one of the subtree. */
    reference: (o = "o") =>
      `(not ${orgIn(o)} and ${o}.id in (
         select s_c.org_id from coverages s_c where s_c.host_id in (${territoryHostIds}) and ${inForceToday("s_c")}
         union select s_d.org_id from dual_links s_d where s_d.regional_org_id in (${subtreeOrgIds}) and ${inForceToday("s_d")}
         union select s_d.regional_org_id from dual_links s_d where s_d.org_id in (${subtreeOrgIds}) and ${inForceToday("s_d")}))`,
  },
  members: {
    /** Held on the date by an organization of the subtree (the relationship in force). */
    editable: (m = "m") => `${m}.id in (${heldInSubtree})`,
    /** Held elsewhere or outside the city, of status 正常 on the date, working then in a host of the territory. */
    counted: (m = "m") =>
      `(${m}.id not in (${heldInSubtree}) and ${statusOnDate(m)} = 'normal'
        and ${m}.id in (select s_w.member_id from member_workplaces s_w
                        where s_w.host_id in (${territoryHostIds}) and ${inForceToday("s_w")}))`,
  },
  /**
   * Named only: records whose name (a header) may appear beside the caller's own records, without any
   * view of their own — the superiors of the caller's node, the other side of a relationship transfer with
   * the subtree, the organizations that dispatched or registered an instructor the caller sees, the hosts
   * where the subtree's members work and its instructors serve on the date; the two sides of a coverage
   * request (覆盖申请): the host a subtree's organization proposed to cover, the organization proposing to
   * cover a host of the territory; for an owner, the organization covering its host.
   */
  named: {
    orgs: (o = "o") =>
      `${o}.id in (
         select s_an.id from orgs s_an where @nodePath >= s_an.path and @nodePath < s_an.path || '~'
         union select s_t.from_org_id from transfers s_t where s_t.to_org_id in (${subtreeOrgIds})
         union select s_t.to_org_id from transfers s_t where s_t.from_org_id in (${subtreeOrgIds})
         union select s_q.org_id from coverage_requests s_q where s_q.host_id in (${territoryHostIds})
         union select s_c.org_id from coverages s_c where s_c.host_id = @ownHostId and ${inForceToday("s_c")}
         union select s_i.dispatch_org_id from instructors s_i where s_i.id in (${visibleInstructorIds})
         union select s_i.registered_by_id from instructors s_i where s_i.id in (${visibleInstructorIds}))`,
    hosts: (h = "h") =>
      `${h}.id in (
         select s_w.host_id from member_workplaces s_w where s_w.member_id in (${heldInSubtree}) and ${inForceToday("s_w")}
         union select s_a.host_id from assignments s_a where s_a.instructor_id in (${editableInstructorIds})
           and ${inForceToday("s_a")}
         union select s_q.host_id from coverage_requests s_q where s_q.org_id in (${subtreeOrgIds}))`,
  },
  instructors: {
    /** Registered or dispatched by the subtree. */
    editable: (i = "i") =>
      `(${orgIdInSubtree(`${i}.registered_by_id`)} or ${orgIdInSubtree(`coalesce(${i}.dispatch_org_id, -1)`)})`,
    /** Assigned today to a host of the territory or covered by the subtree. */
    reference: (i = "i") =>
      `${i}.id in (select s_a.instructor_id from assignments s_a where ${inForceToday("s_a")}
                   and s_a.host_id in (${territoryHostIds} union ${coveredHostIds}))`,
  },
};

/** The conditions above as drizzle `SQL` values, their parameters bound to one caller and day. */
type AsSql<T> = T extends (...args: infer A) => string
  ? (...args: A) => SQL
  : { [K in keyof T]: AsSql<T[K]> };

function bindAll<T>(conditions: T, bindings: Readonly<Record<string, unknown>>): AsSql<T> {
  if (typeof conditions === "function")
    return ((...args: unknown[]) =>
      named((conditions as (...a: unknown[]) => string)(...args), bindings)) as AsSql<T>;
  return Object.fromEntries(
    Object.entries(conditions as Record<string, unknown>).map(([k, v]) => [k, bindAll(v, bindings)]),
  ) as AsSql<T>;
}

export interface ScopeSql {
  /** An organization or region row (alias) of the caller's subtree, territory; ids of them. */
  within: Omit<AsSql<typeof within>, "node">;
  /** The three sets (and the named-only records) as conditions on a row of the alias. */
  sets: AsSql<typeof sets>;
  /** A dated row (alias) in force on the day. */
  inForce: (alias: string, start?: string, end?: string) => SQL;
  /** The day the conditions look at. */
  today: string;
}

/**
 * The caller's conditions for `sql` templates: `sql\`select … from hosts h where ${s.sets.hosts.visible("h")}\``.
 * The scope rule stays written once (above); this binds it to the caller's scope and the day.
 */
export function scopeSql(scope: Pick<Scope, "org" | "region" | "host">, today: string): ScopeSql {
  const b = { ...scopeBindings(scope, today) };
  const { node: _node, ...rest } = within;
  return {
    within: bindAll(rest, b),
    sets: bindAll(sets, b),
    inForce: (alias, start, end) => named(inForceToday(alias, start, end), b),
    today,
  };
}

/** SQL: an organization or region row (alias) in the subtree chosen as a filter (`range`, none when null). */
export function nodeWithin(alias: string, range: PathRange | null): SQL {
  return named(within.node(alias), nodeBindings(range));
}
