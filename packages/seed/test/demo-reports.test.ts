/**
 * Issue 18: the demo carries approved reports for its past years (every level submitted, its parent
 * approved), the frozen figures reconcile with the live ones at every level, and the drill-down of every
 * approved count lists exactly as many records as the figure.
 */
import { expectedClosing, isManagement, MEMBER_FLOW_KEYS, type OrgCategory } from "@liangxin/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { cloneDb } from "@liangxin/db/queries";
import {
  buildReport,
  drillReport,
  indicatorValue,
  ReportComputer,
  type IndicatorPath,
} from "@liangxin/core/reports";
import { unsafeSystemScope } from "@liangxin/db/scope";
import { DEMO_TODAY, seedDemo } from "../src/demo.ts";
import { demoYears } from "../src/shift.ts";

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
  // The member flows (issue 18): 年初 … 年末, each member listed once per flow.
  ...MEMBER_FLOW_KEYS.map((k) => `flows.${k}` as IndicatorPath),
];

let db: Db;
const past = demoYears(DEMO_TODAY).slice(0, 3);

beforeAll(async () => {
  db = openTestDb();
  await seedDemo(db);
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

  it("reconcile at the city: no difference between the 合计 of approved rows and the live figures", async () => {
    const city = { db, scope: await unsafeSystemScope(db), today: DEMO_TODAY };
    for (const year of past) {
      const v = await buildReport(city, { year });
      expect(v.rows.filter((r) => r.kind === "child").every((r) => r.source === "approved")).toBe(true);
      expect(v.checks.filter((c) => c.code.startsWith("RECONCILE"))).toEqual([]);
    }
  });

  it("the drill-down of every approved count lists exactly as many records as the figure", async () => {
    const city = { db, scope: await unsafeSystemScope(db), today: DEMO_TODAY };
    let drilled = 0;
    for (const year of past) {
      const comp = new ReportComputer(db);
      const subs = db.$client
        .prepare("select org_id as orgId from report_submissions where year = ? and state = 'approved'")
        .pluck()
        .all(year) as number[];
      for (const nodeId of subs) {
        const v = await buildReport(city, { nodeId, year, computer: comp });
        expect(v.source).toBe("approved");
        const rows: { orgId: number | null; indicators: typeof v.total }[] = [
          { orgId: null, indicators: v.total },
          ...v.rows.map((r) => ({ orgId: r.kind === "direct" ? nodeId : r.orgId, indicators: r.indicators })),
        ];
        for (const row of rows) {
          for (const key of COUNT_KEYS) {
            const figure = indicatorValue(row.indicators, key);
            if (figure === null) continue;
            const d = await drillReport(city, { nodeId, year, rowOrgId: row.orgId, key, computer: comp });
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

  it("balance for every node and year: 年末 = 年初 + 发展 + 转入 + 隶属变更转入 − 转出 − 隶属变更转出 − 出党 − 死亡 − 停止党籍", async () => {
    const city = { db, scope: await unsafeSystemScope(db), today: DEMO_TODAY };
    const nodes = db.$client
      .prepare("select id, category from orgs")
      .all()
      .filter((o) => isManagement((o as { category: OrgCategory }).category))
      .map((o) => (o as { id: number }).id);
    let rows = 0;
    for (const year of [...past, past[2]! + 1]) {
      const comp = new ReportComputer(db);
      for (const nodeId of nodes) {
        const v = await buildReport(city, { nodeId, year, computer: comp });
        expect(
          v.checks.filter((c) => c.code === "MEMBER_BALANCE" || c.code === "OPENING_MEMBERS_MISMATCH"),
        ).toEqual([]);
        for (const r of v.rows) {
          const f = r.indicators.flows;
          expect({ year, row: r.name, closing: f.closing }).toEqual({
            year,
            row: r.name,
            closing: r.indicators.members.total,
          });
          rows++;
        }
        expect(v.total.flows.closing).toBe(v.total.members.total);
      }
    }
    // The demo's years move members: some flow of each kind the demo generates shows in the city's 合计.
    const flows = (await buildReport(city, { year: past[2]! + 1 })).total.flows;
    expect(flows.opening).toBeGreaterThan(0);
    expect(flows.developed + flows.transferredIn + flows.transferredOut).toBeGreaterThan(0);
    expect(rows).toBeGreaterThan(50);
  });

  it("deleting a member's status event in SQL breaks the balance of exactly the row holding the member", async () => {
    const copy = cloneDb(db);
    try {
      const last = past[2]!;
      // A member who left by a status event in the last approved year, and the township row that counted them.
      const ev = copy.$client
        .prepare(
          `select e.id, e.member_id as memberId from member_status_events e
           where e.status in ('deceased', 'expelled', 'stopped') and e.effective_on between ? and ?
           order by e.id limit 1`,
        )
        .get(`${last}-01-01`, `${last}-12-31`) as { id: number; memberId: number } | undefined;
      expect(ev, "the demo has a member who left by a status event").toBeDefined();
      copy.$client.prepare("delete from member_status_events where id = ?").run(ev!.id);
      const city = { db: copy, scope: await unsafeSystemScope(copy), today: DEMO_TODAY };
      // The member's organization and its county (the second node of its path under the city).
      const path = copy.$client
        .prepare(
          `select o.path from member_relationships r join orgs o on o.id = r.org_id
           where r.member_id = ? order by r.start_on desc limit 1`,
        )
        .pluck()
        .get(ev!.memberId) as string;
      const countyId = Number(path.split("/")[2]);
      const county = await buildReport(city, { nodeId: countyId, year: last + 1 });
      const broken = county.checks.filter((c) => c.code === "MEMBER_BALANCE");
      expect(broken).toHaveLength(1);
      expect(broken[0]!.message).toContain("多1名");
      // The row named is the one holding the member's organization; every other row balances.
      const holding =
        county.rows.find((r) => r.kind === "child" && path.includes(`/${r.orgId}/`)) ??
        county.rows.find((r) => r.kind === "direct")!;
      expect(broken[0]!.message).toContain(`「${holding.name}」党员数不平衡`);
      const f = holding.indicators.flows;
      expect(f.closing - expectedClosing(f)).toBe(1);
    } finally {
      copy.$client.close();
    }
  });
});
