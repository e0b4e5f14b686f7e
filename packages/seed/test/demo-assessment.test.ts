/**
 * Issue 23: the demo carries assessment records for its years — instructors assessed by their dispatchers,
 * secretaries reviewed by the parent node, 五好党支部 awards at each level — and leaves work for today:
 * instructors not yet assessed this year, applications pending.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { DEMO_TODAY, seedDemo } from "../src/demo.ts";

let db: Db;
const value = (sql: string, ...params: unknown[]) =>
  db.$client
    .prepare(sql)
    .pluck()
    .get(...params) as number;
const YEAR = Number(DEMO_TODAY.slice(0, 4));

beforeAll(async () => {
  db = openTestDb();
  await seedDemo(db, { pastReports: false });
}, 300_000);

describe("the demo's assessment", () => {
  it("assesses most instructors of each past year, each by the dispatcher (or the registering node)", () => {
    const instructors = value("select count(*) from instructors");
    for (const year of [YEAR - 3, YEAR - 2, YEAR - 1]) {
      const n = value("select count(*) from instructor_assessments where year = ?", year);
      expect(n, String(year)).toBeGreaterThan(instructors * 0.5);
    }
    expect(
      value(`select count(*) from instructor_assessments a join instructors i on i.id = a.instructor_id
             where a.assessed_by_id <> coalesce(i.dispatch_org_id, i.registered_by_id)`),
    ).toBe(0);
    expect(value("select count(*) from instructor_assessments where assessed_on > ?", DEMO_TODAY)).toBe(0);
  });

  it("leaves instructors dispatched by the county unassessed this year", () => {
    const county = value("select org_id from users where username = 'county'");
    const open = value(
      `select count(*) from instructors i where i.dispatch_org_id = ?
       and not exists(select 1 from instructor_assessments a where a.instructor_id = i.id and a.year = ?)`,
      county,
      YEAR,
    );
    expect(open).toBeGreaterThan(0);
    expect(value("select count(*) from instructor_assessments where year = ?", YEAR)).toBeGreaterThan(0);
  });

  it("reviews secretaries of past years by the organization's parent", () => {
    expect(value("select count(*) from secretary_reviews where year = ?", YEAR - 1)).toBeGreaterThan(50);
    expect(
      value(
        "select count(*) from secretary_reviews r join orgs o on o.id = r.org_id where r.reviewed_by_id <> o.parent_id",
      ),
    ).toBe(0);
  });

  it("awards 五好党支部 at each level in past years and keeps a few applications pending this year", () => {
    for (const level of ["city", "county", "township"])
      expect(
        value("select count(*) from five_good_awards where decision = 'awarded' and level = ?", level),
        level,
      ).toBeGreaterThan(0);
    expect(value("select count(*) from five_good_awards where decision = 'rejected'")).toBeGreaterThan(0);
    expect(
      value("select count(*) from five_good_awards where year = ? and decision is null", YEAR),
    ).toBeGreaterThan(0);
    expect(value("select count(*) from five_good_awards where year < ? and decision is null", YEAR)).toBe(0);
  });
});
