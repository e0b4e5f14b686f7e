/**
 * Issue 23: the demo carries trainings for each of its years, with participants each organizer sees, and on
 * the demo's day each township's secretaries are trained in part only (the e2e sees a share rise).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { loadScope, unsafeSystemScope } from "@liangxin/db/scope";
import { trainingShares } from "@liangxin/core/training";
import { DEMO_TODAY, seedDemo } from "../src/demo.ts";
import { demoYears } from "../src/shift.ts";

let db: Db;
const value = (q: string, ...p: unknown[]) =>
  db.$client
    .prepare(q)
    .pluck()
    .get(...p) as number;

beforeAll(async () => {
  db = openTestDb();
  await seedDemo(db, { pastReports: false });
});

describe("the demo's trainings", () => {
  it("every demo year has trainings of each kind, with participants", () => {
    for (const year of demoYears(DEMO_TODAY))
      for (const kind of ["secretary", "instructor", "studyTrip", "member"])
        expect(
          value(
            "select count(*) from trainings where kind = ? and substr(start_on, 1, 4) = ?",
            kind,
            String(year),
          ),
          `${year} ${kind}`,
        ).toBeGreaterThan(0);
    expect(value("select count(distinct kind) from training_participants")).toBe(3);
    expect(value("select count(*) from trainings where start_on > ?", DEMO_TODAY)).toBe(0);
  });

  it("on the demo's day each township's secretaries are trained in part (about 30–80 %)", async () => {
    const city = await trainingShares({ db, scope: await unsafeSystemScope(db), today: DEMO_TODAY });
    expect(city.node.secretaries.share).toBeGreaterThan(0.3);
    const county = (await loadScope(db, value("select id from users where username = 'county'")))!;
    const shares = await trainingShares({ db, scope: county, today: DEMO_TODAY });
    const towns = shares.rows.filter((r) => r.category === "townshipCommittee" && r.secretaries.total >= 5);
    expect(towns.length).toBeGreaterThan(1);
    for (const t of towns) {
      expect(t.secretaries.share!, t.name).toBeGreaterThanOrEqual(0.25);
      expect(t.secretaries.share!, t.name).toBeLessThanOrEqual(0.8);
    }
    expect(shares.node.instructors.trained).toBeGreaterThan(0);
  });
});
