/**
 * Issue 24: the year-end report is the same, byte for byte, on PostgreSQL as on SQLite. The demo is seeded
 * on the canonical demo day into SQLite, copied (`copyInto`, as `liangxin copy` does) into PGlite — the
 * PostgreSQL the tests run in-process — and the report JSON of the command line (`reportJson`, two-space
 * indented) is computed on both for every management node and every year of the demo. On both, the report
 * counted by the database (issue 25) is also held to the domain's reference computation (`computeReport`
 * over the full dated history).
 */
import {
  computeReport,
  computeReportFromCounts,
  fixedClock,
  isManagement,
  policyAsOf,
  setClock,
  yearEnd,
  type OrgCategory,
  type PolicyVersion,
} from "@liangxin/domain";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, openTestDb, pgliteDb, selectAll, type Db } from "@liangxin/db/driver";
import { copyInto } from "@liangxin/db/copy";
import { openTestPglite } from "@liangxin/db/pg";
import { buildReport, ReportComputer, reportJson } from "@liangxin/core/reports";
import { unsafeSystemScope } from "@liangxin/db/scope";
import { loadPolicyVersions, loadSnapshot } from "@liangxin/db/snapshot";
import { loadReportCounts } from "@liangxin/db/report-counts";
import { seedDemo } from "../src/demo.ts";
import { demoYears } from "../src/shift.ts";

const DEMO_DAY = "2026-12-03";
const restore = setClock(fixedClock(`${DEMO_DAY}T10:00:00+08:00`));
afterAll(() => restore());

/** The report JSON of every management node of every year, keyed "year code". */
async function reports(db: Db, years: number[]): Promise<Map<string, string>> {
  const cx = { db, scope: await unsafeSystemScope(db), today: DEMO_DAY };
  const computer = new ReportComputer(db);
  const nodes = (
    await selectAll<{ id: number; code: string; category: OrgCategory }>(
      db,
      sql`select id, code, category from orgs order by code`,
    )
  ).filter((o) => isManagement(o.category));
  const out = new Map<string, string>();
  for (const year of years)
    for (const node of nodes) {
      const view = await buildReport(cx, { nodeId: node.id, year, computer });
      out.set(`${year} ${node.code}`, `${JSON.stringify(reportJson(view), null, 2)}\n`);
    }
  return out;
}

async function managementNodes(db: Db): Promise<{ id: number; code: string }[]> {
  return (
    await selectAll<{ id: number; code: string; category: OrgCategory }>(
      db,
      sql`select id, code, category from orgs order by code`,
    )
  ).filter((o) => isManagement(o.category));
}

/** Every node × year: the reference report and the counted one, as JSON; returns how many were compared. */
async function compareAll(db: Db, years: readonly number[]): Promise<number> {
  const snapshot = await loadSnapshot(db);
  const policies: PolicyVersion[] = await loadPolicyVersions(db);
  let compared = 0;
  for (const year of years) {
    const policy = policyAsOf(policies, yearEnd(year));
    for (const node of await managementNodes(db)) {
      let expected: string;
      try {
        expected = JSON.stringify(computeReport(snapshot, node.id, year, policy));
      } catch (e) {
        // A node not in force at the year end: the counted computation refuses it the same way.
        const counts = await loadReportCounts(db, node.id, year, policy.params);
        expect(() => computeReportFromCounts(counts, node.id, policy)).toThrow((e as Error).message);
        continue;
      }
      const counts = await loadReportCounts(db, node.id, year, policy.params);
      const actual = JSON.stringify(computeReportFromCounts(counts, node.id, policy));
      expect(actual, `${year} ${node.code}`).toBe(expected);
      compared++;
    }
  }
  return compared;
}

/**
 * Every node × year: the checks (校核) of the live report read from the node's area without member rows
 * (a fresh computer) are those read from the year's full records (a computer that loaded them first).
 */
async function compareChecks(db: Db, years: readonly number[]): Promise<number> {
  let compared = 0;
  let warnings = 0;
  for (const year of years)
    for (const node of await managementNodes(db)) {
      const lean = new ReportComputer(db);
      let report;
      try {
        report = await lean.live(node.id, year);
      } catch {
        continue; // not in force at the year end (compareAll holds the refusal)
      }
      const full = new ReportComputer(db);
      await full.snapshotFor(year);
      const expected = await full.checks(await full.live(node.id, year), year);
      expect(await lean.checks(report, year), `${year} ${node.code}`).toEqual(expected);
      warnings += expected.filter((c) => c.level === "warning").length;
      compared++;
    }
  expect(warnings).toBeGreaterThan(0);
  return compared;
}

describe("the year-end report on PostgreSQL (PGlite)", () => {
  it("is byte for byte the SQLite one for the demo: every management node, every year", async () => {
    const sqlite = openTestDb();
    await seedDemo(sqlite, { today: DEMO_DAY });
    const years = demoYears(DEMO_DAY);
    const expected = await reports(sqlite, years);
    // Issue 25: the report counted by the database is the domain's reference computation, row for row.
    expect(await compareAll(sqlite, years)).toBeGreaterThan(40);
    expect(await compareChecks(sqlite, years)).toBeGreaterThan(40);

    const pg = pgliteDb((await openTestPglite()).$client);
    const copied = await copyInto(sqlite, pg);
    sqlite.$client.close();
    expect(copied.reduce((n, t) => n + t.rows, 0)).toBeGreaterThan(10_000);
    // The copy leaves the planner statistics of what it wrote (reltuples is -1 until a table is analyzed).
    const [stats] = await selectAll<{ members: number; relationships: number }>(
      pg,
      sql`select max(case when relname = 'members' then reltuples end) as members,
                 max(case when relname = 'member_relationships' then reltuples end) as relationships
          from pg_class where relname in ('members', 'member_relationships')`,
    );
    expect(Number(stats!.members)).toBeGreaterThan(1000);
    expect(Number(stats!.relationships)).toBeGreaterThan(1000);
    const actual = await reports(pg, years);
    expect(await compareAll(pg, years)).toBeGreaterThan(40);
    await closeDatabase(pg);

    expect([...actual.keys()]).toEqual([...expected.keys()]);
    expect(expected.size).toBeGreaterThan(40);
    for (const [key, json] of expected) expect(actual.get(key), key).toBe(json);
  }, 600_000);
});
