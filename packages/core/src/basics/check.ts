/**
 * The five-basics check (五个基本) of the caller's grassroots organizations on a day: the facts gathered in
 * SQL per organization (bounded by the caller's subtree), judged by the domain's `checkFiveBasics` under the
 * policy of that day; counted per node, each organization once, with drill-down to the organizations.
 */
import type { Cx } from "@liangxin/db/cx";
import { mayReadApart, runApart, selectAll, selectOne, selectValue, type Db } from "@liangxin/db/driver";
import { readDataVersion } from "@liangxin/db/data-version";
import { inForce } from "@liangxin/db/queries";
import { scopeSql, type Scope } from "@liangxin/db/scope";
import {
  checkFiveBasics,
  countFiveBasics,
  managementFeeInBand,
  ORG_RULES,
  yearOf,
  yearStart,
  type BasicsCheck,
  type BasicsCount,
  type CommitteePost,
  type FundSource,
  type SecretaryKind,
  type SecretarySource,
  type VenueEquipment,
  type MeetingKind,
  type OrgRule,
  type VenueStatus,
} from "@liangxin/domain";
import { sql, type SQL } from "drizzle-orm";
import {
  requireGrassrootsInSubtree,
  subtreeGrassrootsQuery,
  workPolicy,
  type WorkOrgRow,
} from "../work/common.ts";

export interface BasicsRow {
  orgId: number;
  orgCode: string;
  orgName: string;
  category: string;
  path: string;
  check: BasicsCheck;
  /** 管理费列支 against the policy band of the covered hosts' payroll (null: no payroll known). */
  managementFee: "below" | "within" | "above" | null;
}

/** Per organization id: a number, or several values. */
function grouped<T>(rows: readonly { orgId: number; v: T }[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.orgId) ?? [];
    list.push(r.v);
    out.set(r.orgId, list);
  }
  return out;
}

/** The five-basics check of the given organizations (all of the caller's subtree) on `on`. */
/**
 * How `checkOrgs` reads: a statement started on the read thread when it may serve this read (the same data
 * version; read-thread.ts), else run here — so that the statements started together run on the other core
 * while this one computes something else. Each answer is a promise, to be awaited.
 */
export async function readerFor(db: Db): Promise<<T>(query: SQL) => PromiseLike<T[]>> {
  const version = mayReadApart(db) ? await readDataVersion(db) : null;
  return <T>(query: SQL): PromiseLike<T[]> => {
    const apart = version === null ? null : runApart<T>(db, query, version, true, { objects: true });
    if (!apart) {
      const rows = selectAll<T>(db, query);
      // Awaited in turn: a failure is thrown where it is awaited, never as an unhandled rejection meanwhile.
      rows.catch(() => undefined);
      return rows;
    }
    // Run here when the thread answers nothing, or when it has not started the statement by the time it is
    // awaited (the statement is then taken back: read-thread.ts) — so not before it is awaited.
    return { then: (ok, ko) => apart.then((r) => r ?? selectAll<T>(db, query)).then(ok, ko) };
  };
}

export type Reader = Awaited<ReturnType<typeof readerFor>>;

/**
 * The facts of the five basics of the caller's subtree on `on`, each statement asked at once: of the read
 * thread when it may serve this read (read-thread.ts), so that a report counting meanwhile (buildReportIn)
 * uses the other core — those the thread has not started when awaited run here; else here, one by one.
 * `inScope`: the organizations asked, a condition on `orgs o` (the caller's subtree, or given ids).
 */
export function askFacts(read: Reader, inScope: SQL, on: string) {
  const year = yearOf(on);
  const from = yearStart(year);
  const members = read<{ orgId: number; n: number }>(
    sql`select r.org_id as orgId, count(*) as n from member_relationships r join members m on m.id = r.member_id
        join orgs o on o.id = r.org_id
        where ${inScope} and ${inForce(on, "r")} and m.joined_on <= ${on} group by r.org_id`,
  );
  // Secretaries and committee members as two counts per organization: its secretaries, and the distinct
  // members among its secretaries and committee (the committee's size).
  const committee = read<{ orgId: number; secretaries: number; size: number }>(
    sql`select t.org_id as orgId, sum(t.s) as secretaries, count(distinct t.member_id) as size from (
          select s.org_id, s.member_id, 1 as s from secretaries s join orgs o on o.id = s.org_id
          where ${inScope} and ${inForce(on, "s")}
          union all
          select c.org_id, c.member_id, 0 as s from committee_members c join orgs o on o.id = c.org_id
          where ${inScope} and ${inForce(on, "c")}) t
        group by t.org_id`,
  );
  const latestCheck = sql`(select vc.status from venue_checks vc where vc.venue_id = v.id and vc.checked_on <= ${on}
        order by vc.checked_on desc limit 1)`;
  const ownVenues = read<{ orgId: number; v: VenueStatus | null }>(
    sql`select v.org_id as orgId, ${latestCheck} as v from venues v join orgs o on o.id = v.org_id where ${inScope}`,
  );
  const sharedVenues = read<{ orgId: number; v: VenueStatus | null }>(
    sql`select l.org_id as orgId, ${latestCheck} as v from venue_links l join venues v on v.id = l.venue_id
        join orgs o on o.id = l.org_id where ${inScope} and ${inForce(on, "l")}`,
  );
  const meetings = read<{ orgId: number; kind: MeetingKind; n: number }>(
    sql`select m.org_id as orgId, m.kind, count(*) as n from meetings m join orgs o on o.id = m.org_id
        where ${inScope} and m.held_on >= ${from} and m.held_on <= ${on} group by m.org_id, m.kind`,
  );
  // The rules in force as one number per organization, a bit per rule (ORG_RULES' order).
  const ruleBit = sql.raw(
    `case r.rule ${ORG_RULES.map((r, i) => `when '${r}' then ${2 ** i}`).join(" ")} else 0 end`,
  );
  const rules = read<{ orgId: number; bits: number }>(
    sql`select r.org_id as orgId, sum(distinct ${ruleBit}) as bits from org_rules r join orgs o on o.id = r.org_id
        where ${inScope} and ${inForce(on, "r", "adopted_on", "dropped_on")} group by r.org_id`,
  );
  // The year's funds and, of them, the management fee (管理费列支), per organization.
  const funds = read<{ orgId: number; total: number; fee: number }>(
    sql`select f.org_id as orgId, sum(f.amount_fen) as total,
          sum(case when f.source = ${"managementFee" satisfies FundSource} then f.amount_fen else 0 end) as fee
        from org_funds f join orgs o on o.id = f.org_id where ${inScope} and f.year = ${year} group by f.org_id`,
  );
  const payroll = read<{ orgId: number; v: number }>(
    sql`select c.org_id as orgId, sum(hy.payroll_fen) as v from coverages c join orgs o on o.id = c.org_id
        join host_years hy on hy.host_id = c.host_id and hy.year = ${year}
        where ${inScope} and ${inForce(on, "c")} and hy.payroll_fen is not null group by c.org_id`,
  );
  return { members, committee, ownVenues, sharedVenues, meetings, rules, funds, payroll };
}

async function checkOrgs(
  db: Db,
  scope: Scope,
  orgs: readonly WorkOrgRow[],
  on: string,
): Promise<BasicsRow[]> {
  if (orgs.length === 0) return [];
  return judgeOrgs(db, orgs, on, askFacts(await readerFor(db), scopeSql(scope, on).within.subtree("o"), on));
}

/** The organizations' five basics from the facts asked (`askFacts`) of a subtree holding them. */
export async function judgeOrgs(
  db: Db,
  orgs: readonly WorkOrgRow[],
  on: string,
  facts: ReturnType<typeof askFacts>,
): Promise<BasicsRow[]> {
  const { members, committee, ownVenues, sharedVenues, meetings, rules, funds, payroll } = facts;
  const policy = await workPolicy(db, on);
  const from = yearStart(yearOf(on));
  const memberCount = new Map((await members).map((r) => [r.orgId, Number(r.n)]));
  const com = new Map((await committee).map((r) => [r.orgId, r]));
  const own = grouped(await ownVenues);
  const shared = grouped(await sharedVenues);
  // Each organization's meetings by kind, one map per organization that held any (30,000 at city scale).
  const met = new Map<number, Map<MeetingKind, number>>();
  for (const r of await meetings) {
    let held = met.get(r.orgId);
    if (!held) met.set(r.orgId, (held = new Map()));
    held.set(r.kind, Number(r.n));
  }
  const rul = new Map((await rules).map((r) => [r.orgId, Number(r.bits)]));
  const fun = new Map((await funds).map((r) => [r.orgId, r]));
  const pay = new Map((await payroll).map((r) => [r.orgId, Number(r.v)]));

  // One set per combination of rules (at most 2^7), shared by the organizations that adopted it.
  const ruleSets = new Map<number, ReadonlySet<OrgRule>>();
  const rulesOf = (bits: number): ReadonlySet<OrgRule> => {
    let set = ruleSets.get(bits);
    if (!set) ruleSets.set(bits, (set = new Set(ORG_RULES.filter((_, i) => (bits & (2 ** i)) !== 0))));
    return set;
  };
  const period = { from, to: on };
  const noMeetings: ReadonlyMap<MeetingKind, number> = new Map();
  const noVenues: readonly VenueStatus[] = [];
  return orgs.map((o) => {
    const board = com.get(o.id);
    const orgFunds = fun.get(o.id);
    const payrollFen = pay.get(o.id) ?? null;
    const ownStatuses = own.get(o.id);
    const sharedStatuses = shared.get(o.id);
    const check = checkFiveBasics(
      {
        orgId: o.id,
        members: memberCount.get(o.id) ?? 0,
        hasSecretary: Number(board?.secretaries ?? 0) > 0,
        committeeSize: Number(board?.size ?? 0),
        venueStatus: ownStatuses?.find((s) => s !== null) ?? null,
        sharedVenueStatuses: sharedStatuses
          ? sharedStatuses.filter((s): s is VenueStatus => s !== null)
          : noVenues,
        meetingsHeld: met.get(o.id) ?? noMeetings,
        period,
        foundedOn: o.foundedOn,
        hasPartyGroups: o.hasPartyGroups === 1,
        rulesAdopted: rulesOf(rul.get(o.id) ?? 0),
        fundsFen: Number(orgFunds?.total ?? 0),
        payrollFen,
      },
      policy,
    );
    const fee = Number(orgFunds?.fee ?? 0);
    return {
      orgId: o.id,
      orgCode: o.code,
      orgName: o.name,
      category: o.category,
      path: o.path,
      check,
      managementFee: managementFeeInBand(fee, payrollFen, policy),
    };
  });
}

export interface BasicsBoard {
  on: string;
  total: BasicsCount;
  /** The caller's node's direct subordinates that hold grassroots organizations, each with its figures. */
  byChild: { orgId: number; name: string; count: BasicsCount }[];
  /** Each organization with the subordinate unit it is under (null: directly under the caller's node). */
  rows: (BasicsRow & { unitId: number | null })[];
}

/** The five basics of every grassroots organization of the caller's subtree on a day (default today). */
export async function basicsBoard(cx: Cx, input: { on?: string } = {}): Promise<BasicsBoard> {
  return basicsBoardIn(cx.db, cx.scope, input.on ?? cx.today);
}

/** `basicsBoard` on a connection and scope: for the reads that combine it (the dashboard). */
export async function basicsBoardIn(db: Db, scope: Scope, on: string): Promise<BasicsBoard> {
  if (!scope.org) return { on, total: countFiveBasics([]), byChild: [], rows: [] };
  // Every statement is asked before this function runs one: whether they may go to the read thread is then
  // decided before a caller reading meanwhile (a report's counts) opens its transaction on the same
  // connection. The organizations first: the thread reads them while this thread counts the report.
  const read = await readerFor(db);
  const orgsAsked = read<WorkOrgRow>(subtreeGrassrootsQuery(scope, on)!);
  const facts = askFacts(read, scopeSql(scope, on).within.subtree("o"), on);
  const orgs = await orgsAsked;
  const rows = orgs.length === 0 ? [] : await judgeOrgs(db, orgs, on, facts);
  const node = scope.org;
  const children = node
    ? await selectAll<{ id: number; name: string; path: string }>(
        db,
        sql`select id, name, path from orgs where parent_id = ${node.id} order by code`,
      )
    : [];
  const placed = rows.map((r) => ({
    ...r,
    unitId: children.find((c) => r.path.startsWith(c.path))?.id ?? null,
  }));
  const byChild = children
    .map((c) => ({
      orgId: c.id,
      name: c.name,
      count: countFiveBasics(placed.filter((r) => r.unitId === c.id).map((r) => r.check)),
    }))
    .filter((c) => c.count.orgs > 0);
  return { on, total: countFiveBasics(rows.map((r) => r.check)), byChild, rows: placed };
}

/** One organization's five basics on a day, else NOT_FOUND outside the caller's subtree. */
export async function orgBasicsCheck(cx: Cx, input: { orgId: number; on?: string }): Promise<BasicsRow> {
  const on = input.on ?? cx.today;
  const org = await requireGrassrootsInSubtree(cx.db, cx.scope, input.orgId);
  return (await checkOrgs(cx.db, cx.scope, [org], on))[0]!;
}

export interface OrgBasics extends BasicsRow {
  on: string;
  year: number;
  secretary: {
    id: number;
    memberId: number;
    name: string;
    startOn: string;
    kind: SecretaryKind | null;
    source: SecretarySource | null;
    monthlyFen: number | null;
  } | null;
  committee: {
    id: number;
    memberId: number;
    name: string;
    post: CommitteePost;
    startOn: string;
    onBoard: boolean;
    inManagement: boolean;
    onSupervisoryBoard: boolean;
  }[];
  reserveCadres: { id: number; memberId: number; name: string; startOn: string }[];
  venue: {
    id: number;
    name: string;
    checkedOn: string | null;
    status: VenueStatus | null;
    areaSqm: number | null;
    equipment: VenueEquipment[];
  } | null;
  sharedVenues: {
    linkId: number;
    venueId: number;
    name: string;
    startOn: string;
    status: VenueStatus | null;
  }[];
  rules: { id: number; rule: OrgRule; adoptedOn: string }[];
  funds: { source: FundSource; amountFen: number }[];
  payrollFen: number | null;
  /** The members held by the organization (for the committee's and reserve cadres' choices): names only. */
  heldMembers: { id: number; name: string }[];
}

const EQUIPMENT_COLUMNS: readonly [VenueEquipment, string][] = [
  ["av", "hasAv"],
  ["furniture", "hasFurniture"],
  ["flag", "hasFlag"],
  ["emblem", "hasEmblem"],
  ["reading", "hasReading"],
];

/** One organization's five basics on a day with the records behind them; NOT_FOUND outside the subtree. */
export async function orgBasics(cx: Cx, input: { orgId: number; on?: string }): Promise<OrgBasics> {
  const { db, scope } = cx;
  const on = input.on ?? cx.today;
  const org = await requireGrassrootsInSubtree(db, scope, input.orgId);
  const row = (await checkOrgs(db, scope, [org], on))[0]!;
  const year = yearOf(on);
  const secretary =
    (await selectOne<NonNullable<OrgBasics["secretary"]>>(
      db,
      sql`select s.id, s.member_id as memberId, m.name, s.start_on as startOn, s.kind, s.source,
            (select a.monthly_fen from secretary_allowances a where a.secretary_id = s.id and ${inForce(on, "a")}
              order by a.start_on desc limit 1) as monthlyFen
          from secretaries s join members m on m.id = s.member_id
          where s.org_id = ${org.id} and ${inForce(on, "s")} order by s.start_on desc limit 1`,
    )) ?? null;
  const committee = (
    await selectAll<OrgBasics["committee"][number]>(
      db,
      sql`select c.id, c.member_id as memberId, m.name, c.post, c.start_on as startOn, c.on_board as onBoard,
          c.in_management as inManagement, c.on_supervisory_board as onSupervisoryBoard
        from committee_members c join members m on m.id = c.member_id
        where c.org_id = ${org.id} and ${inForce(on, "c")} order by c.start_on, c.id`,
    )
  ).map((c) => ({
    ...c,
    onBoard: Boolean(c.onBoard),
    inManagement: Boolean(c.inManagement),
    onSupervisoryBoard: Boolean(c.onSupervisoryBoard),
  }));
  const reserveCadres = await selectAll<OrgBasics["reserveCadres"][number]>(
    db,
    sql`select r.id, r.member_id as memberId, m.name, r.start_on as startOn
        from reserve_cadres r join members m on m.id = r.member_id
        where r.org_id = ${org.id} and ${inForce(on, "r")} order by r.start_on, r.id`,
  );
  const own = await selectOne<{ id: number; name: string } & Record<string, unknown>>(
    db,
    sql`select v.id, v.name, vc.checked_on as checkedOn, vc.status, vc.area_sqm as areaSqm, vc.has_av as hasAv,
          vc.has_furniture as hasFurniture, vc.has_flag as hasFlag, vc.has_emblem as hasEmblem,
          vc.has_reading as hasReading
        from venues v left join venue_checks vc on vc.id = (select x.id from venue_checks x
          where x.venue_id = v.id and x.checked_on <= ${on} order by x.checked_on desc limit 1)
        where v.org_id = ${org.id}`,
  );
  const venue = own
    ? {
        id: own.id,
        name: own.name,
        checkedOn: (own.checkedOn as string | null) ?? null,
        status: (own.status as VenueStatus | null) ?? null,
        areaSqm: (own.areaSqm as number | null) ?? null,
        equipment: EQUIPMENT_COLUMNS.filter(([, col]) => Boolean(own[col])).map(([e]) => e),
      }
    : null;
  const sharedVenues = await selectAll<OrgBasics["sharedVenues"][number]>(
    db,
    sql`select l.id as linkId, v.id as venueId, v.name, l.start_on as startOn,
          (select x.status from venue_checks x where x.venue_id = v.id and x.checked_on <= ${on}
            order by x.checked_on desc limit 1) as status
        from venue_links l join venues v on v.id = l.venue_id
        where l.org_id = ${org.id} and ${inForce(on, "l")} order by l.start_on, l.id`,
  );
  const rules = await selectAll<OrgBasics["rules"][number]>(
    db,
    sql`select r.id, r.rule, r.adopted_on as adoptedOn from org_rules r where r.org_id = ${org.id}
        and ${inForce(on, "r", "adopted_on", "dropped_on")} order by r.adopted_on, r.id`,
  );
  const funds = await selectAll<OrgBasics["funds"][number]>(
    db,
    sql`select source, amount_fen as amountFen from org_funds where org_id = ${org.id} and year = ${year}`,
  );
  const payrollFen =
    (await selectValue<number | null>(
      db,
      sql`select sum(hy.payroll_fen) from coverages c join host_years hy on hy.host_id = c.host_id and hy.year = ${year}
          where c.org_id = ${org.id} and ${inForce(on, "c")} and hy.payroll_fen is not null`,
    )) ?? null;
  const heldMembers = await selectAll<{ id: number; name: string }>(
    db,
    sql`select id, name from members where org_id = ${org.id} and status = 'normal' order by name, id`,
  );
  return {
    ...row,
    on,
    year,
    secretary,
    committee,
    reserveCadres,
    venue,
    sharedVenues,
    rules,
    funds,
    payrollFen,
    heldMembers,
  };
}

export interface SharedVenueRow {
  id: number;
  name: string;
  runBy: number;
  runByName: string;
  checkedOn: string | null;
  status: VenueStatus | null;
  /** Organizations it serves on the day. */
  linked: number;
}

/** The shared venues (党群服务中心) run by the caller's subtree, with their state on a day. */
export async function listSharedVenues(cx: Cx, input: { on?: string } = {}): Promise<SharedVenueRow[]> {
  const { db, scope } = cx;
  const on = input.on ?? cx.today;
  if (!scope.org) return [];
  const { within } = scopeSql(scope, on);
  return selectAll<SharedVenueRow>(
    db,
    sql`select v.id, v.name, v.run_by as runBy, o.name as runByName,
          (select x.checked_on from venue_checks x where x.venue_id = v.id and x.checked_on <= ${on}
            order by x.checked_on desc limit 1) as checkedOn,
          (select x.status from venue_checks x where x.venue_id = v.id and x.checked_on <= ${on}
            order by x.checked_on desc limit 1) as status,
          (select count(*) from venue_links l where l.venue_id = v.id and l.start_on <= ${on}
            and (l.end_on is null or l.end_on > ${on})) as linked
        from venues v join orgs o on o.id = v.run_by
        where ${within.subtree("o")} order by o.code, v.id`,
  );
}
