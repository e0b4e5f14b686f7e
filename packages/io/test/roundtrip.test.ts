import path from "node:path";
import { loadPolicyVersions, loadSnapshot } from "@liangxin/db/snapshot";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { computeReport, MANAGEMENT_CATEGORIES, policyAsOf, type Report } from "@liangxin/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  applyImport,
  exportImportWorkbook,
  planImport,
  readImportWorkbook,
  totalCounts,
} from "../src/index.ts";
import { demoDb, scopeOf, tableState, tmpDir, TODAY } from "./helpers.ts";

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
    source = demoDb();
    // Revenues as a user may type them: down to 分, a half 分 of a float (19.365), a large one.
    const years = source.$client
      .prepare("select host_id as hostId, year from host_years order by host_id, year limit 3")
      .all() as { hostId: number; year: number }[];
    [1, 19_365_000, 123_456_789_123_456].forEach((fen, i) =>
      source.$client
        .prepare("update host_years set revenue_fen = ? where host_id = ? and year = ?")
        .run(fen, years[i]!.hostId, years[i]!.year),
    );
    file = path.join(tmpDir(), "demo-export.xlsx");
    let t = performance.now();
    await exportImportWorkbook(source, scopeOf(source, "city"), file, { today: TODAY });
    timings.export = performance.now() - t;
    target = openTestDb();
    t = performance.now();
    const parsed = await readImportWorkbook(file);
    timings.read = performance.now() - t;
    t = performance.now();
    const plan = planImport(target, parsed, { today: TODAY });
    timings.plan = performance.now() - t;
    expect(plan.errors.slice(0, 5)).toEqual([]);
    t = performance.now();
    applyImport(target, plan, { userId: null, username: "test" });
    timings.apply = performance.now() - t;
    console.log("round trip (ms)", timings, "rows", parsed.rowCount);
  });

  it("gives the same indicators for every management node and every year 2023–2025", () => {
    const a = loadSnapshot(source);
    const b = loadSnapshot(target);
    const policy = policyAsOf(loadPolicyVersions(source), TODAY);
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

  it("imports the same workbook a second time without any change", async () => {
    const before = tableState(target);
    const plan = planImport(target, await readImportWorkbook(file), { today: TODAY });
    expect(plan.errors).toEqual([]);
    expect(totalCounts(plan.counts).created + totalCounts(plan.counts).updated).toBe(0);
    expect(plan.changes).toEqual([]);
    expect(tableState(target)).toBe(before);
  });

  it("imports the export back into its own database without any change", async () => {
    const plan = planImport(source, await readImportWorkbook(file), { today: TODAY });
    expect(plan.errors).toEqual([]);
    expect(plan.changes.slice(0, 3)).toEqual([]);
  });
});
