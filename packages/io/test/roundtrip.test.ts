import path from "node:path";
import { loadPolicyVersions, loadSnapshot } from "@liangxin/db/snapshot";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { unsafeSystemScope } from "@liangxin/db/scope";
import { basicsBoardIn } from "@liangxin/core/basics";
import { computeReport, MANAGEMENT_CATEGORIES, policyAsOf, type Report } from "@liangxin/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  applyImport,
  exportImportWorkbook,
  planImport,
  readImportWorkbook,
  totalCounts,
} from "../src/index.ts";
import { addBasicsRecords } from "./basics-records.ts";
import { addCadreRecords, cadreRecords } from "./cadre-records.ts";
import { demoDb, scopeOf, tableState, tmpDir, TODAY } from "./helpers.ts";

/** The five-basics records of a database, by codes (ids differ between databases), in a stable order. */
function basicsRecords(db: Db) {
  const q = (sql: string) => db.$client.prepare(sql).all();
  return {
    committee: q(`select o.code, m.id_number, c.post, c.start_on, c.end_on, c.on_board, c.in_management,
      c.on_supervisory_board from committee_members c join orgs o on o.id = c.org_id join members m on m.id = c.member_id
      order by 1, 2, 4`),
    reserve:
      q(`select o.code, m.id_number, c.start_on, c.end_on from reserve_cadres c join orgs o on o.id = c.org_id
      join members m on m.id = c.member_id order by 1, 2, 3`),
    secretaries: q(`select o.code, m.id_number, s.start_on, s.end_on, s.kind, s.source from secretaries s
      join orgs o on o.id = s.org_id join members m on m.id = s.member_id order by 1, 3`),
    allowances: q(`select o.code, a.monthly_fen, a.start_on, a.end_on from secretary_allowances a
      join secretaries s on s.id = a.secretary_id join orgs o on o.id = s.org_id order by 1, 3`),
    venues:
      q(`select v.name, o.code, r.code as runBy, c.checked_on, c.status, c.area_sqm, c.has_av, c.has_furniture,
      c.has_flag, c.has_emblem, c.has_reading from venue_checks c join venues v on v.id = c.venue_id
      left join orgs o on o.id = v.org_id left join orgs r on r.id = v.run_by order by 1, 2, 3, 4`),
    links:
      q(`select v.name, o.code, l.start_on, l.end_on from venue_links l join venues v on v.id = l.venue_id
      join orgs o on o.id = l.org_id order by 1, 2, 3`),
    rules:
      q(`select o.code, r.rule, r.adopted_on, r.dropped_on from org_rules r join orgs o on o.id = r.org_id
      order by 1, 2, 3`),
    funds: q(`select o.code, f.year, f.source, f.amount_fen from org_funds f join orgs o on o.id = f.org_id
      order by 1, 2, 3`),
    payrolls:
      q(`select h.credit_code, y.year, y.payroll_fen from host_years y join hosts h on h.id = y.host_id
      where y.payroll_fen is not null order by 1, 2`),
  };
}

/**
 * The five-basics figures of the city on a day, by organization code. 基本活动 counts the meetings held,
 * which are not part of the import template: it is left out of the comparison.
 */
async function basicsFigures(db: Db, on: string) {
  const board = await basicsBoardIn(db, await unsafeSystemScope(db), on);
  const { activities: _a, all: _all, ...met } = board.total.met;
  return {
    orgs: board.total.orgs,
    met,
    rows: board.rows
      .map((r) => ({
        code: r.orgCode,
        team: r.check.team,
        venue: r.check.venue,
        rules: r.check.rules,
        means: r.check.means,
        managementFee: r.managementFee,
      }))
      .sort((a, b) => (a.code < b.code ? -1 : 1)),
  };
}

/** A report with organizations named by code (ids differ between databases). */
function comparable(r: Report) {
  return {
    node: r.node.code,
    rows: r.rows.map((row) => ({
      kind: row.kind,
      code: row.code,
      name: row.name,
      indicators: row.indicators,
    })),
    total: r.total,
    annex: r.annex.map((row) => ({ code: row.code, indicators: row.indicators })),
    openingMembers: r.openingMembers,
  };
}

describe("export → import into an empty database", () => {
  let source: Db;
  let target: Db;
  let file: string;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    source = await demoDb();
    // Revenues as a user may type them: down to 分, a half 分 of a float (19.365), a large one.
    const years = source.$client
      .prepare("select host_id as hostId, year from host_years order by host_id, year limit 3")
      .all() as { hostId: number; year: number }[];
    [1, 19_365_000, 123_456_789_123_456].forEach((fen, i) =>
      source.$client
        .prepare("update host_years set revenue_fen = ? where host_id = ? and year = ?")
        .run(fen, years[i]!.hostId, years[i]!.year),
    );
    // The five basics, written as the forms write them (the demo has none yet).
    await addBasicsRecords(source);
    // The cadre work's records (training, assessment, showcases, contact points), added to the demo's.
    await addCadreRecords(source);
    file = path.join(tmpDir(), "demo-export.xlsx");
    let t = performance.now();
    await exportImportWorkbook(source, await scopeOf(source, "city"), file, { today: TODAY });
    timings.export = performance.now() - t;
    target = openTestDb();
    t = performance.now();
    const parsed = await readImportWorkbook(file);
    timings.read = performance.now() - t;
    t = performance.now();
    const plan = await planImport(target, parsed, { today: TODAY });
    timings.plan = performance.now() - t;
    expect(plan.errors.slice(0, 5)).toEqual([]);
    t = performance.now();
    await applyImport(target, plan, { userId: null, username: "test" });
    timings.apply = performance.now() - t;
    console.log("round trip (ms)", timings, "rows", parsed.rowCount);
  });

  it("gives the same indicators for every management node and every year 2023–2025", async () => {
    const a = await loadSnapshot(source);
    const b = await loadSnapshot(target);
    const policy = policyAsOf(await loadPolicyVersions(source), TODAY);
    const nodesA = a.orgs.filter((o) => (MANAGEMENT_CATEGORIES as readonly string[]).includes(o.category));
    const idInB = new Map(b.orgs.map((o) => [o.code, o.id]));
    expect(nodesA.length).toBeGreaterThan(10);
    let compared = 0;
    for (const year of [2023, 2024, 2025]) {
      for (const node of nodesA) {
        if (node.foundedOn > `${year}-12-31`) continue;
        const ra = comparable(computeReport(a, node.id, year, policy));
        const rb = comparable(computeReport(b, idInB.get(node.code)!, year, policy));
        expect(rb, `${node.name} ${year}`).toEqual(ra);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(30);
  });

  it("gives the same revenue, to the 分, for every host and year", () => {
    const revenues = (db: Db) =>
      db.$client
        .prepare(
          "select h.credit_code || ' ' || y.year as k, y.revenue_fen as fen from host_years y join hosts h on h.id = y.host_id order by k",
        )
        .all() as { k: string; fen: number | null }[];
    const a = revenues(source);
    expect(a.length).toBeGreaterThan(1000);
    expect(a.map((r) => r.fen)).toContain(1);
    expect(a.map((r) => r.fen)).toContain(123_456_789_123_456);
    expect(revenues(target)).toEqual(a);
  });

  it("reproduces every five-basics record, each amount to the 分", () => {
    const a = basicsRecords(source);
    // The demo's records and the two organizations' own (at least 8 committee posts, 2 reserve cadres, …).
    expect(a.committee.length).toBeGreaterThanOrEqual(8);
    expect(a.reserve.length).toBeGreaterThanOrEqual(2);
    expect(a.secretaries.length).toBeGreaterThan(100);
    expect(a.allowances.length).toBeGreaterThanOrEqual(4);
    expect(a.venues.length).toBeGreaterThanOrEqual(3);
    expect(a.links.length).toBeGreaterThanOrEqual(2);
    expect(a.rules.length).toBeGreaterThanOrEqual(12);
    expect(a.funds.length).toBeGreaterThanOrEqual(8);
    expect(a.payrolls.length).toBeGreaterThan(0);
    expect(basicsRecords(target)).toEqual(a);
  });

  it("gives the same five-basics figures for every organization on every day compared", async () => {
    for (const on of ["2024-06-30", "2025-03-01", "2025-12-31", TODAY]) {
      const a = await basicsFigures(source, on);
      expect(a.orgs).toBeGreaterThan(10);
      expect(await basicsFigures(target, on), on).toEqual(a);
    }
    // The records count: the two organizations meet the venue, rules and means basics today.
    expect((await basicsFigures(source, TODAY)).met.venue).toBeGreaterThanOrEqual(2);
    expect((await basicsFigures(source, TODAY)).met.rules).toBeGreaterThanOrEqual(2);
    expect((await basicsFigures(source, TODAY)).met.means).toBeGreaterThanOrEqual(2);
  });

  it("reproduces every record of the cadre work", () => {
    const a = cadreRecords(source);
    expect(a.trainings.length).toBeGreaterThanOrEqual(2);
    expect(a.participants.length).toBeGreaterThanOrEqual(3);
    expect(a.assessments.length).toBeGreaterThanOrEqual(1);
    expect(a.reviews.length).toBeGreaterThanOrEqual(1);
    expect(a.fiveGood.length).toBeGreaterThanOrEqual(2);
    expect(a.showcases.length).toBeGreaterThanOrEqual(2);
    expect(a.leaders.length).toBeGreaterThanOrEqual(1);
    expect(a.points.length).toBeGreaterThanOrEqual(2);
    expect(a.visits.length).toBeGreaterThanOrEqual(2);
    expect(cadreRecords(target)).toEqual(a);
  });

  it("imports the same workbook a second time without any change", async () => {
    const before = tableState(target);
    const plan = await planImport(target, await readImportWorkbook(file), { today: TODAY });
    expect(plan.errors).toEqual([]);
    expect(totalCounts(plan.counts).created + totalCounts(plan.counts).updated).toBe(0);
    expect(plan.changes).toEqual([]);
    expect(tableState(target)).toBe(before);
  });

  it("imports the export back into its own database without any change", async () => {
    const plan = await planImport(source, await readImportWorkbook(file), { today: TODAY });
    expect(plan.errors).toEqual([]);
    expect(plan.changes.slice(0, 3)).toEqual([]);
  });
});
