/**
 * Instructors (党建工作指导员) as the caller sees them: editable when registered or dispatched by an
 * organization of the subtree; reference-visible when assigned today to a host the caller sees.
 */
import type { InstructorSort } from "@liangxin/domain";
import { sql, type SQL } from "drizzle-orm";
import type { Cx } from "../cx.ts";
import { iterateRows, selectAll, selectOne } from "../driver/query.ts";
import { hostOperating, likeParam, limitOffset, rowMaker, type Page, type PageInput } from "./common.ts";
import { scopeSql, orgSubtreeRange, nodeWithin, type ScopeSql } from "../scope/index.ts";

export interface InstructorListFilter extends PageInput {
  /** Name or number (substring). */
  q?: string;
  kind?: string;
  /** Registered or dispatched by an organization in the subtree of this management node. */
  nodeId?: number;
  /** Instructors with (active) or without (idle) an assignment in force today. */
  activity?: "active" | "idle";
  sort?: InstructorSort;
}

const INSTRUCTOR_ORDER: Record<InstructorSort, string> = {
  number: "i.number",
  name: "i.name, i.number",
  "-activeHosts": "activeHosts desc, i.number",
};

export interface InstructorListRow {
  id: number;
  number: string;
  name: string;
  kind: string;
  dispatchName: string | null;
  registeredByName: string;
  activeHosts: number;
  access: "edit" | "reference";
}

/** Registered or dispatched by an organization of the subtree. */
const owned = (
  s: ScopeSql,
) => sql`(exists(select 1 from orgs o where o.id = i.registered_by_id and ${s.within.subtree("o")})
  or exists(select 1 from orgs o where o.id = i.dispatch_org_id and ${s.within.subtree("o")}))`;
/** Assigned today to a host of the territory or covered by the subtree. */
const assignedVisible = (
  s: ScopeSql,
) => sql`exists(select 1 from assignments a join hosts h on h.id = a.host_id
  join regions r on r.id = h.region_id where a.instructor_id = i.id and ${s.inForce("a")} and (${s.within.territory("r")}
  or exists(select 1 from coverages c join orgs o on o.id = c.org_id
            where c.host_id = h.id and ${s.within.subtree("o")} and ${s.inForce("c")})))`;

/** Assigned today to an operating host of the territory: counted in the home page's 党建工作指导员. */
const servingTerritory = (
  s: ScopeSql,
) => sql`exists(select 1 from assignments a join hosts h on h.id = a.host_id
  join regions r on r.id = h.region_id where a.instructor_id = i.id and ${s.inForce("a")}
  and ${s.within.territory("r")} and ${hostOperating(s.today, "h")})`;

/** A page of the instructors list, and how many of all its rows the home page counts. */
export interface InstructorPage extends Page<InstructorListRow> {
  servingTerritory: number;
}

/** The list's filters without its page: what the list page and its download share. */
export type InstructorRowsFilter = Omit<InstructorListFilter, "page" | "pageSize">;

/** The list's row of an instructor (alias `i`): the select list and its joins. */
const instructorRowSql = (s: ScopeSql): SQL => sql`
  select i.id, i.number, i.name, i.kind, coalesce(d.name, i.dispatch_org_name) as dispatchName,
    g.name as registeredByName,
    (select count(*) from assignments a where a.instructor_id = i.id and ${s.inForce("a")}) as activeHosts,
    case when ${owned(s)} then 'edit' else 'reference' end as access
  from instructors i left join orgs d on d.id = i.dispatch_org_id join orgs g on g.id = i.registered_by_id`;

/** The columns of `instructorRowSql`, in its order (the streamed rows come as arrays). */
const INSTRUCTOR_ROW_KEYS = [
  "id",
  "number",
  "name",
  "kind",
  "dispatchName",
  "registeredByName",
  "activeHosts",
  "access",
] as const satisfies readonly (keyof InstructorListRow)[];

/** The list's scoped condition and order: the list page and its download read the same rows in the same order. */
async function instructorQuery(cx: Cx, filter: InstructorRowsFilter) {
  const { db, scope, today } = cx;
  const s = scopeSql(scope, today);
  const where: SQL[] = [sql`(${owned(s)} or ${assignedVisible(s)})`];
  if (filter.q?.trim()) {
    const q = likeParam(filter.q.trim());
    where.push(sql`(i.name like ${q} escape '\\' or i.number like ${q} escape '\\')`);
  }
  if (filter.kind) where.push(sql`i.kind = ${filter.kind}`);
  if (filter.nodeId !== undefined)
    where.push(sql`exists(select 1 from orgs o where o.id in (i.registered_by_id, i.dispatch_org_id)
      and ${nodeWithin("o", await orgSubtreeRange(db, filter.nodeId))})`);
  if (filter.activity) {
    const active = sql`exists(select 1 from assignments a where a.instructor_id = i.id and ${s.inForce("a")})`;
    where.push(filter.activity === "active" ? active : sql`not ${active}`);
  }
  return {
    s,
    cond: sql.join(where, sql` and `),
    order: sql.raw(INSTRUCTOR_ORDER[filter.sort ?? "number"]),
  };
}

export async function listInstructors(cx: Cx, filter: InstructorListFilter): Promise<InstructorPage | null> {
  const { db, scope } = cx;
  if (!scope.org) return null;
  const { s, cond, order } = await instructorQuery(cx, filter);
  const { limit, offset } = limitOffset(filter);
  const counts = (await selectOne<{ total: number; servingTerritory: number }>(
    db,
    sql`select count(*) as total, coalesce(sum(case when ${servingTerritory(s)} then 1 else 0 end), 0) as servingTerritory
       from instructors i where ${cond}`,
  ))!;
  const rows = await selectAll<InstructorListRow>(
    db,
    sql`${instructorRowSql(s)} where ${cond} order by ${order} limit ${limit} offset ${offset}`,
  );
  return { rows, ...counts, page: Math.floor(offset / limit) + 1, pageSize: limit };
}

/**
 * Every row of the instructors list (all its pages, in its order), a batch at a time: the list's one
 * scoped statement read as it runs (`iterateRows`). Run it inside a read transaction (a port's read).
 */
export async function instructorRows(
  cx: Cx,
  filter: InstructorRowsFilter,
  batch = 1000,
): Promise<AsyncIterable<InstructorListRow[]> | null> {
  const { db, scope } = cx;
  if (!scope.org) return null;
  const { s, cond, order } = await instructorQuery(cx, filter);
  const make = rowMaker<InstructorListRow>(INSTRUCTOR_ROW_KEYS);
  const select = sql`${instructorRowSql(s)} where ${cond} order by ${order}`;
  return (async function* () {
    for await (const raw of iterateRows<unknown[]>(db, select, batch)) yield raw.map(make);
  })();
}

export interface InstructorDetail extends InstructorListRow {
  /** Only for an instructor the caller keeps (edit). */
  phone: string | null;
  /** For the edit form (optimistic concurrency); the dispatching organization of the tree or the organ outside it. */
  version: number;
  dispatchOrgId: number | null;
  dispatchOrgName: string | null;
  /** Assignments in force to hosts the caller sees; others are only counted. */
  hosts: { id: number; assignmentId: number; name: string; regionName: string; startOn: string }[];
  otherHosts: number;
}

export async function getInstructor(cx: Cx, input: { id: number }): Promise<InstructorDetail | null> {
  const { db, scope, today } = cx;
  const instructorId = input.id;
  if (!scope.org) return null;
  const s = scopeSql(scope, today);
  const row = await selectOne<
    InstructorListRow & Pick<InstructorDetail, "phone" | "version" | "dispatchOrgId" | "dispatchOrgName">
  >(
    db,
    sql`select i.id, i.number, i.name, i.kind, coalesce(d.name, i.dispatch_org_name) as dispatchName,
         g.name as registeredByName, i.phone, i.version, i.dispatch_org_id as dispatchOrgId,
         i.dispatch_org_name as dispatchOrgName,
         (select count(*) from assignments a where a.instructor_id = i.id and ${s.inForce("a")}) as activeHosts,
         case when ${owned(s)} then 'edit' else 'reference' end as access
       from instructors i left join orgs d on d.id = i.dispatch_org_id join orgs g on g.id = i.registered_by_id
       where i.id = ${instructorId} and (${owned(s)} or ${assignedVisible(s)})`,
  );
  if (!row) return null;
  const hosts = await selectAll<InstructorDetail["hosts"][number]>(
    db,
    sql`select h.id, a.id as assignmentId, h.name, r.name as regionName, a.start_on as startOn
       from assignments a join hosts h on h.id = a.host_id join regions r on r.id = h.region_id
       where a.instructor_id = ${instructorId} and ${s.inForce("a")} and (${s.within.territory("r")}
         or exists(select 1 from coverages c join orgs o on o.id = c.org_id
                   where c.host_id = h.id and ${s.within.subtree("o")} and ${s.inForce("c")}))
       order by h.name`,
  );
  return {
    ...row,
    phone: row.access === "edit" ? row.phone : null,
    dispatchOrgId: row.access === "edit" ? row.dispatchOrgId : null,
    hosts,
    otherHosts: row.activeHosts - hosts.length,
  };
}
