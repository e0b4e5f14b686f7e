/**
 * Issue 23: the demo carries showcase sites at each level for each of its years, and leaders with contact
 * points and visits; on the canonical day every county and township node has overdue visits (in its
 * administrator's 待办), and the records keep their own rules.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { loadScope } from "@liangxin/db/scope";
import { overdueContacts } from "@liangxin/core/cadres";
import { DEMO_TODAY, seedDemo } from "../src/demo.ts";
import { demoYears } from "../src/shift.ts";

let db: Db;
const all = <T>(sql: string, ...p: unknown[]) => db.$client.prepare(sql).all(...p) as T[];
const value = (sql: string, ...p: unknown[]) =>
  db.$client
    .prepare(sql)
    .pluck()
    .get(...p) as number;

beforeAll(async () => {
  db = openTestDb();
  await seedDemo(db, { pastReports: false });
});

describe("the demo's showcases and contact points", () => {
  it("names showcases at each level in each of the demo's years, each at its naming node's level, one subject each", () => {
    for (const year of demoYears(DEMO_TODAY))
      for (const level of ["city", "county", "township"])
        expect(
          value(
            "select count(*) from showcases where level = ? and substr(start_on, 1, 4) = ?",
            level,
            String(year),
          ),
          `${level} ${year}`,
        ).toBeGreaterThan(0);
    expect(
      value(
        `select count(*) from showcases s join orgs n on n.id = s.named_by_id
         where (s.level = 'city' and n.category <> 'cityCommittee') or (s.level = 'county' and n.category <> 'countyCommittee')
            or (s.level = 'township' and n.category not in ('townshipCommittee','parkCommittee'))`,
      ),
    ).toBe(0);
    expect(value("select count(*) from showcases where (org_id is null) = (host_id is null)")).toBe(0);
    expect(value("select count(*) from showcases where end_on is not null and end_on <= start_on")).toBe(0);
    expect(value("select count(*) from showcases where start_on > ?", DEMO_TODAY)).toBe(0);
  });

  it("every county and township registers leaders with 1–3 points, visited within their periods and not after today", () => {
    const nodes = all<{ id: number }>(
      "select id from orgs where category in ('countyCommittee','townshipCommittee') and revoked_on is null",
    );
    for (const n of nodes)
      expect(value("select count(*) from leaders where registered_by_id = ?", n.id)).toBeGreaterThan(0);
    const perLeader = all<{ n: number }>(
      "select count(p.id) n from leaders l left join contact_points p on p.leader_id = l.id group by l.id",
    );
    expect(Math.min(...perLeader.map((r) => r.n))).toBeGreaterThanOrEqual(1);
    expect(Math.max(...perLeader.map((r) => r.n))).toBeLessThanOrEqual(3);
    expect(
      value(
        `select count(*) from contact_visits v join contact_points p on p.id = v.contact_point_id
         where v.visited_on > ? or v.visited_on < p.start_on or (p.end_on is not null and v.visited_on >= p.end_on)`,
        DEMO_TODAY,
      ),
    ).toBe(0);
    expect(value("select count(*) from contact_points where (org_id is null) = (host_id is null)")).toBe(0);
    expect(value("select count(*) from contact_visits")).toBeGreaterThan(100);
  });

  it("on the demo's day the county's and the township's administrators have overdue visits in their 待办, and not every point is overdue", async () => {
    for (const username of ["county", "township"]) {
      const id = value("select id from users where username = ?", username);
      const scope = (await loadScope(db, id))!;
      const own = await overdueContacts({ db, scope, today: DEMO_TODAY }, true);
      expect(own.length, username).toBeGreaterThan(0);
    }
    const points = value("select count(*) from contact_points where end_on is null");
    const id = value("select id from users where username = 'city'");
    const overdue = (await overdueContacts({ db, scope: (await loadScope(db, id))!, today: DEMO_TODAY }))
      .length;
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(points);
  });
});
