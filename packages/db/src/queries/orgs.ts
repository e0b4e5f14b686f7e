/**
 * Organizations as the caller sees them: editable in the subordination subtree; reference-visible (name,
 * mode, secretary, dual-management header) when covering a host of the territory or linked by dual
 * management to an organization of the subtree.
 */
import { GRASSROOTS_CATEGORIES, type OrgSort } from "@liangxin/domain";
import { desc, eq, sql, type SQL } from "drizzle-orm";
import { orgSubtreeRange, subtreeRange, nodeWithin, scopeSql, orgAccess } from "../scope/index.ts";
import { writeAudit } from "../audit.ts";
import { idList } from "../dialect/sqlite.ts";
import type { Cx } from "../cx.ts";
import type { Db } from "../driver/client.ts";
import { iterateRows, selectAll, selectOne, writeTransaction } from "../driver/query.ts";
import { elections, meetings, orgs } from "../schema.ts";
import { secretaryName } from "./hosts.ts";
import {
  inForce,
  likeParam,
  limitOffset,
  orgInForce,
  rowMaker,
  type Page,
  type PageInput,
} from "./common.ts";

export interface OrgListFilter extends PageInput {
  /** Name or 组织代码 (substring). */
  q?: string;
  category?: string;
  formationMode?: string;
  /** Only the subtree of this management node (an area of the caller's subtree). */
  nodeId?: number;
  sort?: OrgSort;
}

/** A page of the organizations list, and how many of all its rows are grassroots (the home page's 党组织合计). */
export interface OrgPage extends Page<OrgListRow> {
  /** The others are management nodes (组织部门, 党(工)委 of a township or an industry), not counted. */
  grassroots: number;
}

export interface OrgListRow {
  id: number;
  code: string;
  name: string;
  category: string;
  formationMode: string | null;
  parentName: string | null;
  members: number;
  coveredHosts: number;
  secretaryName: string | null;
}

/** The list's row of an organization (alias `o`) on `today`. */
const orgRowSql = (today: string): SQL => sql`
  select o.id, o.code, o.name, o.category, o.formation_mode as formationMode, p.name as parentName,
    (select count(*) from members m where m.org_id = o.id and m.status = 'normal') as members,
    (select count(*) from coverages c where c.org_id = o.id and ${inForce(today, "c")}) as coveredHosts,
    (select mm.name from secretaries s join members mm on mm.id = s.member_id
       where s.org_id = o.id and ${inForce(today, "s")} order by s.start_on desc limit 1) as secretaryName
  from orgs o left join orgs p on p.id = o.parent_id`;

const ORG_ORDER: Record<OrgSort, string> = {
  tree: "o.depth, o.code",
  code: "o.code",
  name: "o.name, o.code",
  "-members": "members desc, o.code",
  "-hosts": "coveredHosts desc, o.code",
};

/** The grassroots categories as an SQL list (a code constant). */
const GRASSROOTS_SQL = sql.raw(`(${GRASSROOTS_CATEGORIES.map((c) => `'${c}'`).join(",")})`);

export interface AreaOption {
  id: number;
  name: string;
  category: string;
}

/**
 * The management nodes of the caller's subtree in force today (itself, counties, townships, 行业党委):
 * the "area" filter of the ledger's lists.
 */
export async function areaOptions(cx: Cx): Promise<AreaOption[]> {
  const { db, scope, today } = cx;
  if (!scope.org) return [];
  const { within } = scopeSql(scope, today);
  return selectAll<AreaOption>(
    db,
    sql`select o.id, o.name, o.category from orgs o
        where ${within.subtree("o")} and ${orgInForce(today, "o")}
          and o.category in ('cityCommittee','countyCommittee','townshipCommittee','parkCommittee','industryCommittee')
        order by o.depth, o.code`,
  );
}

export interface OrgLookup {
  id: number;
  code: string;
  name: string;
  category: string;
}

/**
 * A grassroots organization in force anywhere in the city, by its exact 组织代码: the receiving side of a
 * relationship transfer, named on the transfer letter. Nothing but code, name and category. Each answer is
 * audited (`org.lookup`) under the caller's node, like `host.lookup`; a code of no such organization
 * answers null.
 */
export async function lookupGrassrootsOrg(cx: Cx, input: { code: string }): Promise<OrgLookup | null> {
  const { db, scope, today } = cx;
  const { code } = input;
  if (!scope.org) return null;
  const row = await selectOne<OrgLookup>(
    db,
    sql`select o.id, o.code, o.name, o.category from orgs o
        where o.code = ${code.trim()} and o.category in ('committee','generalBranch','branch','jointBranch')
          and ${orgInForce(today, "o")}`,
  );
  if (!row) return null;
  await writeTransaction(db, async (tx) => {
    await writeAudit(tx, {
      userId: scope.userId,
      username: scope.username,
      action: "org.lookup",
      entity: "org",
      entityId: row.id,
      scopeOrgId: scope.org?.id ?? null,
      before: null,
      after: { code: row.code },
    });
  });
  return row;
}

/** The list's filters without its page: what the list page and its download share. */
export type OrgRowsFilter = Omit<OrgListFilter, "page" | "pageSize">;

/** The list's scoped condition and order: the list page and its download read the same rows in the same order. */
async function orgQuery(cx: Cx, filter: OrgRowsFilter) {
  const { db, scope, today } = cx;
  const { within } = scopeSql(scope, today);
  const where: SQL[] = [within.subtree("o"), orgInForce(today, "o")];
  if (filter.q?.trim()) {
    const q = likeParam(filter.q.trim());
    where.push(sql`(o.name like ${q} escape '\\' or o.code like ${q} escape '\\')`);
  }
  if (filter.category) where.push(sql`o.category = ${filter.category}`);
  if (filter.formationMode) where.push(sql`o.formation_mode = ${filter.formationMode}`);
  if (filter.nodeId !== undefined) where.push(nodeWithin("o", await orgSubtreeRange(db, filter.nodeId)));
  return { cond: sql.join(where, sql` and `), order: sql.raw(ORG_ORDER[filter.sort ?? "tree"]) };
}

/** Organizations of the caller's subtree in force today (editable), filtered and paginated. */
export async function listOrgs(cx: Cx, filter: OrgListFilter): Promise<OrgPage | null> {
  const { db, scope, today } = cx;
  if (!scope.org) return null;
  const { cond, order } = await orgQuery(cx, filter);
  const { limit, offset } = limitOffset(filter);
  const counts = (await selectOne<{ total: number; grassroots: number }>(
    db,
    sql`select count(*) as total, coalesce(sum(case when o.category in ${GRASSROOTS_SQL} then 1 else 0 end), 0) as grassroots
        from orgs o where ${cond}`,
  ))!;
  const rows = await selectAll<OrgListRow>(
    db,
    sql`${orgRowSql(today)} where ${cond} order by ${order} limit ${limit} offset ${offset}`,
  );
  return { rows, ...counts, page: Math.floor(offset / limit) + 1, pageSize: limit };
}

/** The columns of `orgRowSql`, in its order (the streamed rows come as arrays). */
const ORG_ROW_KEYS = [
  "id",
  "code",
  "name",
  "category",
  "formationMode",
  "parentName",
  "members",
  "coveredHosts",
  "secretaryName",
] as const satisfies readonly (keyof OrgListRow)[];

/**
 * Every row of the organizations list (all its pages, in its order), a batch at a time: the list's one
 * scoped statement read as it runs (`iterateRows`). Run it inside a read transaction (a port's read).
 */
export async function orgRows(
  cx: Cx,
  filter: OrgRowsFilter,
  batch = 1000,
): Promise<AsyncIterable<OrgListRow[]> | null> {
  const { db, scope, today } = cx;
  if (!scope.org) return null;
  const { cond, order } = await orgQuery(cx, filter);
  const make = rowMaker<OrgListRow>(ORG_ROW_KEYS);
  const select = sql`${orgRowSql(today)} where ${cond} order by ${order}`;
  return (async function* () {
    for await (const raw of iterateRows<unknown[]>(db, select, batch)) yield raw.map(make);
  })();
}

export interface OrgReferenceRow {
  id: number;
  name: string;
  category: string;
  formationMode: string | null;
  secretaryName: string | null;
  /** Why it is visible: it covers hosts of the territory, or it is linked by dual management. */
  reason: "covers" | "dual";
}

/** Organizations outside the subtree the caller sees for reference. */
export async function referenceOrgs(cx: Cx): Promise<OrgReferenceRow[]> {
  const { db, scope, today } = cx;
  if (!scope.org) return [];
  const { within } = scopeSql(scope, today);
  const coversTerritory = sql`exists(select 1 from coverages c join hosts h on h.id = c.host_id
      join regions r on r.id = h.region_id
    where c.org_id = o.id and ${within.territory("r")} and ${inForce(today, "c")})`;
  const rows = await selectAll<Omit<OrgReferenceRow, "secretaryName">>(
    db,
    sql`select o.id, o.name, o.category, o.formation_mode as formationMode,
          case when ${coversTerritory} then 'covers' else 'dual' end as reason
        from orgs o
        where not (${within.subtree("o")}) and (
          ${coversTerritory}
          or exists(select 1 from dual_links d join orgs a on a.id = d.org_id join orgs b on b.id = d.regional_org_id
                 where ${inForce(today, "d")} and ((d.org_id = o.id and ${within.subtree("b")})
                    or (d.regional_org_id = o.id and ${within.subtree("a")}))))
        order by o.code`,
  );
  const out: OrgReferenceRow[] = [];
  for (const r of rows) out.push({ ...r, secretaryName: await secretaryName(db, r.id, today) });
  return out;
}

export interface DualLinkHeader {
  /** The link's id (to end it). */
  id: number;
  orgId: number;
  orgName: string;
  regionalOrgId: number;
  regionalOrgName: string;
  startOn: string;
}

interface OrgHeader {
  id: number;
  name: string;
  category: string;
  formationMode: string | null;
  secretaryName: string | null;
  dualLinks: DualLinkHeader[];
}

export interface OrgReference extends OrgHeader {
  access: "reference";
}

export interface OrgFull extends OrgHeader {
  access: "edit";
  code: string;
  parentId: number | null;
  parentName: string | null;
  foundedOn: string;
  revokedOn: string | null;
  lastElectionOn: string | null;
  /** Whether it has 党小组: a 党小组会 is expected only then. */
  hasPartyGroups: boolean;
  version: number;
  members: { total: number; full: number; probationary: number };
  /** The secretary's term in force today (to end it), or null. */
  secretaryTerm: { id: number; name: string; startOn: string } | null;
  children: { id: number; name: string; category: string }[];
  coveredHosts: { id: number; name: string; creditCode: string; regionName: string; startOn: string }[];
  meetings: { id: number; kind: string; heldOn: string; topic: string | null; attendees: number | null }[];
  elections: { id: number; heldOn: string; termYears: number; note: string | null }[];
  /** The superiors within the caller's subtree, top first (the caller's node … the direct superior). */
  ancestors: { id: number; name: string }[];
  /** The organizations below it in force today (at most 500), for the tree. */
  subtree: { id: number; parentId: number; name: string; category: string }[];
  /** 隶属变更 history, latest first. */
  reparentings: {
    id: number;
    effectiveOn: string;
    fromName: string | null;
    toName: string;
    docNo: string | null;
    reason: string | null;
  }[];
}

export type OrgDetail = OrgReference | OrgFull;

async function dualLinksOf(db: Db, orgId: number, today: string): Promise<DualLinkHeader[]> {
  return selectAll<DualLinkHeader>(
    db,
    sql`select d.id, d.org_id as orgId, a.name as orgName, d.regional_org_id as regionalOrgId,
          b.name as regionalOrgName, d.start_on as startOn
        from dual_links d join orgs a on a.id = d.org_id join orgs b on b.id = d.regional_org_id
        where (d.org_id = ${orgId} or d.regional_org_id = ${orgId}) and ${inForce(today, "d")}
        order by d.start_on`,
  );
}

/** One organization as the caller may see it, or null when it does not exist for them. */
export async function getOrg(cx: Cx, input: { id: number }): Promise<OrgDetail | null> {
  const { db, scope, today } = cx;
  const orgId = input.id;
  const access = await orgAccess(db, scope, orgId, today);
  if (!access) return null;
  const o = await selectOne<
    Omit<
      OrgFull,
      | "access"
      | "secretaryName"
      | "dualLinks"
      | "members"
      | "secretaryTerm"
      | "children"
      | "coveredHosts"
      | "meetings"
      | "elections"
      | "hasPartyGroups"
    > & { hasPartyGroups: number }
  >(
    db,
    sql`select o.id, o.code, o.name, o.category, o.formation_mode as formationMode, o.parent_id as parentId,
          p.name as parentName, o.founded_on as foundedOn, o.revoked_on as revokedOn,
          o.last_election_on as lastElectionOn, o.has_party_groups as hasPartyGroups, o.version
        from orgs o left join orgs p on p.id = o.parent_id where o.id = ${orgId}`,
  );
  if (!o) return null;
  const header: OrgHeader = {
    id: o.id,
    name: o.name,
    category: o.category,
    formationMode: o.formationMode,
    secretaryName: await secretaryName(db, o.id, today),
    dualLinks: await dualLinksOf(db, o.id, today),
  };
  if (access === "reference") return { ...header, access };
  const members = (await selectOne<{ total: number; full: number }>(
    db,
    sql`select count(*) as total, coalesce(sum(case when full_on is not null and full_on <= ${today} then 1 else 0 end), 0) as full
        from members where org_id = ${orgId} and status = 'normal' and joined_on <= ${today}`,
  ))!;
  const secretaryTerm =
    (await selectOne<NonNullable<OrgFull["secretaryTerm"]>>(
      db,
      sql`select s.id, m.name, s.start_on as startOn from secretaries s join members m on m.id = s.member_id
          where s.org_id = ${orgId} and ${inForce(today, "s")} order by s.start_on desc limit 1`,
    )) ?? null;
  const children = await selectAll<OrgFull["children"][number]>(
    db,
    sql`select o.id, o.name, o.category from orgs o
        where o.parent_id = ${orgId} and ${orgInForce(today, "o")} order by o.code`,
  );
  const coveredHosts = await selectAll<OrgFull["coveredHosts"][number]>(
    db,
    sql`select h.id, h.name, h.credit_code as creditCode, r.name as regionName, c.start_on as startOn
        from coverages c join hosts h on h.id = c.host_id join regions r on r.id = h.region_id
        where c.org_id = ${orgId} and ${inForce(today, "c")} order by h.name`,
  );
  const meetingRows: OrgFull["meetings"] = await db
    .select({
      id: meetings.id,
      kind: meetings.kind,
      heldOn: meetings.heldOn,
      topic: meetings.topic,
      attendees: meetings.attendees,
    })
    .from(meetings)
    .where(eq(meetings.orgId, orgId))
    .orderBy(desc(meetings.heldOn))
    .limit(50);
  const electionRows = await electionsOf(db, orgId);
  const path = (await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, orgId)).limit(1))[0]!.path;
  const ancestorIds = path.split("/").filter(Boolean).map(Number).slice(0, -1);
  const { within } = scopeSql(scope, today);
  const ancestors = ancestorIds.length
    ? await selectAll<OrgFull["ancestors"][number]>(
        db,
        sql`select o.id, o.name from orgs o where o.id in ${idList(ancestorIds)}
              and ${within.subtree("o")} order by o.depth`,
      )
    : [];
  const subtree = await selectAll<OrgFull["subtree"][number]>(
    db,
    sql`select o.id, o.parent_id as parentId, o.name, o.category from orgs o
        where ${nodeWithin("o", subtreeRange(path))} and o.id <> ${orgId} and ${orgInForce(today, "o")}
        order by o.depth, o.code limit 500`,
  );
  const reparentings = await selectAll<OrgFull["reparentings"][number]>(
    db,
    sql`select r.id, r.effective_on as effectiveOn, f.name as fromName, t.name as toName, r.doc_no as docNo, r.reason
        from org_reparentings r left join orgs f on f.id = r.from_parent_id join orgs t on t.id = r.to_parent_id
        where r.org_id = ${orgId} order by r.effective_on desc, r.id desc`,
  );
  return {
    ...header,
    ...o,
    hasPartyGroups: o.hasPartyGroups === 1,
    access,
    ancestors,
    subtree,
    reparentings,
    members: { total: members.total, full: members.full, probationary: members.total - members.full },
    secretaryTerm,
    children,
    coveredHosts,
    meetings: meetingRows,
    elections: electionRows,
  };
}

/**
 * An organization's 换届 records, newest first, for its page (the caller has checked the organization is in
 * scope, so this stays private to the module).
 */
async function electionsOf(db: Db, orgId: number): Promise<OrgFull["elections"]> {
  return db
    .select({
      id: elections.id,
      heldOn: elections.heldOn,
      termYears: elections.termYears,
      note: elections.note,
    })
    .from(elections)
    .where(eq(elections.orgId, orgId))
    .orderBy(desc(elections.heldOn));
}
