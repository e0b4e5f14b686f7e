/**
 * Host units as the caller sees them: editable in the territory, reference-visible when covered by an
 * organization of the subtree (name, code, township, business figures only), the owner's own host.
 */
import type { HostFacts, HostSort } from "@liangxin/domain";
import { asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { writeAudit } from "../audit.ts";
import { idList } from "../dialect/sqlite.ts";
import {
  regionSubtreeRange,
  nodeWithin,
  scopeSql,
  hostAccess,
  type HostAccess,
  type ScopeSql,
} from "../scope/index.ts";
import type { Cx } from "../cx.ts";
import type { Db } from "../driver/client.ts";
import {
  iterateRows,
  selectAll,
  selectOne,
  selectRows,
  selectValue,
  writeTransaction,
} from "../driver/query.ts";
import { hostYears, orgs } from "../schema.ts";
import {
  factsToday,
  hostFactsOf,
  hostOperating,
  inForce,
  likeParam,
  limitOffset,
  rowMaker,
  type Page,
  type PageInput,
} from "./common.ts";

export interface HostListFilter extends PageInput {
  /** Name or credit code, part of it. */
  q?: string;
  /** A region of the caller's territory (its subtree). */
  regionId?: number;
  kind?: "enterprise" | "socialOrg";
  coverage?: "covered" | "uncovered";
  /** Only hosts that should establish an organization and have none (应建未建). */
  shouldEstablish?: boolean;
  /** Only hosts above designated size (规上), as of today by the policy in force. */
  aboveScale?: boolean;
  /** Only hosts where members (status 正常) work today (有党员). */
  withMembers?: boolean;
  /** Only hosts of this GB/T 4754 section (门类 letter). */
  industry?: string;
  sort?: HostSort;
}

const HOST_ORDER: Record<HostSort, string> = {
  region: "r.code, h.name, h.id",
  name: "h.name, h.id",
  foundedOn: "h.founded_on, h.name, h.id",
  "-foundedOn": "h.founded_on desc, h.name, h.id",
};

export interface HostListRow {
  id: number;
  name: string;
  creditCode: string;
  kind: "enterprise" | "socialOrg";
  regionName: string;
  industry: string | null;
  foundedOn: string;
  access: "edit" | "reference";
  coveringOrgName: string | null;
  coveringOrgId: number | null;
}

/** A page of the hosts list, and how many of all its rows lie in the territory (the home page's 两新组织数). */
export interface HostPage extends Page<HostListRow> {
  /** Rows in the caller's territory; the others are outside it, covered by the subtree (reference only). */
  inTerritory: number;
}

export interface RegionOption {
  id: number;
  name: string;
  level: string;
}

/** The list's row of a host (alias `h`, its region `r`), as the caller sees it on `s.today`: the select list. */
const hostRowSql = (s: ScopeSql): SQL => sql`
  select h.id, h.name, h.credit_code as creditCode, h.kind, r.name as regionName, h.industry,
    h.founded_on as foundedOn,
    case when ${s.within.territory("r")} then 'edit' else 'reference' end as access,
    (select o.name from coverages c join orgs o on o.id = c.org_id
       where c.host_id = h.id and ${s.inForce("c")} order by c.start_on desc limit 1) as coveringOrgName,
    (select c.org_id from coverages c
       where c.host_id = h.id and ${s.inForce("c")} order by c.start_on desc limit 1) as coveringOrgId`;

/** The list's filters without its page: what the list page and its download share. */
export type HostRowsFilter = Omit<HostListFilter, "page" | "pageSize">;

/**
 * The list's one scoped statement (the caller's operating hosts, its filters but those on today's facts)
 * and the test of those: the list page and its download read the same rows in the same order.
 */
async function hostQuery(cx: Cx, filter: HostRowsFilter) {
  const { db, scope, today } = cx;
  const s = scopeSql(scope, today);
  const where: SQL[] = [s.sets.hosts.visible("h"), hostOperating(today, "h")];
  if (filter.q?.trim()) {
    const q = likeParam(filter.q.trim());
    where.push(sql`(h.name like ${q} escape '\\' or h.credit_code like ${q} escape '\\')`);
  }
  if (filter.regionId !== undefined)
    where.push(nodeWithin("r", await regionSubtreeRange(db, filter.regionId)));
  if (filter.kind) where.push(sql`h.kind = ${filter.kind}`);
  if (filter.industry) where.push(sql`h.industry = ${filter.industry}`);
  const covered = sql`exists(select 1 from coverages c where c.host_id = h.id and ${s.inForce("c")})`;
  if (filter.coverage === "covered") where.push(covered);
  if (filter.coverage === "uncovered") where.push(sql`not ${covered}`);
  const byFacts = Boolean(filter.shouldEstablish || filter.aboveScale || filter.withMembers);
  /** The filters on today's facts (as the indicators compute them). */
  const keep = (f: HostFacts | undefined) =>
    (!filter.shouldEstablish || f?.shouldEstablishNotEstablished === true) &&
    (!filter.aboveScale || f?.aboveScale === true) &&
    (!filter.withMembers || f?.withMembers === true);
  return {
    s,
    from: sql`from hosts h join regions r on r.id = h.region_id where ${sql.join(where, sql` and `)}`,
    order: sql.raw(HOST_ORDER[filter.sort ?? "region"]),
    byFacts,
    keep,
  };
}

/** Operating hosts the caller may see, filtered and paginated. An owner has no list: null. */
export async function listHosts(cx: Cx, filter: HostListFilter): Promise<HostPage | null> {
  const { db, scope, today } = cx;
  if (!scope.org) return null;
  const { s, from, order, byFacts, keep } = await hostQuery(cx, filter);
  const { limit, offset } = limitOffset(filter);
  const found = await selectRows<[number, 0 | 1]>(
    db,
    sql`select h.id, ${s.sets.hosts.editable("h")} as t ${from} order by ${order}`,
  );
  const territory = new Set(found.filter(([, t]) => t === 1).map(([id]) => id));
  let ids = found.map(([id]) => id);
  // The filters on today's facts (as the indicators compute them), over the hosts the others left.
  if (byFacts) {
    const { facts } = await factsToday(db, today, ids);
    ids = ids.filter((id) => keep(facts.get(id)));
  }
  const pageIds = ids.slice(offset, offset + limit);
  const rows = pageIds.length
    ? await selectAll<HostListRow>(
        db,
        sql`${hostRowSql(s)} from hosts h join regions r on r.id = h.region_id where h.id in ${idList(pageIds)}`,
      )
    : [];
  const position = new Map(pageIds.map((id, i) => [id, i]));
  rows.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
  return {
    rows,
    total: ids.length,
    page: Math.floor(offset / limit) + 1,
    pageSize: limit,
    inTerritory: ids.filter((id) => territory.has(id)).length,
  };
}

/** The columns of `hostRowSql`, in its order (the streamed rows come as arrays). */
const HOST_ROW_KEYS = [
  "id",
  "name",
  "creditCode",
  "kind",
  "regionName",
  "industry",
  "foundedOn",
  "access",
  "coveringOrgName",
  "coveringOrgId",
] as const satisfies readonly (keyof HostListRow)[];

/**
 * Every row of the hosts list (all its pages, in its order) as the caller sees it, a batch at a time: the
 * list's one scoped statement read as it runs (`iterateRows`), never the whole list in memory. The filters
 * on today's facts are applied batch by batch, each batch's facts from a snapshot restricted to its hosts
 * (as the ledger does). Run it inside a read transaction (a port's read). An owner has no list: null.
 */
export async function hostRows(
  cx: Cx,
  filter: HostRowsFilter,
  batch = 1000,
): Promise<AsyncIterable<HostListRow[]> | null> {
  const { db, scope, today } = cx;
  if (!scope.org) return null;
  const { s, from, order, byFacts, keep } = await hostQuery(cx, filter);
  const facts = byFacts ? await hostFactsOf(db, today) : null;
  const select = sql`${hostRowSql(s)} ${from} order by ${order}`;
  const make = rowMaker<HostListRow>(HOST_ROW_KEYS);
  return (async function* () {
    for await (const raw of iterateRows<unknown[]>(db, select, batch)) {
      const rows = raw.map(make);
      if (!facts) {
        yield rows;
        continue;
      }
      const f = await facts(rows.map((r) => r.id));
      yield rows.filter((r) => keep(f.get(r.id)));
    }
  })();
}

/** Regions of the caller's territory (for the list's filter): the caller's region and below. */
export async function regionOptions(cx: Cx): Promise<RegionOption[]> {
  const { db, scope } = cx;
  if (!scope.region) return [];
  const { within } = scopeSql(scope, "");
  return selectAll<RegionOption>(
    db,
    sql`select r.id, r.name, r.level from regions r where ${within.territory("r")} order by r.depth, r.code`,
  );
}

export interface HostYearFigures {
  year: number;
  employees: number;
  /** 营业收入 in 分 (shown in 万元). */
  revenueFen: number | null;
}

export interface CoveringOrg {
  id: number;
  name: string;
  formationMode: string | null;
  secretaryName: string | null;
  startOn: string;
  /** Whether the caller may open the organization (edit or reference). */
  linkable: boolean;
}

interface HostBase {
  id: number;
  name: string;
  creditCode: string;
  kind: "enterprise" | "socialOrg";
  regionName: string;
  figures: HostYearFigures[];
}

/** Reference view: name, code, township and business figures only. */
export interface HostReference extends HostBase {
  access: "reference";
}

export interface HostFull extends HostBase {
  access: "edit" | "own";
  regionId: number;
  industry: string | null;
  foundedOn: string;
  closedOn: string | null;
  ownerName: string | null;
  ownerIsMember: boolean;
  contactPhone: string | null;
  address: string | null;
  unionOn: string | null;
  youthLeagueOn: string | null;
  womenOn: string | null;
  version: number;
  covering: CoveringOrg | null;
  instructors: { id: number; name: string; number: string; kind: string }[];
  /** Members (status 正常) working there today, wherever their relationship is held. */
  membersWorking: { total: number; full: number; probationary: number };
  aboveScale: boolean | null;
  shouldEstablishNotEstablished: boolean | null;
}

export type HostDetail = HostReference | HostFull;

/** Secretary of an organization today (name only). */
export async function secretaryName(db: Db, orgId: number, today: string): Promise<string | null> {
  return (
    (await selectValue<string>(
      db,
      sql`select m.name from secretaries s join members m on m.id = s.member_id
          where s.org_id = ${orgId} and ${inForce(today, "s")} order by s.start_on desc limit 1`,
    )) ?? null
  );
}

/** One host as the caller may see it, or null when it does not exist for them. */
export async function getHost(cx: Cx, input: { id: number }): Promise<HostDetail | null> {
  const { db, scope, today } = cx;
  const hostId = input.id;
  const access: HostAccess | null = await hostAccess(db, scope, hostId, today);
  if (!access) return null;
  const row = await selectOne<{
    id: number;
    name: string;
    credit_code: string;
    kind: "enterprise" | "socialOrg";
    industry: string | null;
    region_id: number;
    regionName: string;
    founded_on: string;
    closed_on: string | null;
    owner_name: string | null;
    owner_is_member: number;
    contact_phone: string | null;
    address: string | null;
    union_on: string | null;
    youth_league_on: string | null;
    women_on: string | null;
    version: number;
  }>(
    db,
    sql`select h.*, r.name as regionName from hosts h join regions r on r.id = h.region_id where h.id = ${hostId}`,
  );
  if (!row) return null;
  const figures: HostYearFigures[] = await db
    .select({ year: hostYears.year, employees: hostYears.employees, revenueFen: hostYears.revenueFen })
    .from(hostYears)
    .where(eq(hostYears.hostId, hostId))
    .orderBy(desc(hostYears.year));
  const base: HostBase = {
    id: row.id,
    name: row.name,
    creditCode: row.credit_code,
    kind: row.kind,
    regionName: row.regionName,
    figures,
  };
  if (access === "reference") return { ...base, access };

  const cov = await selectOne<Omit<CoveringOrg, "secretaryName" | "linkable">>(
    db,
    sql`select o.id, o.name, o.formation_mode as formationMode, c.start_on as startOn from coverages c
        join orgs o on o.id = c.org_id where c.host_id = ${hostId} and ${inForce(today, "c")}
        order by c.start_on desc limit 1`,
  );
  const covering: CoveringOrg | null = cov
    ? {
        ...cov,
        secretaryName: await secretaryName(db, cov.id, today),
        // An owner never opens organization records; an administrator of the territory may (reference).
        linkable: access === "edit",
      }
    : null;
  const instructors = await selectAll<HostFull["instructors"][number]>(
    db,
    sql`select i.id, i.name, i.number, i.kind from assignments a join instructors i on i.id = a.instructor_id
        where a.host_id = ${hostId} and ${inForce(today, "a")} order by i.number`,
  );
  const working = (await selectOne<{ total: number; full: number }>(
    db,
    sql`select count(*) as total, coalesce(sum(case when m.full_on is not null and m.full_on <= ${today} then 1 else 0 end), 0) as full
        from member_workplaces w join members m on m.id = w.member_id
        where w.host_id = ${hostId} and ${inForce(today, "w")} and m.status = 'normal' and m.joined_on <= ${today}`,
  ))!;
  let aboveScale: boolean | null = null;
  let sene: boolean | null = null;
  const { facts } = await factsToday(db, today, [hostId]);
  const f = facts.get(hostId);
  if (f) {
    aboveScale = f.aboveScale;
    sene = f.shouldEstablishNotEstablished;
  }
  return {
    ...base,
    access,
    regionId: row.region_id,
    industry: row.industry,
    foundedOn: row.founded_on,
    closedOn: row.closed_on,
    ownerName: row.owner_name,
    ownerIsMember: row.owner_is_member === 1,
    contactPhone: row.contact_phone,
    address: row.address,
    unionOn: row.union_on,
    youthLeagueOn: row.youth_league_on,
    womenOn: row.women_on,
    version: row.version,
    covering,
    instructors,
    membersWorking: { total: working.total, full: working.full, probationary: working.total - working.full },
    aboveScale,
    shouldEstablishNotEstablished: sene,
  };
}

/** The management node whose territory is exactly this region (the township's committee), if any. */
export async function territoryNodeOf(db: Db, regionId: number): Promise<number | null> {
  const [row] = await db
    .select({ id: orgs.id })
    .from(orgs)
    .where(eq(orgs.regionId, regionId))
    .orderBy(asc(orgs.depth))
    .limit(1);
  return row?.id ?? null;
}

export interface HostLookup {
  id: number;
  name: string;
}

/**
 * An operating host anywhere in the city by its exact 统一社会信用代码: a member's workplace may be any host,
 * and whoever records the member (a branch secretary, say) sees the name to confirm — nothing else. Each
 * answer is audited (`host.lookup`) under the caller's node; a code of no operating host answers null.
 */
export async function lookupHostByCreditCode(
  cx: Cx,
  input: { creditCode: string },
): Promise<HostLookup | null> {
  const { db, scope, today } = cx;
  const { creditCode } = input;
  if (!scope.org) return null;
  const row = await selectOne<HostLookup>(
    db,
    sql`select h.id, h.name from hosts h
        where h.credit_code = ${creditCode.trim().toUpperCase()} and ${hostOperating(today, "h")}`,
  );
  if (!row) return null;
  await writeTransaction(db, async (tx) => {
    await writeAudit(tx, {
      userId: scope.userId,
      username: scope.username,
      action: "host.lookup",
      entity: "host",
      entityId: row.id,
      scopeOrgId: scope.org?.id ?? null,
      before: null,
      after: { creditCode: creditCode.trim().toUpperCase() },
    });
  });
  return { id: row.id, name: row.name };
}
