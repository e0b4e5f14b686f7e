/**
 * `seedBasics`: the demo city's five-basics records (五个基本), deterministic from the seed and "today" —
 * committees with cross posts for the organizations of 7+ members, reserve cadres, each secretary's kind,
 * source and allowance, venues (own ones with dated checks in all four statuses and their equipment; a few
 * regional 党群服务中心 run by townships, linked to organizations of their subtree), adopted rules, funds per
 * year and source, and the hosts' payroll (职工工资总额) on host_years.
 *
 * It draws from a random stream of its own (not the city's, not the daily work's), so every figure the
 * demo had before these records stays as it was. Each organization draws a tier first (exemplary, typical
 * or weak) that weights its basics, so that on the demo's day each basic holds for some organizations and
 * fails for others, and all five hold for some. Every draw is made whatever the calendar. Runs after the
 * city and its daily work are written, in its own transaction; writes no audit rows (seed data).
 */
import {
  addDays,
  COMMITTEE_POSTS,
  DEFAULT_POLICY,
  maxDate,
  minDate,
  ORG_RULES,
  yearEnd,
  type CommitteePost,
  type FundSource,
  type OrgRule,
  type VenueStatus,
} from "@liangxin/domain";
import { sql, type SQL } from "drizzle-orm";
import { type Db, BulkInsert, execute, selectAll, writeTransaction } from "@liangxin/db/driver";
import * as tables from "@liangxin/db/schema";
import { Rng } from "./random.ts";
import { seedStamp } from "./daily-work.ts";
import { demoYears } from "./shift.ts";
import { PathOwners } from "./subtrees.ts";

/** The stream of the five-basics records: a generator of its own, mixed from the demo's seed. */
export const BASICS_STREAM = 0x5ba5_1c5;

type Tier = "exemplary" | "typical" | "weak";
/** The chance that a basic is looked after, by tier. */
const CARE: Readonly<Record<Tier, number>> = { exemplary: 0.95, typical: 0.65, weak: 0.2 };
/** The chance that an organization of 7+ members keeps its committee (支委会) up, by tier. */
const COMMITTEE_CARE: Readonly<Record<Tier, number>> = { exemplary: 0.9, typical: 0.35, weak: 0.05 };

interface OrgLite {
  id: number;
  name: string;
  path: string;
  foundedOn: string;
  lastElectionOn: string | null;
}

const CORE_RULES: readonly OrgRule[] = DEFAULT_POLICY.basics.coreRules;
const EXTRA_RULES: readonly OrgRule[] = ORG_RULES.filter((r) => !CORE_RULES.includes(r));
/** Posts after the secretary's, in the order a committee fills them. */
const OTHER_POSTS: readonly CommitteePost[] = COMMITTEE_POSTS.filter((p) => p !== "secretary");

/** An organization's short name for its venue: without 中共 and the trailing kind. */
function shortName(name: string): string {
  return name
    .replace(/^中共/, "")
    .replace(/(联合)?(党总支部|党支部|党委|委员会)$/, "")
    .replace(/委员会$/, "");
}

function grouped<K, V>(rows: readonly V[], key: (v: V) => K): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k) ?? [];
    list.push(r);
    out.set(k, list);
  }
  return out;
}

/** The last day a year's figures are judged on: its 31 December, or today for the current year. */
function yearDay(year: number, today: string): string {
  return minDate(yearEnd(year), today);
}

/** Rows per multi-row update (three bound values each, well under SQLite's limit). */
const UPDATE_CHUNK = 2_000;

/** Update rows from a list of value tuples, a chunk at a time: `statement` gets the chunk as a VALUES list. */
async function updateFrom(
  db: Db,
  rows: readonly (readonly (number | string)[])[],
  statement: (values: SQL) => SQL,
): Promise<void> {
  for (let i = 0; i < rows.length; i += UPDATE_CHUNK) {
    const chunk = rows.slice(i, i + UPDATE_CHUNK);
    const values = sql`values ${sql.join(
      chunk.map(
        (r) =>
          sql`(${sql.join(
            // Numbers typed (PostgreSQL reads an untyped VALUES column as text; SQLite casts to an integer).
            r.map((v) => (typeof v === "number" ? sql`cast(${v} as bigint)` : sql`${v}`)),
            sql`, `,
          )})`,
      ),
      sql`, `,
    )}`;
    await execute(db, statement(values));
  }
}

export async function seedBasics(db: Db, opts: { seed: number; today: string }): Promise<void> {
  const { today } = opts;
  const rng = new Rng(opts.seed ^ BASICS_STREAM);
  const years = demoYears(today);
  const stamp = (d: string) => seedStamp(minDate(d, today));
  const orgs = await selectAll<OrgLite>(
    db,
    sql`select id, name, path, founded_on as foundedOn, last_election_on as lastElectionOn from orgs
        where category in ('committee','generalBranch','branch','jointBranch')
          and founded_on <= ${today} and (revoked_on is null or ${today} < revoked_on) order by id`,
  );
  const held = grouped(
    await selectAll<{ orgId: number; memberId: number }>(
      db,
      sql`select r.org_id as orgId, r.member_id as memberId from member_relationships r
          join members m on m.id = r.member_id
          where r.org_id is not null and r.start_on <= ${today} and (r.end_on is null or r.end_on > ${today})
            and m.joined_on <= ${today} order by r.org_id, r.member_id`,
    ),
    (r) => r.orgId,
  );
  const secretaries = await selectAll<{
    id: number;
    orgId: number;
    memberId: number;
    startOn: string;
    endOn: string | null;
  }>(
    db,
    sql`select id, org_id as orgId, member_id as memberId, start_on as startOn, end_on as endOn
        from secretaries order by id`,
  );
  const secretaryNow = new Map(
    secretaries
      .filter((s) => s.startOn <= today && (s.endOn === null || s.endOn > today))
      .map((s) => [s.orgId, s]),
  );
  const townships = await selectAll<{ id: number; name: string; path: string }>(
    db,
    sql`select id, name, path from orgs where category in ('townshipCommittee','parkCommittee')
        and (revoked_on is null or ${today} < revoked_on) order by id`,
  );
  const hostYears = await selectAll<{ hostId: number; year: number; employees: number }>(
    db,
    sql`select host_id as hostId, year, employees from host_years order by host_id, year`,
  );
  const coverages = await selectAll<{ hostId: number; orgId: number; startOn: string; endOn: string | null }>(
    db,
    sql`select host_id as hostId, org_id as orgId, start_on as startOn, end_on as endOn from coverages order by id`,
  );

  await writeTransaction(db, async () => {
    // Payroll (职工工资总额): most hosts record it, from their employees and an average yearly wage of
    // 6–12 万元; the wage moves a little from year to year.
    const payroll = new Map<string, number>();
    const payrollRows: [number, number, number][] = [];
    const wageOf = new Map<number, number>();
    for (const hy of hostYears) {
      const base = wageOf.get(hy.hostId) ?? rng.int(60, 120) * 1_000;
      wageOf.set(hy.hostId, base);
      const recorded = rng.chance(0.75);
      const wage = base + rng.int(-3, 6) * 1_000;
      if (!recorded || hy.employees <= 0) continue;
      // 元 per employee per year, stored in 分.
      const fen = hy.employees * wage * 100;
      payroll.set(`${hy.hostId}:${hy.year}`, fen);
      payrollRows.push([hy.hostId, hy.year, fen]);
    }
    await updateFrom(
      db,
      payrollRows,
      (v) => sql`update host_years set payroll_fen = v.column3
        from (${v}) as v where host_years.host_id = v.column1 and host_years.year = v.column2`,
    );
    const coveredBy = grouped(coverages, (c) => c.orgId);
    /** The covered hosts' payroll of a year on its judging day (null: none recorded). */
    const orgPayroll = (orgId: number, year: number): number | null => {
      const on = yearDay(year, today);
      let sum: number | null = null;
      for (const c of coveredBy.get(orgId) ?? []) {
        if (c.startOn > on || (c.endOn !== null && c.endOn <= on)) continue;
        const p = payroll.get(`${c.hostId}:${year}`);
        if (p !== undefined) sum = (sum ?? 0) + p;
      }
      return sum;
    };

    // Each secretary's kind and source.
    const profiles: [number, string, string][] = [];
    for (const s of secretaries) {
      const source = rng.weighted([
        ["owner", 20],
        ["management", 45],
        ["unionChair", 20],
        ["dispatched", 15],
      ] as const);
      const kind = source === "dispatched" || rng.chance(0.1) ? "fullTime" : "partTime";
      profiles.push([s.id, kind, source]);
    }
    await updateFrom(
      db,
      profiles,
      (v) => sql`update secretaries set kind = v.column2, source = v.column3
        from (${v}) as v where secretaries.id = v.column1`,
    );

    const bulk = new BulkInsert(db);
    const insCommittee = bulk.into(tables.committeeMembers, [
      "orgId",
      "memberId",
      "post",
      "startOn",
      "endOn",
      "onBoard",
      "inManagement",
      "onSupervisoryBoard",
    ]);
    const insReserve = bulk.into(tables.reserveCadres, ["orgId", "memberId", "startOn", "endOn"]);
    const insAllowance = bulk.into(tables.secretaryAllowances, [
      "secretaryId",
      "monthlyFen",
      "startOn",
      "endOn",
    ]);
    const insVenue = bulk.into(tables.venues, ["id", "name", "orgId", "runBy", "createdAt"]);
    const insCheck = bulk.into(tables.venueChecks, [
      "venueId",
      "checkedOn",
      "status",
      "areaSqm",
      "hasAv",
      "hasFurniture",
      "hasFlag",
      "hasEmblem",
      "hasReading",
    ]);
    const insLink = bulk.into(tables.venueLinks, ["venueId", "orgId", "startOn", "endOn"]);
    const insRule = bulk.into(tables.orgRules, ["orgId", "rule", "adoptedOn", "droppedOn"]);
    const insFund = bulk.into(tables.orgFunds, ["orgId", "year", "source", "amountFen"]);

    let venueId = 0;
    /** A check of a venue: the equipment fits the status (达标: all of it; 不配套: some; 不达标/无: little). */
    const check = async (id: number, on: string, status: VenueStatus) => {
      const area = status === "none" ? null : status === "standard" ? rng.int(30, 150) : rng.int(8, 40);
      const has = (p: number) => (status === "standard" ? 1 : status === "none" ? 0 : rng.chance(p) ? 1 : 0);
      const p = status === "incomplete" ? 0.6 : 0.25;
      await insCheck(id, on, status, area, has(p), has(p), has(p), has(p), has(p));
    };

    // A few regional 党群服务中心, each run by a township and checked twice.
    const shared = new Map<number, number>();
    for (const t of townships) {
      const has = rng.chance(0.4);
      const opened = addDays(today, -rng.int(400, 1200));
      const later = addDays(opened, rng.int(120, 360));
      const improved = rng.chance(0.8);
      if (!has) continue;
      const id = ++venueId;
      await insVenue(id, `${shortName(t.name)}党群服务中心`, null, t.id, stamp(opened));
      await check(id, opened, improved ? "incomplete" : "standard");
      if (later <= today) await check(id, later, improved ? "standard" : "incomplete");
      shared.set(t.id, id);
    }
    const townshipsByPath = new PathOwners(townships);
    const townshipOf = (o: OrgLite) => townshipsByPath.first(o.path);

    for (const o of orgs) {
      const tier = rng.weighted([
        ["exemplary", 30],
        ["typical", 50],
        ["weak", 20],
      ] as const);
      const care = () => rng.chance(CARE[tier]);
      const members = held.get(o.id)?.map((r) => r.memberId) ?? [];
      const secretary = secretaryNow.get(o.id);
      const since = maxDate(o.foundedOn, o.lastElectionOn ?? o.foundedOn);

      // 基本队伍: a committee (支委会) with 7+ members; a few cross posts; reserve cadres.
      const keepsCommittee = rng.chance(COMMITTEE_CARE[tier]);
      const size = rng.int(3, 5);
      const others = rng.sample(
        members.filter((m) => m !== secretary?.memberId),
        size,
      );
      if (members.length >= DEFAULT_POLICY.basics.committeeFromMembers && keepsCommittee) {
        const team: [number, CommitteePost][] = [];
        if (secretary) team.push([secretary.memberId, "secretary"]);
        others
          .slice(0, size - team.length)
          .forEach((m, i) => team.push([m, OTHER_POSTS[i % OTHER_POSTS.length]!]));
        for (const [memberId, post] of team) {
          const cross = rng.next();
          await insCommittee(
            o.id,
            memberId,
            post,
            // The secretary's seat starts with the term (a 书记 post is held only while in office).
            post === "secretary" && secretary ? maxDate(since, secretary.startOn) : since,
            null,
            cross < 0.15 ? 1 : 0,
            cross >= 0.15 && cross < 0.35 ? 1 : 0,
            cross >= 0.35 && cross < 0.45 ? 1 : 0,
          );
        }
      }
      const reserves = rng.sample(
        members.filter((m) => m !== secretary?.memberId && !others.includes(m)),
        rng.int(1, 2),
      );
      const reserveOn = addDays(today, -rng.int(30, 700));
      if (members.length >= 5 && care())
        for (const m of reserves) await insReserve(o.id, m, maxDate(reserveOn, o.foundedOn), null);

      // The secretary's allowance (工作津贴), 300–1500 元 a month, since a day of the term.
      const allowance = rng.int(3, 15) * 10_000;
      const allowanceOn = addDays(today, -rng.int(60, 900));
      if (secretary && rng.chance(0.6))
        await insAllowance(secretary.id, allowance, maxDate(allowanceOn, secretary.startOn), null);

      // 基本阵地: an own venue checked once to three times (the latest status by care), else a shared one.
      const ownsVenue = rng.chance(0.75);
      const good = care();
      const lastStatus: VenueStatus = good
        ? "standard"
        : rng.weighted([
            ["incomplete", 45],
            ["substandard", 40],
            ["none", 15],
          ] as const);
      const checks = rng.int(1, 3);
      const firstOn = addDays(today, -rng.int(500, 1300));
      const gaps = [rng.int(150, 400), rng.int(100, 300)];
      const earlier = rng.pick<VenueStatus>(["none", "substandard", "incomplete"]);
      const township = townshipOf(o);
      const hub = township ? shared.get(township.id) : undefined;
      const linked = hub !== undefined && (!ownsVenue || (!good && rng.chance(0.3)));
      const linkOn = addDays(today, -rng.int(30, 800));
      if (ownsVenue) {
        const id = ++venueId;
        const on = maxDate(firstOn, o.foundedOn);
        await insVenue(id, `${shortName(o.name)}党员活动室`, o.id, null, stamp(on));
        const days = [on];
        for (let i = 1; i < checks; i++) days.push(addDays(days[i - 1]!, gaps[i - 1]!));
        const dated = days.filter((d) => d <= today);
        for (const [i, d] of dated.entries())
          await check(id, d, i === dated.length - 1 ? lastStatus : earlier);
      }
      if (linked) await insLink(hub, o.id, maxDate(linkOn, o.foundedOn), null);

      // 基本制度: the four core rules for most, a few of them for others; extra rules now and then.
      const keepsRules = care();
      const partial = rng.sample(CORE_RULES, rng.int(0, CORE_RULES.length - 1));
      const extra = rng.sample(EXTRA_RULES, rng.int(0, EXTRA_RULES.length));
      const rules = keepsRules ? [...CORE_RULES, ...extra] : partial;
      for (const rule of rules) {
        const on = addDays(today, -rng.int(20, 1500));
        await insRule(o.id, rule, maxDate(on, o.foundedOn), null);
      }

      // 基本保障: per year, funds by source; the management fee a share (‰) of the covered payroll.
      for (const year of years) {
        const funded = care();
        const fee = rng.int(5, 10);
        const short = rng.int(1, 4);
        const dues = rng.int(2, 40) * 50_000;
        const fiscal = rng.chance(0.3) ? rng.int(1, 10) * 100_000 : 0;
        const enterprise = rng.chance(0.25) ? rng.int(1, 20) * 100_000 : 0;
        const donation = rng.chance(0.1) ? rng.int(1, 20) * 10_000 : 0;
        const noneAtAll = rng.chance(0.5);
        if (o.foundedOn > yearDay(year, today)) continue;
        const pay = orgPayroll(o.id, year);
        const amounts: [FundSource, number][] = [];
        if (funded) {
          amounts.push(["duesReturn", dues]);
          if (pay !== null) amounts.push(["managementFee", Math.ceil((pay * fee) / 1000)]);
          amounts.push(["fiscal", fiscal], ["enterprise", enterprise], ["donation", donation]);
        } else if (!noneAtAll) {
          // Funds, but short of the band (where a payroll is known).
          amounts.push(["duesReturn", dues]);
          if (pay !== null) amounts.push(["managementFee", Math.floor((pay * short) / 1000)]);
        }
        for (const [source, fen] of amounts) if (fen > 0) await insFund(o.id, year, source, fen);
      }
    }
    await bulk.flush();
  });
}
