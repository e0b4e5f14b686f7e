/**
 * The city-scale seed (the benchmarks' city) exports and plans back into an empty database without a
 * single refusal: the benchmark of a 100,000-host import measures an import that writes. It once planned
 * 5,544 refusals — secretary terms starting before the secretary joined the Party — and wrote nothing.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openTestDb } from "@liangxin/db/driver";
import { unsafeSystemScope } from "@liangxin/db/scope";
import { seedScale } from "@liangxin/seed/scale";
import { exportImportWorkbook, planImport, readImportWorkbook } from "../src/index.ts";
import { tmpDir, TODAY } from "./helpers.ts";

describe("a city-scale seed", () => {
  it("exports in the import format and plans back into an empty database without errors", async () => {
    const source = openTestDb();
    await seedScale(source, { hosts: 2_000, today: TODAY });
    const file = path.join(tmpDir(), "scale-export.xlsx");
    await exportImportWorkbook(source, await unsafeSystemScope(source), file, { today: TODAY });
    const parsed = await readImportWorkbook(file);
    const plan = await planImport(openTestDb(), parsed, { today: TODAY });
    expect(plan.errors.slice(0, 5)).toEqual([]);
    expect(plan.changes.filter((c) => c.table === "secretaries").length).toBeGreaterThan(100);
  }, 120_000);
});
