/**
 * Issue 25, goal 1: the year-end report's host parts and member groups kept by the writes (report-facts.ts)
 * are the ones the statements count from the records — on the demo, for every management node and kept
 * year, and again after a write to each kind of record they are counted from (each write changes the city's
 * figures, so a write whose regions or organizations were not recounted would show). A write the triggers mark but no write transaction
 * recounts leaves the report counting from the records.
 */
import {
  fixedClock,
  isManagement,
  policyAsOf,
  setClock,
  yearEnd,
  type MemberGroup,
  type OrgCategory,
  type ReportCounts,
} from "@liangxin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { execute, openTestDb, selectRows, selectValue, writeTransaction, type Db } from "@liangxin/db/driver";
import { hostFactsStats, loadReportCounts, memberFactsStats } from "@liangxin/db/report-counts";
import { keptFactYears, reportFactsStats } from "@liangxin/db/report-facts";
import { loadPolicyVersions } from "@liangxin/db/snapshot";
import { DEMO_TODAY, seedDemo } from "../src/demo.ts";

const restore = setClock(fixedClock(`${DEMO_TODAY}T10:00:00+08:00`));
afterAll(() => restore());

let db: Db;
let nodes: number[];
let city: number;
const years = keptFactYears(DEMO_TODAY);

beforeAll(async () => {
  db = openTestDb();
  await seedDemo(db);
  const orgs = await selectRows<[number, string, number | null]>(
    db,
    sql`select id, category, parent_id from orgs order by id`,
  );
  nodes = orgs.filter(([, c]) => isManagement(c as OrgCategory)).map(([id]) => id);
  city = orgs.find(([, , parent]) => parent === null)![0];
}, 120_000);

async function policyOf(year: number) {
  return policyAsOf(await loadPolicyVersions(db), yearEnd(year)).params;
}

/** The city's counts of every kept year, as the writes keep them (asserted to be read from the facts). */
async function cityCounts(): Promise<string> {
  const out: unknown[] = [];
  for (const year of years) {
    const [hosts, members] = [hostFactsStats.kept, memberFactsStats.kept];
    const c = await loadReportCounts(db, city, year, await policyOf(year));
    expect(hostFactsStats.kept, `${year}: host parts read as kept`).toBe(hosts + 1);
    expect(memberFactsStats.kept, `${year}: member groups read as kept`).toBe(members + 1);
    out.push(
      [...c.hostsByRegion],
      [...c.instructorsByRegion],
      [...c.coverageByRegionPrev],
      sortedGroups(c.memberGroups),
    );
  }
  return JSON.stringify(out);
}

/** Member groups in one order (neither computation orders them; the report sums them). */
function sortedGroups(groups: readonly MemberGroup[]): MemberGroup[] {
  const key = (g: MemberGroup) => `${g.start}|${g.end}|${g.exit ?? ""}|${g.joined}`;
  return [...groups].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Counts with their member groups in one order. */
function comparable(c: ReportCounts): ReportCounts {
  return { ...c, memberGroups: sortedGroups(c.memberGroups) };
}

/** Every management node's counts of every kept year: the kept facts give what the statements count. */
async function expectKeptAsCounted(only: number[] = nodes): Promise<void> {
  for (const year of years) {
    const policy = await policyOf(year);
    for (const id of only) {
      const kept = await loadReportCounts(db, id, year, policy);
      const live = await loadReportCounts(db, id, year, policy, { live: true });
      expect(comparable(kept), `node ${id}, ${year}`).toEqual(comparable(live));
    }
  }
}

/** `change` in a write transaction; the city's kept counts must move with it and equal the statements'. */
async function afterWrite(what: string, change: (tx: Db) => Promise<unknown>): Promise<void> {
  const before = await cityCounts();
  const refreshes = reportFactsStats.refreshes;
  await writeTransaction(db, change);
  expect(reportFactsStats.refreshes, `${what}: recounted at the commit`).toBe(refreshes + 1);
  expect(await selectValue<number>(db, sql`select count(*) from report_facts_dirty`)).toBe(0);
  expect(await cityCounts(), `${what}: the city's figures changed`).not.toBe(before);
  await expectKeptAsCounted([city, ...nodes.filter((n) => n !== city).slice(0, 6)]);
}

/** The id of the first row `query` answers. */
async function first(query: ReturnType<typeof sql>): Promise<number> {
  const id = await selectValue<number>(db, query);
  expect(id, "a demo row to change").toBeDefined();
  return Number(id);
}

describe("the report's host parts and member groups kept by the writes", () => {
  it("are counted for the kept years when the demo is seeded, and equal the statements' counts", async () => {
    const kept = await selectRows<[number]>(db, sql`select year from report_fact_years order by year`);
    expect(kept.map(([y]) => Number(y))).toEqual(years);
    expect(await selectValue<number>(db, sql`select count(*) from report_region_facts`)).toBeGreaterThan(0);
    await expectKeptAsCounted();
  }, 120_000);

  it("follow a write to each kind of record they count", async () => {
    const now = `${DEMO_TODAY}T10:00:00.000Z`;
    // A covered host of the city, with workers, and the organization covering it.
    const host = await first(
      sql`select c.host_id from coverages c join member_workplaces w on w.host_id = c.host_id
          where c.end_on is null and w.end_on is null order by c.host_id limit 1`,
    );
    const [region, otherRegion] = (
      await selectRows<[number, number]>(
        db,
        sql`select h.region_id, (select r.id from regions r where r.level = 'township' and r.id <> h.region_id
            order by r.id limit 1) from hosts h where h.id = ${host}`,
      )
    )[0]!;
    await afterWrite("a host moved to another township", (tx) =>
      execute(tx, sql`update hosts set region_id = ${otherRegion} where id = ${host}`),
    );
    await afterWrite("the host moved back", (tx) =>
      execute(tx, sql`update hosts set region_id = ${region} where id = ${host}`),
    );
    await afterWrite("a host's employees of a year", (tx) =>
      execute(tx, sql`update host_years set employees = employees + 1000 where host_id = ${host}`),
    );
    const coverage = await first(sql`select id from coverages where host_id = ${host} and end_on is null`);
    await afterWrite("a coverage ended", (tx) =>
      execute(tx, sql`update coverages set end_on = '2024-06-30' where id = ${coverage}`),
    );
    await afterWrite("the coverage deleted", (tx) =>
      execute(tx, sql`delete from coverages where id = ${coverage}`),
    );
    const org = await first(
      sql`select c.org_id from coverages c where c.end_on is null group by c.org_id order by count(*) desc limit 1`,
    );
    await afterWrite("an organization revoked", (tx) =>
      execute(tx, sql`update orgs set revoked_on = '2024-03-01' where id = ${org}`),
    );
    const uncovered = await first(
      sql`select h.id from hosts h where h.closed_on is null
          and not exists (select 1 from coverages c where c.host_id = h.id) order by h.id limit 1`,
    );
    const grassroots = await first(
      sql`select id from orgs where formation_mode is not null and revoked_on is null order by id limit 1`,
    );
    await afterWrite("a coverage added", (tx) =>
      execute(
        tx,
        sql`insert into coverages (host_id, org_id, start_on) values (${uncovered}, ${grassroots}, '2024-01-01')`,
      ),
    );
    const instructor = await first(sql`select id from instructors order by id limit 1`);
    // An operating host without coverage or instructor: it becomes instructor-covered.
    const unguided = await first(
      sql`select h.id from hosts h where h.closed_on is null and h.id <> ${uncovered}
          and not exists (select 1 from coverages c where c.host_id = h.id)
          and not exists (select 1 from assignments a where a.host_id = h.id) order by h.id limit 1`,
    );
    await afterWrite("an instructor assigned", (tx) =>
      execute(
        tx,
        sql`insert into assignments (instructor_id, host_id, start_on) values (${instructor}, ${unguided}, '2024-01-01')`,
      ),
    );
    const assignment = await first(sql`select id from assignments order by id limit 1`);
    await afterWrite("an assignment removed", (tx) =>
      execute(tx, sql`delete from assignments where id = ${assignment}`),
    );
    const worker = await first(
      sql`select w.member_id from member_workplaces w join members m on m.id = w.member_id
          where w.end_on is null and m.joined_on < '2024-01-01' order by w.member_id limit 1`,
    );
    await afterWrite("a worker's joining day", (tx) =>
      execute(tx, sql`update members set joined_on = '2026-06-01' where id = ${worker}`),
    );
    await afterWrite("a worker's status", (tx) =>
      execute(
        tx,
        sql`insert into member_status_events (member_id, status, effective_on, created_at)
            values (${worker}, 'deceased', '2024-05-01', ${now})`,
      ),
    );
    await afterWrite("a workplace added", (tx) =>
      execute(
        tx,
        sql`insert into member_workplaces (member_id, host_id, start_on)
            select m.id, ${uncovered}, '2024-02-01' from members m where m.joined_on < '2024-01-01'
            and not exists (select 1 from member_workplaces w where w.member_id = m.id)
            and not exists (select 1 from member_status_events e where e.member_id = m.id) order by m.id limit 3`,
      ),
    );
    // A member transferred to another organization in 2025, then the transfer's record removed.
    const [rel, relMember, relOrg] = (
      await selectRows<[number, number, number]>(
        db,
        sql`select r.id, r.member_id, r.org_id from member_relationships r
            where r.end_on is null and r.org_id is not null and r.start_on < '2024-01-01'
            and not exists (select 1 from member_status_events e where e.member_id = r.member_id)
            order by r.id limit 1`,
      )
    )[0]!;
    const otherOrg = await first(
      sql`select id from orgs where formation_mode is not null and id <> ${relOrg} and revoked_on is null
          order by id desc limit 1`,
    );
    await afterWrite("a member transferred", async (tx) => {
      await execute(tx, sql`update member_relationships set end_on = '2025-05-01' where id = ${rel}`);
      await execute(
        tx,
        sql`insert into member_relationships (member_id, org_id, start_on) values (${relMember}, ${otherOrg}, '2025-05-01')`,
      );
    });
    await afterWrite("the transfer's record removed", (tx) =>
      execute(
        tx,
        sql`delete from member_relationships where member_id = ${relMember} and org_id = ${otherOrg}`,
      ),
    );
    await afterWrite("a member's full membership", (tx) =>
      execute(tx, sql`update members set full_on = '2026-12-01' where id = ${relMember}`),
    );
    await afterWrite("a host closed", (tx) =>
      execute(tx, sql`update hosts set closed_on = '2025-07-01' where id = ${uncovered}`),
    );
  }, 240_000);

  it("are counted again under a new policy", async () => {
    const year = years[1]!;
    const policy = await policyOf(year);
    const changed = { ...policy, aboveScaleEmployees: 10, minMembersForBranch: 1 };
    const before = await cityCounts();
    await writeTransaction(db, (tx) =>
      execute(
        tx,
        sql`insert into policies (effective_on, params, created_at)
            values (${`${years[0]}-01-01`}, ${JSON.stringify(changed)}, ${`${DEMO_TODAY}T10:00:00.000Z`})`,
      ),
    );
    expect(await policyOf(year)).toEqual(changed);
    expect(await cityCounts()).not.toBe(before);
    await expectKeptAsCounted([city]);
  }, 120_000);

  it("are not read while a write outside a write transaction has left regions unrecounted", async () => {
    const host = await first(sql`select id from hosts where closed_on is null order by id limit 1`);
    await execute(db, sql`update host_years set employees = employees + 7 where host_id = ${host}`);
    expect(await selectValue<number>(db, sql`select count(*) from report_facts_dirty`)).toBeGreaterThan(0);
    const counted = hostFactsStats.counted;
    const policy = await policyOf(years[2]!);
    const c = await loadReportCounts(db, city, years[2]!, policy);
    expect(hostFactsStats.counted).toBe(counted + 1);
    expect(comparable(c)).toEqual(
      comparable(await loadReportCounts(db, city, years[2]!, policy, { live: true })),
    );
    // The next write transaction recounts them.
    await writeTransaction(db, async () => {});
    expect(await selectValue<number>(db, sql`select count(*) from report_facts_dirty`)).toBe(0);
    await expectKeptAsCounted([city]);
  }, 120_000);
});
