/**
 * Load the whole dated history as the domain's plain records: one statement per table, read as raw rows
 * (the bulk path) and made into records of one shape by a generated constructor, ordered by id. Fast
 * enough for 200k hosts and 400k members.
 */
import {
  DEFAULT_POLICY,
  type AssignmentRec,
  type CoverageRec,
  type DualLinkRec,
  type HostRec,
  type HostYearRec,
  type InstructorRec,
  type MemberRec,
  type MemberRelationshipRec,
  type MemberStatusEventRec,
  type MemberWorkplaceRec,
  type OrgRec,
  type Policy,
  type PolicyVersion,
  type RegionRec,
  type ReparentingRec,
  type Snapshot,
  type IsoDate,
} from "@liangxin/domain";
import { sql, type SQL } from "drizzle-orm";
import { idList } from "./dialect/sqlite.ts";
import type { Db } from "./driver/client.ts";
import { readTransaction, selectAll, selectColumnPrepared, selectMapped, selectOne } from "./driver/query.ts";
import { nodeWithin, pathUnder, subtreeRange } from "./scope/index.ts";
import { TABLE_NAME } from "./tables.ts";

/**
 * The fields of each record, in order: each is read from the snake_case column of the same name
 * (`regionalOrgId` from `regional_org_id`), so that the select list and the record's keys are one list.
 */
const FIELDS = {
  regions: ["id", "code", "name", "level", "parentId"] satisfies (keyof RegionRec)[],
  orgs: [
    "id",
    "code",
    "name",
    "category",
    "parentId",
    "regionId",
    "formationMode",
    "foundedOn",
    "revokedOn",
  ] satisfies (keyof OrgRec)[],
  reparentings: ["orgId", "fromParentId", "toParentId", "effectiveOn"] satisfies (keyof ReparentingRec)[],
  dualLinks: ["orgId", "regionalOrgId", "startOn", "endOn"] satisfies (keyof DualLinkRec)[],
  hosts: [
    "id",
    "creditCode",
    "name",
    "kind",
    "regionId",
    "foundedOn",
    "closedOn",
    "unionOn",
    "youthLeagueOn",
    "womenOn",
  ] satisfies (keyof HostRec)[],
  hostYears: ["hostId", "year", "employees", "revenueFen"] satisfies (keyof HostYearRec)[],
  coverages: ["hostId", "orgId", "startOn", "endOn"] satisfies (keyof CoverageRec)[],
  members: ["id", "joinedOn", "fullOn"] satisfies (keyof MemberRec)[],
  relationships: ["memberId", "orgId", "startOn", "endOn"] satisfies (keyof MemberRelationshipRec)[],
  workplaces: ["memberId", "hostId", "startOn", "endOn"] satisfies (keyof MemberWorkplaceRec)[],
  statusEvents: ["memberId", "status", "effectiveOn"] satisfies (keyof MemberStatusEventRec)[],
  instructors: ["id", "number"] satisfies (keyof InstructorRec)[],
  assignments: ["instructorId", "hostId", "startOn", "endOn"] satisfies (keyof AssignmentRec)[],
} as const satisfies Record<keyof Snapshot, readonly string[]>;

type Table = keyof typeof FIELDS;

/** The order each record's rows are read in (whole-table loads). */
const ORDER: Record<Table, string> = {
  regions: "id",
  orgs: "id",
  reparentings: "effective_on, id",
  dualLinks: "id",
  hosts: "id",
  hostYears: "host_id, year",
  coverages: "id",
  members: "id",
  relationships: "id",
  workplaces: "id",
  statusEvents: "id",
  instructors: "id",
  assignments: "id",
};

/** The table of each record (its SQL name from the one list, `tables.ts`) and the order its rows are read in. */
const TABLES = Object.fromEntries(
  (Object.keys(ORDER) as Table[]).map((k) => [k, { name: TABLE_NAME[k], order: ORDER[k] }]),
) as Record<Table, { name: string; order: string }>;

const snakeCase = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const selectLists = new Map<string, SQL>();

/** The select list of a table's record fields (columns of `alias` when given), aliased to the fields. */
function columns(table: Table, alias = ""): SQL {
  const key = `${table} ${alias}`;
  let list = selectLists.get(key);
  if (!list) {
    const prefix = alias ? `${alias}.` : "";
    const text = FIELDS[table].map((f) => {
      const c = snakeCase(f);
      return c === f ? `${prefix}${c}` : `${prefix}${c} as ${f}`;
    });
    selectLists.set(key, (list = sql.raw(text.join(", "))));
  }
  return list;
}

/** Every row of a table as its records, in the table's order. */
function whole<T>(db: Db, table: Table): Promise<T[]> {
  const t = TABLES[table];
  return records<T>(
    db,
    FIELDS[table],
    sql`select ${columns(table)} from ${sql.raw(t.name)} order by ${sql.raw(t.order)}`,
  );
}

/**
 * What a snapshot may be restricted to. A restricted snapshot holds every row the domain's computation
 * reads for the given dates and scope, and may hold more; it answers ONLY for those dates and that scope.
 */
export interface SnapshotOptions {
  /**
   * Only rows in force on at least one of these dates: hosts operating, coverages, assignments,
   * relationships and workplaces in force, members joined, status events and figures up to the date.
   * An `AsOfIndex` built on the result for one of these dates equals one built on the full history.
   */
  asOf?: readonly IsoDate[];
  /**
   * Only what the figures of this management node need on those dates (its territory's hosts, its
   * subtree's organizations and members, their coverages and instructors). Requires `asOf`.
   */
  nodeId?: number;
  /** Only what the facts of these hosts need on those dates. Requires `asOf`; ignored with `nodeId`. */
  hostIds?: readonly number[];
  /**
   * Further dates for which only hosts operating, their covering organizations and the members held by
   * organizations are needed (a previous year's coverage rate, opening members): no figures, workplaces
   * or instructors. An `AsOfIndex` of such a date answers `operatingHosts`, `coveringOrgOf`, `tree` and
   * `membersByOrg` only.
   */
  coverageAsOf?: readonly IsoDate[];
}

/** Everything the domain computes over: full dated history, or restricted to dates and a scope. */
export async function loadSnapshot(db: Db, opts?: SnapshotOptions): Promise<Snapshot> {
  if (opts?.asOf && opts.asOf.length > 0) {
    const complete = new Set(opts.asOf);
    const dates = [...new Set([...opts.asOf, ...(opts.coverageAsOf ?? [])])].sort();
    return readTransaction(db, (tx) => loadAsOf(tx, dates, complete, opts));
  }
  const read = async (tx: Db): Promise<Snapshot> => ({
    regions: await whole<RegionRec>(tx, "regions"),
    orgs: await whole<OrgRec>(tx, "orgs"),
    reparentings: await whole<ReparentingRec>(tx, "reparentings"),
    dualLinks: await whole<DualLinkRec>(tx, "dualLinks"),
    hosts: await whole<HostRec>(tx, "hosts"),
    hostYears: await whole<HostYearRec>(tx, "hostYears"),
    coverages: await whole<CoverageRec>(tx, "coverages"),
    members: await whole<MemberRec>(tx, "members"),
    relationships: await whole<MemberRelationshipRec>(tx, "relationships"),
    workplaces: await whole<MemberWorkplaceRec>(tx, "workplaces"),
    statusEvents: await whole<MemberStatusEventRec>(tx, "statusEvents"),
    instructors: await whole<InstructorRec>(tx, "instructors"),
    assignments: await whole<AssignmentRec>(tx, "assignments"),
  });
  // One read transaction: every table as of the same moment, even with writers on other connections.
  return readTransaction(db, read);
}

// ---------------------------------------------------------------------------------------------------
// Restricted loading: only rows in force on the dates (and of the scope), filtered in SQL.

/**
 * SQL: the interval [start, end) in force on at least one of the dates `dates[i]` for i in `idx`
 * (ascending). The first and last dates bound the start in a form an index (x, start_on) can use; the
 * exact test per date uses `+column` so that the planner does not split it into one full scan per date.
 */
function inForceAny(dates: readonly IsoDate[], idx: readonly number[], start: string, end: string): SQL {
  const first = dates[idx[0]!]!;
  const last = dates[idx[idx.length - 1]!]!;
  const [s, e] = [sql.raw(start), sql.raw(end)];
  const bound = sql`${s} <= ${last} and (${e} is null or ${first} < ${e})`;
  if (idx.length === 1) return sql`(${bound})`;
  const [ps, pe] = [sql.raw(`+${start}`), sql.raw(`+${end}`)];
  const parts = idx.map((i) => sql`(${ps} <= ${dates[i]!} and (${pe} is null or ${dates[i]!} < ${pe}))`);
  return sql`(${bound} and (${sql.join(parts, sql` or `)}))`;
}

const rowMappers = new Map<string, (row: unknown[]) => unknown>();

/**
 * A function building the record of a raw row as one object literal: every record of a table then has
 * the same shape (fast property access, cheap allocation), unlike objects filled key by key.
 */
function rowMapper(keys: readonly string[]): (row: unknown[]) => unknown {
  const sig = keys.join(",");
  let fn = rowMappers.get(sig);
  if (!fn) {
    const body = `return {${keys.map((k, i) => `${JSON.stringify(k)}: r[${i}]`).join(", ")}};`;
    fn = new Function("r", body) as (row: unknown[]) => unknown;
    rowMappers.set(sig, fn);
  }
  return fn;
}

/**
 * The rows of `query` as records keyed by `fields` (its columns, in order), built from raw rows (about a
 * third faster than objects made by the driver on millions of rows). The statement is prepared once per
 * connection: a scoped page runs a dozen of these per request, and preparing costs as much as running them.
 */
function records<T>(db: Db, fields: readonly string[], query: SQL): Promise<T[]> {
  // Made one row at a time: each raw row dies young instead of all of them surviving next to the records.
  return selectMapped(db, query, rowMapper(fields) as (row: unknown[]) => T);
}

/** The scope of a management node: its territory's region ids and the organizations it may count. */
export async function nodeScope(
  db: Db,
  nodeId: number,
): Promise<{ regionIds: number[] | null; orgIds: number[] } | null> {
  const node = await selectOne<{ path: string; parentId: number | null; regionPath: string | null }>(
    db,
    sql`select o.path, o.parent_id as parentId, r.path as regionPath from orgs o
        left join regions r on r.id = o.region_id where o.id = ${nodeId}`,
  );
  // The root's scope is the whole city: nothing to restrict.
  if (!node || node.parentId === null) return null;
  const regionIds =
    node.regionPath === null
      ? null
      : await selectColumnPrepared<number>(
          db,
          sql`select r.id from regions r where ${nodeWithin("r", subtreeRange(node.regionPath))}`,
        );
  // Today's subtree by path, plus every re-parented organization's subtree: the subtree as of any date
  // lies within (each member hangs under the node by today's superiors up to a re-parented ancestor).
  const orgIds = await selectColumnPrepared<number>(
    db,
    sql`select o.id from orgs o where ${nodeWithin("o", subtreeRange(node.path))}
        union select o.id from org_reparentings rp join orgs r on r.id = rp.org_id
          join orgs o on ${sql.raw(pathUnder("o.path", "r.path"))}`,
  );
  return { regionIds, orgIds };
}

async function loadAsOf(
  db: Db,
  dates: readonly IsoDate[],
  complete: ReadonlySet<IsoDate>,
  opts: SnapshotOptions,
): Promise<Snapshot> {
  const allIdx = dates.map((_, i) => i);
  const fullIdx = allIdx.filter((i) => complete.has(dates[i]!));
  const maxD = dates[dates.length - 1]!;
  const years = [...new Set(fullIdx.map((i) => Number(dates[i]!.slice(0, 4))))];
  const hostOperating = inForceAny(dates, allIdx, "h.founded_on", "h.closed_on");
  const regions = await whole<RegionRec>(db, "regions");
  const reparentings = await whole<ReparentingRec>(db, "reparentings");
  const figures = (hostFilter: SQL) =>
    records<HostYearRec>(
      db,
      FIELDS.hostYears,
      sql.join(
        years.map(
          (y) =>
            // Each host's latest figures up to the year (the row of its latest year, joined: a bare column
            // beside max() is SQLite's alone).
            sql`select y.host_id as hostId, y.year, y.employees, y.revenue_fen as revenueFen from host_years y
                join (select host_id, max(year) as year from host_years where year <= ${y}${hostFilter}
                      group by host_id) latest on latest.host_id = y.host_id and latest.year = y.year`,
        ),
        sql` union all `,
      ),
    );

  const scope = opts.nodeId !== undefined ? await nodeScope(db, opts.nodeId) : null;
  const hostIdsGiven = opts.nodeId === undefined && opts.hostIds !== undefined;
  if (!scope && !hostIdsGiven) {
    const cov = inForceAny(dates, allIdx, "start_on", "end_on");
    const full = inForceAny(dates, fullIdx, "start_on", "end_on");
    return {
      regions,
      orgs: await whole<OrgRec>(db, "orgs"),
      reparentings,
      dualLinks: await whole<DualLinkRec>(db, "dualLinks"),
      hosts: await records<HostRec>(
        db,
        FIELDS.hosts,
        sql`select ${columns("hosts", "h")} from hosts h where ${hostOperating} order by h.id`,
      ),
      hostYears: await figures(sql``),
      coverages: await records<CoverageRec>(
        db,
        FIELDS.coverages,
        sql`select ${columns("coverages")} from coverages where ${cov} order by id`,
      ),
      members: await records<MemberRec>(
        db,
        FIELDS.members,
        sql`select ${columns("members")} from members where joined_on <= ${maxD} order by id`,
      ),
      relationships: await records<MemberRelationshipRec>(
        db,
        FIELDS.relationships,
        sql`select ${columns("relationships")} from member_relationships where ${cov} order by id`,
      ),
      workplaces: await records<MemberWorkplaceRec>(
        db,
        FIELDS.workplaces,
        sql`select ${columns("workplaces")} from member_workplaces where ${full} order by id`,
      ),
      statusEvents: await records<MemberStatusEventRec>(
        db,
        FIELDS.statusEvents,
        sql`select ${columns("statusEvents")} from member_status_events
            where effective_on <= ${maxD} order by id`,
      ),
      instructors: await whole<InstructorRec>(db, "instructors"),
      assignments: await records<AssignmentRec>(
        db,
        FIELDS.assignments,
        sql`select ${columns("assignments")} from assignments where ${full} order by id`,
      ),
    };
  }

  // Scoped: hosts of the territory (or the given hosts), organizations of the subtree.
  const orgIds = scope?.orgIds ?? [];
  let hosts: HostRec[] = [];
  if (scope) {
    if (scope.regionIds !== null && scope.regionIds.length > 0)
      hosts = await records<HostRec>(
        db,
        FIELDS.hosts,
        sql`select ${columns("hosts", "h")} from hosts h where h.region_id in ${idList(scope.regionIds)}
            and ${hostOperating} order by h.id`,
      );
  } else {
    hosts = await records<HostRec>(
      db,
      FIELDS.hosts,
      sql`select ${columns("hosts", "h")} from hosts h where h.id in ${idList(opts.hostIds ?? [])}
          and ${hostOperating} order by h.id`,
    );
  }
  const inHosts = idList(hosts.map((h) => h.id));
  const inOrgs = idList(orgIds);
  // In force on any date (coverages, relationships), or on a date of complete figures (the rest).
  const f = (alias: string) => inForceAny(dates, allIdx, `${alias}.start_on`, `${alias}.end_on`);
  const g = (alias: string) => inForceAny(dates, fullIdx, `${alias}.start_on`, `${alias}.end_on`);
  // Coverages of the hosts, and of the subtree's organizations wherever their hosts lie (caps).
  const coverages = await records<CoverageRec>(
    db,
    FIELDS.coverages,
    sql`select ${columns("coverages", "c")} from coverages c
        where c.id in (select c.id from coverages c where c.host_id in ${inHosts} and ${f("c")}
                       union select c.id from coverages c where c.org_id in ${inOrgs} and ${f("c")})
        order by c.id`,
  );
  // Organizations: the subtree, and the organizations covering the hosts (their mode counts).
  const orgSet = new Set(orgIds);
  for (const c of coverages) orgSet.add(c.orgId);
  const orgs = await records<OrgRec>(
    db,
    FIELDS.orgs,
    sql`select ${columns("orgs")} from orgs where id in ${idList(orgSet)} order by id`,
  );
  // Instructors assigned to the hosts, or kept by the subtree: all their assignments (caps).
  const instructorIds = await selectColumnPrepared<number>(
    db,
    sql`select a.instructor_id from assignments a where a.host_id in ${inHosts} and ${g("a")}
        union select id from instructors where registered_by_id in ${inOrgs} or dispatch_org_id in ${inOrgs}`,
  );
  const inInstructors = idList(instructorIds);
  const instructors = await records<InstructorRec>(
    db,
    FIELDS.instructors,
    sql`select ${columns("instructors")} from instructors where id in ${inInstructors} order by id`,
  );
  const assignments = await records<AssignmentRec>(
    db,
    FIELDS.assignments,
    sql`select ${columns("assignments", "a")} from assignments a
        where a.instructor_id in ${inInstructors} and ${g("a")} order by a.id`,
  );
  // Members working at the hosts or held by the subtree, with all their rows in force (the latest wins).
  const memberIds = await selectColumnPrepared<number>(
    db,
    sql`select w.member_id from member_workplaces w where w.host_id in ${inHosts} and ${g("w")}
        union select r.member_id from member_relationships r where r.org_id in ${inOrgs} and ${f("r")}`,
  );
  const inMembers = idList(memberIds);
  return {
    regions,
    orgs,
    reparentings,
    dualLinks: await records<DualLinkRec>(
      db,
      FIELDS.dualLinks,
      sql`select ${columns("dualLinks")} from dual_links
          where org_id in ${inOrgs} or regional_org_id in ${inOrgs} order by id`,
    ),
    hosts,
    hostYears: await figures(sql` and host_id in ${inHosts}`),
    coverages,
    members: await records<MemberRec>(
      db,
      FIELDS.members,
      sql`select ${columns("members")} from members where id in ${inMembers} and joined_on <= ${maxD} order by id`,
    ),
    relationships: await records<MemberRelationshipRec>(
      db,
      FIELDS.relationships,
      sql`select ${columns("relationships", "r")} from member_relationships r
          where r.member_id in ${inMembers} and ${f("r")} order by r.id`,
    ),
    workplaces: await records<MemberWorkplaceRec>(
      db,
      FIELDS.workplaces,
      sql`select ${columns("workplaces", "w")} from member_workplaces w
          where w.member_id in ${inMembers} and ${g("w")} order by w.id`,
    ),
    statusEvents: await records<MemberStatusEventRec>(
      db,
      FIELDS.statusEvents,
      sql`select ${columns("statusEvents")} from member_status_events
          where member_id in ${inMembers} and effective_on <= ${maxD} order by id`,
    ),
    instructors,
    assignments,
  };
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Stored parameters over the defaults, nested groups merged key by key (a version may omit new keys). */
export function withDefaults(stored: unknown): Policy {
  if (!isObject(stored)) return structuredClone(DEFAULT_POLICY);
  const merged: Json = structuredClone(DEFAULT_POLICY) as unknown as Json;
  for (const [k, v] of Object.entries(stored)) {
    if (!(k in merged)) continue;
    const base = merged[k];
    merged[k] = isObject(base) && isObject(v) ? { ...base, ...v } : v;
  }
  return merged as unknown as Policy;
}

/** Every policy version, oldest first. */
export async function loadPolicyVersions(db: Db): Promise<PolicyVersion[]> {
  const rows = await selectAll<{ effectiveOn: string; params: string }>(
    db,
    sql`select effective_on as effectiveOn, params from policies order by effective_on`,
  );
  return rows.map((r) => ({ effectiveOn: r.effectiveOn, params: withDefaults(JSON.parse(r.params)) }));
}
