/**
 * The counts behind a year-end report, made by the database (issue 25): a handful of aggregate
 * statements bounded by the node — its territory's hosts and the members its organizations held at either
 * year end — instead of every row of the city turned into JavaScript records. What they count is the
 * domain's `AsOfIndex` rule by rule (the host's latest figures up to the year; the latest coverage in force
 * whose organization is in force, ties to the lower organization id; a member's latest status event, and
 * latest relationship and workplace in force, ties to the later row), and `computeReportFromCounts` turns
 * them into the report; a property test holds both computations to the same report.
 *
 * Plain SQL both engines run: window functions, `case` sums (PostgreSQL sums no booleans), ids as a JSON
 * list (`idList`). Counts are read with `Number`: PostgreSQL answers `count` and `sum` as bigint text.
 */
import {
  FORMATION_MODES,
  countedMode,
  thresholdFen,
  yearEnd,
  yearStart,
  type HostCounts,
  type MemberGroup,
  type MemberStatus,
  type OrgRec,
  type Policy,
  type RegionRec,
  type ReparentingRec,
  type ReportCounts,
} from "@liangxin/domain";
import { sql, type SQL } from "drizzle-orm";
import { idList } from "./dialect/sqlite.ts";
import type { Db } from "./driver/client.ts";
import { isPg } from "./driver/pg-db.ts";
import { readTransaction, selectRows } from "./driver/query.ts";
import { mayReadApart, runApart } from "./driver/read-thread.ts";
import { readDataVersion } from "./data-version.ts";
import { nodeScope } from "./snapshot.ts";

/** `[start, end)` in force on `d` (columns of `alias`). */
function inForce(alias: string, d: string, start = "start_on", end = "end_on"): SQL {
  const [s, e] = [sql.raw(`${alias}.${start}`), sql.raw(`${alias}.${end}`)];
  return sql`(${s} <= ${d} and (${e} is null or ${d} < ${e}))`;
}

/** Members whose latest status event up to `d` is not 正常 (ties: the later row); few members have any. */
function notNormalAsOf(d: string): SQL {
  return sql`select e.member_id from member_status_events e
      where e.effective_on <= ${d} and e.status <> 'normal' and not exists (
        select 1 from member_status_events f where f.member_id = e.member_id and f.effective_on <= ${d}
          and (f.effective_on > e.effective_on or (f.effective_on = e.effective_on and f.id > e.id)))`;
}

/**
 * The row in force on `d` of each of `members` in `table` (relationships, workplaces) that the domain picks
 * when several are in force — the latest start, ties to the later row — as (member_id, `column`).
 */
function latestPerMember(table: string, column: string, d: string, members: SQL): SQL {
  return sql`select member_id, ${sql.raw(column)} from (
      select x.member_id, x.${sql.raw(column)},
             row_number() over (partition by x.member_id order by x.start_on desc, x.id desc) as rn
      from ${sql.raw(table)} x where ${inForce("x", d)} and x.member_id in ${members}) t where rn = 1`;
}

/** 1 when `[start, end)` of `alias` is in force on `d`, else 0. */
function inForceFlag(alias: string, d: string): SQL {
  return sql`case when ${inForce(alias, d)} then 1 else 0 end`;
}

/** The counted mode of a formation mode, as SQL over `column` (null stays null). */
function countedModeSql(column: string): SQL {
  const cases = FORMATION_MODES.map((m) => `when '${m}' then '${countedMode(m)}'`).join(" ");
  return sql.raw(`case ${column} ${cases} else null end`);
}

const num = (v: unknown): number => Number(v ?? 0);

/** The statement of the host parts per region as of 31 December of `year` (hosts of `regions` only, when given). */
export function hostCountsQuery(year: number, policy: Policy, regions: SQL | null): SQL {
  const d = yearEnd(year);
  const inRegions = (col: string) => (regions ? sql` and ${sql.raw(col)} in ${regions}` : sql``);
  const hostsHere = regions ? sql`(select h2.id from hosts h2 where h2.region_id in ${regions})` : null;
  const workersOf = hostsHere
    ? sql`(select w2.member_id from member_workplaces w2 where w2.host_id in ${hostsHere} and ${inForce("w2", d)})`
    : null;
  const thr = thresholdFen(policy.aboveScaleRevenue, "wan");
  const revenueReached = Number.isFinite(thr)
    ? sql`f.revenue_fen is not null and f.revenue_fen >= ${thr}`
    : sql`1 = 0`;
  const counted = policy.onlyFullMembersCount ? sql.raw("coalesce(wk.nf, 0)") : sql.raw("coalesce(wk.n, 0)");
  const flag = (b: boolean) => (b ? 1 : 0);
  return sql`with
      wa as (select x.member_id, count(*) as n, max(x.host_id) as host_id from member_workplaces x
             where ${inForce("x", d)}${workersOf ? sql` and x.member_id in ${workersOf}` : sql``} group by x.member_id),
      fx as (${latestPerMember("member_workplaces", "host_id", d, sql`(select member_id from wa where n > 1)`)}),
      wp as (select wa.member_id, coalesce(fx.host_id, wa.host_id) as host_id
             from wa left join fx on fx.member_id = wa.member_id),
      xd as materialized (${notNormalAsOf(d)}),
      wk as (select wp.host_id, count(*) as n,
                    sum(case when m.full_on is not null and m.full_on <= ${d} then 1 else 0 end) as nf
             from wp join members m on m.id = wp.member_id left join xd on xd.member_id = m.id
             where m.joined_on <= ${d} and xd.member_id is null
             group by wp.host_id),
      f as (select y.host_id, y.employees, y.revenue_fen from host_years y
            join (select host_id, max(year) as year from host_years where year <= ${year}${hostsHere ? sql` and host_id in ${hostsHere}` : sql``}
                  group by host_id) l on l.host_id = y.host_id and l.year = y.year),
      cv as (select host_id, formation_mode from (
               select c.host_id, o.formation_mode,
                      row_number() over (partition by c.host_id order by c.start_on desc, c.org_id asc) as rn
               from coverages c join orgs o on o.id = c.org_id
               where ${inForce("c", d)} and ${inForce("o", d, "founded_on", "revoked_on")}${hostsHere ? sql` and c.host_id in ${hostsHere}` : sql``}) t
             where rn = 1),
      ins as (select a.host_id, count(distinct a.instructor_id) as n from assignments a
              where ${inForce("a", d)}${hostsHere ? sql` and a.host_id in ${hostsHere}` : sql``} group by a.host_id),
      hf as (select h.region_id, h.kind, coalesce(f.employees, 0) as emp,
               case when h.kind = 'enterprise' and (coalesce(f.employees, 0) >= ${policy.aboveScaleEmployees}
                    or (coalesce(f.employees, 0) >= ${policy.aboveScaleMidEmployees} and ${revenueReached}))
                    then 1 else 0 end as above,
               coalesce(wk.n, 0) as w,
               case when ${counted} >= ${policy.minMembersForBranch} then 1 else 0 end as three,
               case when cv.host_id is null then 0 else 1 end as cov,
               ${countedModeSql("cv.formation_mode")} as mode,
               coalesce(ins.n, 0) as ni,
               case when (h.union_on is not null and h.union_on <= ${d})
                      or (h.youth_league_on is not null and h.youth_league_on <= ${d})
                      or (h.women_on is not null and h.women_on <= ${d}) then 1 else 0 end as mass
             from hosts h
             left join f on f.host_id = h.id
             -- "+h.id": SQLite then indexes the workers per host for the join; without it the planner scans
             -- them for every host (hours at city scale). PostgreSQL reads it as h.id.
             left join wk on wk.host_id = +h.id
             left join cv on cv.host_id = h.id
             left join ins on ins.host_id = h.id
             where ${inForce("h", d, "founded_on", "closed_on")}${inRegions("h.region_id")})
    select region_id, count(*),
      sum(case when kind = 'enterprise' then 1 else 0 end), sum(emp), sum(above), sum(above * cov),
      sum(case when w > 0 then 1 else 0 end), sum(three),
      sum(case when three = 1 and mode = 'standalone' then 1 else 0 end), sum(cov),
      sum(case when mode = 'standalone' then 1 else 0 end), sum(case when mode = 'joint' then 1 else 0 end),
      sum(case when mode = 'affiliated' then 1 else 0 end), sum(case when mode = 'regional' then 1 else 0 end),
      sum(case when (three = 1 or above = 1) and cov = 0 then 1 else 0 end),
      sum(case when cov = 0 and ni > 0 then 1 else 0 end),
      sum(case when cov = 1 or (${flag(policy.workCoverage.instructor)} = 1 and ni > 0)
                 or (${flag(policy.workCoverage.massOrganizations)} = 1 and mass = 1) then 1 else 0 end),
      sum(w)
    from hf group by region_id`;
}

/** The host parts per region from the rows of `hostCountsQuery`. */
function hostCountsByRegion(rows: unknown[][]): Map<number, HostCounts> {
  const byRegion = new Map<number, HostCounts>();
  for (const r of rows) {
    const v = r.map(num);
    byRegion.set(v[0]!, {
      hosts: v[1]!,
      enterprises: v[2]!,
      employees: v[3]!,
      aboveScale: v[4]!,
      aboveScaleCovered: v[5]!,
      withMembers: v[6]!,
      withThreeMembers: v[7]!,
      threeMemberStandalone: v[8]!,
      orgCovered: v[9]!,
      standalone: v[10]!,
      joint: v[11]!,
      affiliated: v[12]!,
      regional: v[13]!,
      shouldEstablishNotEstablished: v[14]!,
      instructorCovered: v[15]!,
      workCovered: v[16]!,
      membersEmployed: v[17]!,
    });
  }
  return byRegion;
}

/** The statement of the distinct instructors assigned to operating hosts, per region, as of `d`. */
export function instructorsQuery(d: string, regions: SQL | null): SQL {
  return sql`select distinct h.region_id, a.instructor_id from assignments a join hosts h on h.id = a.host_id
        where ${inForce("a", d)} and ${inForce("h", d, "founded_on", "closed_on")}${regions ? sql` and h.region_id in ${regions}` : sql``}
        order by 1, 2`;
}

/** The instructors per region from the rows of `instructorsQuery`. */
export function instructorsByRegion(pairs: unknown[][]): Map<number, number[]> {
  const instructors = new Map<number, number[]>();
  for (const [r, i] of pairs) {
    const list = instructors.get(num(r));
    if (list) list.push(num(i));
    else instructors.set(num(r), [num(i)]);
  }
  return instructors;
}

/** Operating and covered hosts per region as of `d`. */
async function coverageCounts(
  db: Db,
  d: string,
  regions: SQL | null,
): Promise<Map<number, { hosts: number; covered: number }>> {
  const rows = await selectRows<[unknown, unknown, unknown]>(
    db,
    sql`select h.region_id, count(*), sum(case when exists (
          select 1 from coverages c join orgs o on o.id = c.org_id
          where c.host_id = h.id and ${inForce("c", d)} and ${inForce("o", d, "founded_on", "revoked_on")})
        then 1 else 0 end)
        from hosts h where ${inForce("h", d, "founded_on", "closed_on")}${regions ? sql` and h.region_id in ${regions}` : sql``}
        group by h.region_id`,
  );
  return new Map(rows.map(([r, h, c]) => [num(r), { hosts: num(h), covered: num(c) }]));
}

/**
 * The statement of the members held by `orgs` (all members when null) at either year end, grouped as
 * `MemberGroup` (start, end, exit, joined, count, full), only the groups starting or ending in `orgs`: a
 * member held in between by one of them only is no figure of theirs.
 */
export function memberGroupsQuery(year: number, orgs: SQL | null): SQL {
  const d = yearEnd(year);
  const p = yearEnd(year - 1);
  const from = yearStart(year);
  const held = orgs
    ? sql`(select r2.member_id from member_relationships r2
           where r2.org_id in ${orgs} and r2.start_on <= ${d} and (r2.end_on is null or ${p} < r2.end_on))`
    : null;
  const only = held ? sql` and x.member_id in ${held}` : sql``;
  // Each member's organization at both year ends in one pass over the relationships in force on either:
  // one row in force on a date is the usual case; several (a repair's overlap) are picked as the domain does.
  // The status events' sets (a few thousand members) are "materialized": inlined, SQLite looked each of the
  // city's members up in the events three times (a quarter of the statement at 200,000 hosts).
  return sql`with
      rl as (select x.member_id,
               sum(${inForceFlag("x", d)}) as nd, max(case when ${inForce("x", d)} then coalesce(x.org_id, -1) end) as od,
               sum(${inForceFlag("x", p)}) as np, max(case when ${inForce("x", p)} then coalesce(x.org_id, -1) end) as op
             from member_relationships x where x.start_on <= ${d} and (x.end_on is null or ${p} < x.end_on)${only}
             group by x.member_id),
      amb as (select member_id from rl where nd > 1 or np > 1),
      fd as (${latestPerMember("member_relationships", "org_id", d, sql`(select member_id from amb)`)}),
      fp as (${latestPerMember("member_relationships", "org_id", p, sql`(select member_id from amb)`)}),
      ex as materialized (select e.member_id, e.status from member_status_events e
             where e.effective_on >= ${from} and e.effective_on <= ${d} and not exists (
               select 1 from member_status_events f where f.member_id = e.member_id
                 and f.effective_on >= ${from} and f.effective_on <= ${d}
                 and (f.effective_on > e.effective_on or (f.effective_on = e.effective_on and f.id > e.id)))),
      xp as materialized (${notNormalAsOf(p)}),
      xd as materialized (${notNormalAsOf(d)}),
      ms as (select
          case when m.joined_on > ${p} or xp.member_id is not null then -2
               when rl.np > 1 then coalesce(fp.org_id, -1) else coalesce(rl.op, -1) end as s,
          case when m.joined_on > ${d} or xd.member_id is not null then -2
               when rl.nd > 1 then coalesce(fd.org_id, -1) else coalesce(rl.od, -1) end as e,
          case when m.full_on is not null and m.full_on <= ${d} then 1 else 0 end as fe,
          ex.status as x,
          case when m.joined_on >= ${from} and m.joined_on <= ${d} then 1 else 0 end as j
        from rl join members m on m.id = rl.member_id
        left join xp on xp.member_id = m.id left join xd on xd.member_id = m.id
        left join fp on fp.member_id = m.id left join fd on fd.member_id = m.id
        left join ex on ex.member_id = m.id),
      mg as (select s, e, case when s <> -2 and e = -2 then x else null end as gx,
                    case when s = -2 then j else 0 end as gj, case when e <> -2 then fe else 0 end as gf
             from ms where s >= 0 or e >= 0)
    select s, e, gx, gj, count(*), sum(gf) from mg${orgs ? sql` where s in ${orgs} or e in ${orgs}` : sql``}
    group by s, e, gx, gj`;
}

/** The groups from the rows of `memberGroupsQuery`. */
function memberGroupsOf(rows: unknown[][]): MemberGroup[] {
  return rows.map((r) => ({
    start: num(r[0]),
    end: num(r[1]),
    exit: (r[2] ?? null) as MemberStatus | null,
    joined: num(r[3]) === 1,
    n: num(r[4]),
    full: num(r[5]),
  }));
}

/** The key of a policy's parameters the kept facts were counted under (report-facts.ts). */
export function factPolicyKey(policy: Policy): string {
  return JSON.stringify(policy);
}

/** How often a report's host parts were read as the writes keep them, and counted from the records. */
export const hostFactsStats = { kept: 0, counted: 0 };

/**
 * The host parts of `year` (and last year's coverage, when that year is kept too) of `regions` (all when
 * null) as the writes keep them (report-facts.ts), in the rows of `hostCountsQuery`, `instructorsQuery` and
 * `coverageCounts`; null when they are not current: a region marked and not yet recounted, or the year not
 * kept under `policy`.
 */
async function keptHostFacts(
  tx: Db,
  year: number,
  policy: Policy,
  regions: SQL | null,
): Promise<{
  hostRows: unknown[][];
  instructorRows: unknown[][];
  coveragePrev: Map<number, { hosts: number; covered: number }> | null;
} | null> {
  if (isPg(tx)) return null;
  const [state] = await selectRows<[number, string | null, number | null]>(
    tx,
    sql`select (select count(*) from report_facts_dirty),
               (select policy from report_fact_years where year = ${year}),
               (select 1 from report_fact_years where year = ${year - 1})`,
  );
  if (!state || num(state[0]) > 0 || state[1] !== factPolicyKey(policy)) {
    hostFactsStats.counted++;
    return null;
  }
  const inRegions = regions ? sql` and region_id in ${regions}` : sql``;
  const rows = await selectRows<[number, string, string]>(
    tx,
    sql`select region_id, counts, instructors from report_region_facts where year = ${year}${inRegions} order by region_id`,
  );
  const hostRows: unknown[][] = [];
  const instructorRows: unknown[][] = [];
  for (const [region, counts, instructors] of rows) {
    hostRows.push([region, ...(JSON.parse(counts) as number[])]);
    for (const i of JSON.parse(instructors) as number[]) instructorRows.push([region, i]);
  }
  let coveragePrev: Map<number, { hosts: number; covered: number }> | null = null;
  if (state[2] !== null) {
    const prev = await selectRows<[number, string]>(
      tx,
      sql`select region_id, counts from report_region_facts where year = ${year - 1}${inRegions}`,
    );
    coveragePrev = new Map(
      prev.map(([region, counts]) => {
        const c = JSON.parse(counts) as number[];
        // The statement's columns after the region: hosts first, covered (orgCovered) ninth.
        return [num(region), { hosts: c[0]!, covered: c[8]! }];
      }),
    );
  }
  hostFactsStats.kept++;
  return { hostRows, instructorRows, coveragePrev };
}

/**
 * The member groups of `year` of `orgs` (all when null) as the writes keep them (report-facts.ts), in the
 * rows of `memberGroupsQuery`; null when they are not current: an organization marked and not yet
 * recounted, or the year not kept.
 */
async function keptMemberGroups(tx: Db, year: number, orgs: SQL | null): Promise<unknown[][] | null> {
  if (isPg(tx)) return null;
  const [state] = await selectRows<[number, number | null]>(
    tx,
    sql`select (select count(*) from report_member_facts_dirty),
               (select 1 from report_fact_years where year = ${year})`,
  );
  if (!state || num(state[0]) > 0 || state[1] === null) {
    memberFactsStats.counted++;
    return null;
  }
  memberFactsStats.kept++;
  const columns = sql`start_org_id, end_org_id, exit_status, joined_in_year, members, full_members`;
  if (!orgs)
    return selectRows<unknown[]>(tx, sql`select ${columns} from report_member_facts where year = ${year}`);
  // A node's groups start or end in its organizations: each half by its index (an OR of the two would
  // read every group of the year, the city's), the groups of both halves once.
  return selectRows<unknown[]>(
    tx,
    sql`select ${columns} from report_member_facts where year = ${year} and start_org_id in ${orgs}
        union all
        select ${columns} from report_member_facts where year = ${year} and end_org_id in ${orgs}
          and start_org_id not in ${orgs}`,
  );
}

/** How often a report's member groups were read as the writes keep them, and counted from the records. */
export const memberFactsStats = { kept: 0, counted: 0 };

/**
 * The counts of the year-end report of `nodeId` for `year` (`computeReportFromCounts`), read in one read
 * transaction: the regions whole, the organizations, hosts of the node's territory and members its
 * organizations held (any date's subtree lies within `nodeScope`'s); the city's root reads everything,
 * unfiltered.
 */
export async function loadReportCounts(
  db: Db,
  nodeId: number,
  year: number,
  policy: Policy,
  /** Count the host parts from the records even when the writes keep them (tests compare both). */
  { live = false }: { live?: boolean } = {},
): Promise<ReportCounts> {
  // The host statements, the longest, may run on a second core (read-thread.ts) when this read is a read
  // transaction of its own: not inside a write, whose uncommitted rows another connection does not see.
  // The members are counted here meanwhile.
  const ownRead = mayReadApart(db);
  return readTransaction(db, async (tx) => {
    const version = await readDataVersion(tx);
    const scope = await nodeScope(tx, nodeId);
    const regions = scope?.regionIds ? idList(scope.regionIds) : null;
    // A node without territory counts no host: an empty list, not the whole city.
    const hostRegions = scope && !scope.regionIds ? idList([]) : regions;
    const orgs = scope ? idList(scope.orgIds) : null;
    const hostQuery = hostCountsQuery(year, policy, hostRegions);
    const instructorQuery = instructorsQuery(yearEnd(year), hostRegions);
    // The host parts as the writes keep them (report-facts.ts), when they are current for this year and policy.
    const kept = live ? null : await keptHostFacts(tx, year, policy, hostRegions);
    // The host statement, the longest, before the five-basics board's statements asked meanwhile (build.ts).
    const hostRowsApart = kept ? null : runApart<unknown[]>(tx, hostQuery, version, ownRead, { first: true });
    const instructorRowsApart = kept ? null : runApart<unknown[]>(tx, instructorQuery, version, ownRead);
    const memberRows = memberGroupsOf(
      (live ? null : await keptMemberGroups(tx, year, orgs)) ??
        (await selectRows<unknown[]>(tx, memberGroupsQuery(year, orgs))),
    );
    const regionRows = await selectRows<[number, string, string, string, number | null]>(
      tx,
      sql`select id, code, name, level, parent_id from regions order by id`,
    );
    // Below the city, the organizations of the node's subtree as of any date (nodeScope's set, closed under
    // "every superior up to the node on that date"): the trees of both year ends then hold the node's whole
    // subtree, and a township's report reads its own organizations, not the city's.
    const orgRows = await selectRows<unknown[]>(
      tx,
      sql`select id, code, name, category, parent_id, region_id, formation_mode, founded_on, revoked_on
          from orgs${orgs ? sql` where id in ${orgs}` : sql``} order by id`,
    );
    const repRows = await selectRows<[number, number, number, string]>(
      tx,
      sql`select org_id, from_parent_id, to_parent_id, effective_on from org_reparentings${orgs ? sql` where org_id in ${orgs}` : sql``}
          order by effective_on, id`,
    );
    const coveragePrev = kept?.coveragePrev ?? (await coverageCounts(tx, yearEnd(year - 1), hostRegions));
    const hostRows = kept?.hostRows ?? (await hostRowsApart) ?? (await selectRows<unknown[]>(tx, hostQuery));
    const instructorRows =
      kept?.instructorRows ??
      (await instructorRowsApart) ??
      (await selectRows<unknown[]>(tx, instructorQuery));
    return {
      year,
      regions: regionRows.map(
        ([id, code, name, level, parentId]): RegionRec =>
          ({
            id: num(id),
            code,
            name,
            level,
            parentId: parentId === null ? null : num(parentId),
          }) as RegionRec,
      ),
      orgs: orgRows.map(
        (r): OrgRec =>
          ({
            id: num(r[0]),
            code: r[1],
            name: r[2],
            category: r[3],
            parentId: r[4] === null ? null : num(r[4]),
            regionId: r[5] === null ? null : num(r[5]),
            formationMode: r[6],
            foundedOn: r[7],
            revokedOn: r[8],
          }) as OrgRec,
      ),
      reparentings: repRows.map(([orgId, fromParentId, toParentId, effectiveOn]): ReparentingRec => ({
        orgId: num(orgId),
        fromParentId: num(fromParentId),
        toParentId: num(toParentId),
        effectiveOn,
      })),
      hostsByRegion: hostCountsByRegion(hostRows),
      instructorsByRegion: instructorsByRegion(instructorRows),
      coverageByRegionPrev: coveragePrev,
      memberGroups: memberRows,
      wholeCity: !scope,
    };
  });
}
