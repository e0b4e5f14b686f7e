/**
 * A demo that does not age (issue 13): the demo seeded on any day tells the same story relative to that
 * day. Seeded on each day of the test calendar (the canonical demo day, the year's last day, the first half
 * hour of the next year, a leap day, a mid-year day), with the clock pinned there.
 */
import { fixedClock, setClock, yearOf } from "@liangxin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CALENDAR_INSTANTS } from "../../../test-calendar.ts";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { dashboardFor, type DashboardWork } from "@liangxin/core/dashboard";
import { loadScope } from "@liangxin/db/scope";
import { DEMO_TODAY, seedDemo } from "../src/demo.ts";
import { demoYears } from "../src/shift.ts";

interface Seeded {
  instant: string;
  day: string;
  db: Db;
  /** Every administrator's daily work on the dashboard, by username. */
  work: Map<string, DashboardWork>;
}

const seeded: Seeded[] = [];
let restore: () => void = () => {};

/** Every dated column of the story that must not lie after the demo's today. */
const STORY_DATES: [string, string][] = [
  ["orgs", "founded_on"],
  ["orgs", "last_election_on"],
  ["org_reparentings", "effective_on"],
  ["dual_links", "start_on"],
  ["hosts", "founded_on"],
  ["hosts", "union_on"],
  ["coverages", "start_on"],
  ["members", "joined_on"],
  ["members", "full_on"],
  ["members", "status_on"],
  ["member_relationships", "start_on"],
  ["member_workplaces", "start_on"],
  ["member_status_events", "effective_on"],
  ["transfers", "requested_on"],
  ["applicants", "applied_on"],
  ["secretaries", "start_on"],
  ["assignments", "start_on"],
  ["meetings", "held_on"],
  ["elections", "held_on"],
  ["plan_notes", "noted_on"],
  ["plan_milestones", "done_on"],
  ["pacts", "start_on"],
];

beforeAll(async () => {
  for (const instant of CALENDAR_INSTANTS) {
    const day = instant.slice(0, 10);
    restore = setClock(fixedClock(instant));
    const db = openTestDb();
    await seedDemo(db, { today: day });
    const admins = db.$client
      .prepare("select id, username from users where role = 'admin' order by username")
      .all() as { id: number; username: string }[];
    const work = new Map<string, DashboardWork>();
    for (const a of admins)
      work.set(
        a.username,
        (await dashboardFor({ db, scope: (await loadScope(db, a.id))!, today: day }))!.work,
      );
    restore();
    seeded.push({ instant, day, db, work });
  }
}, 180_000);

afterAll(() => restore());

describe.each(CALENDAR_INSTANTS.map((i, n) => [i, n] as const))("the demo seeded on %s", (_instant, n) => {
  const s = () => seeded[n]!;

  it("dates nothing after its today, and its figures cover the three years before and its own", () => {
    const { db, day } = s();
    for (const [table, column] of STORY_DATES) {
      const latest = db.$client.prepare(`select max(${column}) from ${table}`).pluck().get() as string | null;
      expect(latest === null || latest <= day, `${table}.${column} = ${latest} after ${day}`).toBe(true);
    }
    const years = (
      db.$client.prepare("select distinct year from host_years order by year").pluck().all() as number[]
    ).map(Number);
    expect(years).toEqual(demoYears(day));
    expect(years.at(-1)).toBe(yearOf(day));
    const created = db.$client.prepare("select max(created_at) from meetings").pluck().get() as string;
    expect(created <= new Date(Date.parse(s().instant)).toISOString()).toBe(true);
  });

  it("shows every administrator the same overdue plans and elections and 三会一课 share as the canonical day", () => {
    const canonical = seeded.find((x) => x.day === DEMO_TODAY)!;
    expect([...s().work.keys()]).toEqual([...canonical.work.keys()]);
    for (const [username, work] of s().work) {
      const base = canonical.work.get(username)!;
      const pick = (w: DashboardWork) => ({
        overduePlans: w.overduePlans,
        overdueElections: w.overdueElections,
        meetingOrgs: w.meetings.orgs,
        upToDate: w.meetings.upToDate,
        share: w.meetings.share,
      });
      expect(pick(work), username).toEqual(pick(base));
    }
  });

  it("keeps some overdue items on purpose, and a 三会一课 share below 100 %", () => {
    const township = s().work.get("township")!;
    const city = s().work.get("city")!;
    expect(township.overduePlans).toBeGreaterThan(0);
    expect(city.overdueElections).toBeGreaterThan(0);
    expect(city.meetings.share).not.toBeNull();
    expect(city.meetings.share!).toBeLessThan(100);
    expect(city.meetings.share!).toBeGreaterThan(50);
  });
});
