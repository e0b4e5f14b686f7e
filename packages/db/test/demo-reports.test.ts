/**
 * Issue 18: the demo carries approved reports for its past years (every level submitted, its parent
 * approved), the frozen figures reconcile with the live ones at every level, and the drill-down of every
 * approved count lists exactly as many records as the figure.
 */
import { isManagement, type OrgCategory } from "@liangxin/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type Db } from "../src/client.ts";
import {
  buildReport,
  drillReport,
  indicatorValue,
  ReportComputer,
  type IndicatorPath,
} from "../src/reports/index.ts";
import { unsafeSystemScope } from "../src/scope/unsafe.ts";
import { DEMO_TODAY, seedDemo } from "../src/seed/demo.ts";
import { demoYears } from "../src/seed/shift.ts";

/** Figures that count records one by one (sums of employees and distinct instructors aside). */
const COUNT_KEYS: IndicatorPath[] = [
  "hosts",
  "enterprises",
  "socialOrgs",
  "aboveScale",
  "withMembers",
  "withThreeMembers",
  "orgCovered",
  "coveredByMode.standalone",
  "coveredByMode.joint",
  "coveredByMode.affiliated",
  "coveredByMode.regional",
  "shouldEstablishNotEstablished",
  "instructorCovered",
  "workCovered",
  "membersEmployed",
  "orgs.total",
  "orgs.committees",
  "orgs.generalBranches",
  "orgs.branches",
  "orgs.jointBranches",
  "members.total",
  "members.full",
  "members.probationary",
];

let db: Db;
const past = demoYears(DEMO_TODAY).slice(0, 3);

beforeAll(() => {
  db = openTestDb();
  seedDemo(db);
}, 120_000);

describe("the demo's past years", () => {
  it("are approved at every level below the city, with their records", () => {
    const nodes = (
      db.$client.prepare("select id, category from orgs where parent_id is not null").all() as {
        id: number;
        category: OrgCategory;
      }[]
    ).filter((o) => isManagement(o.category));
    expect(nodes.length).toBeGreaterThan(10);
    for (const year of past) {
      const states = db.$client
        .prepare("select state, count(*) as n from report_submissions where year = ? group by state")
        .all(year);
      expect(states).toEqual([{ state: "approved", n: nodes.length }]);
      const withRecords = db.$client
        .prepare(
          "select count(distinct s.id) from report_submissions s join report_records r on r.submission_id = s.id where s.year = ?",
        )
        .pluck()
        .get(year);
      expect(withRecords).toBe(nodes.length);
    }
    // The current year is open.
    expect(
      db.$client
        .prepare("select count(*) from report_submissions where year = ?")
        .pluck()
        .get(past[2]! + 1),
    ).toBe(0);
  });

  it("reconcile at the city: no difference between the 合计 of approved rows and the live figures", () => {
    const city = unsafeSystemScope(db);
    for (const year of past) {
      const v = buildReport(db, city, { year });
      expect(v.rows.filter((r) => r.kind === "child").every((r) => r.source === "approved")).toBe(true);
      expect(v.checks.filter((c) => c.code.startsWith("RECONCILE"))).toEqual([]);
    }
  });

  it("the drill-down of every approved count lists exactly as many records as the figure", () => {
    const city = unsafeSystemScope(db);
    let drilled = 0;
    for (const year of past) {
      const comp = new ReportComputer(db);
      const subs = db.$client
        .prepare("select org_id as orgId from report_submissions where year = ? and state = 'approved'")
        .pluck()
        .all(year) as number[];
      for (const nodeId of subs) {
        const v = buildReport(db, city, { nodeId, year }, comp);
        expect(v.source).toBe("approved");
        const rows: { orgId: number | null; indicators: typeof v.total }[] = [
          { orgId: null, indicators: v.total },
          ...v.rows.map((r) => ({ orgId: r.kind === "direct" ? nodeId : r.orgId, indicators: r.indicators })),
        ];
        for (const row of rows) {
          for (const key of COUNT_KEYS) {
            const figure = indicatorValue(row.indicators, key);
            if (figure === null) continue;
            const d = drillReport(db, city, { nodeId, year, rowOrgId: row.orgId, key }, comp);
            expect(d.source).toBe("frozen");
            const listed = d.hosts.length + d.orgs.length + d.members.length;
            expect({ nodeId, year, row: row.orgId, key, listed }).toEqual({
              nodeId,
              year,
              row: row.orgId,
              key,
              listed: figure,
            });
            drilled++;
          }
        }
      }
    }
    expect(drilled).toBeGreaterThan(1000);
  });
});
