/**
 * Imports obey the period lock (issue 18): the demo's past years (2023–2025) are approved, so an import
 * dated into them that touches an approved unit's territory is refused as a whole, naming each row.
 */
import { openTestDb, type Db } from "@liangxin/db/driver";
import { seedDemo } from "@liangxin/seed/demo";
import { beforeAll, describe, expect, it } from "vitest";
import { applyImport, planImport, readImportWorkbook, totalCounts } from "../src/index.ts";
import { hostsWorkbook } from "./fixtures.ts";
import { tableState, TODAY } from "./helpers.ts";

const TOWNSHIP = "369902001";

describe("an import into approved years", () => {
  let db: Db;
  beforeAll(async () => {
    db = openTestDb();
    await seedDemo(db);
  });

  it("is refused as a whole, each locked row named with the lock and who can lift it; dated after them it goes in", async () => {
    const approved = db.$client
      .prepare("select distinct year from report_submissions where state = 'approved' order by year")
      .pluck()
      .all();
    expect(approved).toEqual([2023, 2024, 2025]);
    const before = tableState(db);

    // Two hosts founded in 2020 with figures for 2023–2025: every row reaches into an approved year.
    const old = await hostsWorkbook({ hosts: 2, township: TOWNSHIP });
    const plan = await planImport(db, await readImportWorkbook(old), { today: TODAY });
    expect(plan.changes).toEqual([]);
    expect(plan.errors.map((e) => `${e.sheet}:${e.row}`)).toEqual([
      "两新组织:2",
      "两新组织:3",
      "经营数据:2",
      "经营数据:3",
      "经营数据:4",
      "经营数据:5",
      "经营数据:6",
      "经营数据:7",
    ]);
    for (const e of plan.errors) {
      expect(e.reason).toContain("年年报已审核通过,数据已锁定");
      expect(e.reason).toMatch(/请由 .+ 或更上级的管理员先撤销审核/);
    }
    // The host rows count from their founding, the year rows from their year's end.
    expect(plan.errors[0]!.value).toBe("2020-03-01");
    expect(plan.errors[2]!.value).toBe("2023-12-31");
    expect(plan.errors[2]!.reason).toContain("2023 年年报已审核通过");
    await expect(applyImport(db, plan, { userId: null, username: "t" })).rejects.toThrow();
    expect(tableState(db)).toBe(before);

    // The same hosts founded this year with this year's figures: nothing is locked.
    const fresh = await hostsWorkbook({
      hosts: 2,
      township: TOWNSHIP,
      foundedOn: "2026-03-01",
      years: [2026],
    });
    const ok = await planImport(db, await readImportWorkbook(fresh), { today: TODAY });
    expect(ok.errors).toEqual([]);
    expect(totalCounts(ok.counts).created).toBe(4);
    await applyImport(db, ok, { userId: null, username: "t" });
    expect(tableState(db)).not.toBe(before);
  });
});
