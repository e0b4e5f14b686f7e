/**
 * A workbook is planned as it is read, table by table (planImportFile), so that a city's rows are never
 * all held: the plan must be the one of reading the whole file first and planning it (planImport) —
 * the same changes, counts and errors in the same order — whatever the order of the workbook's sheets.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { closeDatabase, openTestDb, pgliteDb, type Db } from "@liangxin/db/driver";
import { openTestPglite } from "@liangxin/db/pg";
import { countTables } from "@liangxin/seed/demo";
import { beforeAll, describe, expect, it } from "vitest";
import {
  applyImport,
  exportImportWorkbook,
  planImport,
  planImportFile,
  readImportWorkbook,
  WRITE_ORDER,
} from "../src/index.ts";
import { addBasicsRecords } from "./basics-records.ts";
import { addCadreRecords } from "./cadre-records.ts";
import { demoDb, scopeOf, tmpDir, TODAY } from "./helpers.ts";

/** The plan both ways, each on a fresh empty database. */
async function bothWays(file: string) {
  const whole = await planImport(openTestDb(), await readImportWorkbook(file), { today: TODAY });
  const asRead = await planImportFile(openTestDb(), file, { today: TODAY });
  return { whole, asRead };
}

/** The workbook again with its sheets in another order and some cells changed (sheet → row → column → text). */
async function rewritten(
  file: string,
  order: (names: string[]) => string[],
  cells: Record<string, Record<number, Record<string, string>>> = {},
): Promise<string> {
  const src = new ExcelJS.Workbook();
  await src.xlsx.readFile(file);
  const out = new ExcelJS.Workbook();
  for (const name of order(src.worksheets.map((w) => w.name))) {
    const ws = src.getWorksheet(name)!;
    const copy = out.addWorksheet(name);
    const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map((v) => String(v ?? ""));
    ws.eachRow((row, n) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      for (const [column, text] of Object.entries(cells[name]?.[n] ?? {}))
        values[header.indexOf(column)] = text;
      copy.getRow(n).values = values;
    });
  }
  const target = path.join(tmpDir(), "rewritten.xlsx");
  writeFileSync(target, Buffer.from(await out.xlsx.writeBuffer()));
  return target;
}

describe("planning a workbook as it is read", () => {
  let source: Db;
  let file: string;
  beforeAll(async () => {
    source = await demoDb();
    await addBasicsRecords(source);
    await addCadreRecords(source);
    file = path.join(tmpDir(), "demo.xlsx");
    await exportImportWorkbook(source, await scopeOf(source, "city"), file, { today: TODAY });
  }, 240_000);

  it("gives the plan of reading the whole workbook first: the same changes and counts", async () => {
    const { whole, asRead } = await bothWays(file);
    expect(asRead.errors).toEqual([]);
    expect(asRead.rowCount).toBe(whole.rowCount);
    expect(asRead.counts).toEqual(whole.counts);
    expect(asRead.changes.length).toBeGreaterThan(1000);
    expect(asRead.changes).toEqual(whole.changes);
  }, 240_000);

  it("whatever the order of the sheets, with the same errors in the same order (sheet, row, column)", async () => {
    const bad = await rewritten(file, (names) => [...names].reverse(), {
      // A read error (not a date), a plan error (an organization that does not exist) and a rule's.
      两新组织: { 3: { 成立日期: "2020-13-45" } },
      党员: { 2: { 所在党组织代码: "NO-SUCH-ORG" } },
    });
    const { whole, asRead } = await bothWays(bad);
    expect(whole.errors.map((e) => e.sheet)).toEqual(expect.arrayContaining(["两新组织", "党员"]));
    expect(asRead.errors).toEqual(whole.errors);
    expect(asRead.changes).toEqual([]);
    expect(asRead.rowCount).toBe(whole.rowCount);
  }, 240_000);

  it("writes the same rows on PostgreSQL (PGlite) as on SQLite", async () => {
    const pg = pgliteDb((await openTestPglite()).$client);
    try {
      const sqlite = openTestDb();
      const actor = { userId: null, username: "test" };
      const a = await planImportFile(sqlite, file, { today: TODAY });
      const b = await planImportFile(pg, file, { today: TODAY });
      expect(b.errors).toEqual([]);
      expect(b.counts).toEqual(a.counts);
      await applyImport(sqlite, a, actor);
      await applyImport(pg, b, actor);
      const written = await countTables(sqlite, WRITE_ORDER);
      expect(written.members).toBeGreaterThan(100);
      expect(await countTables(pg, WRITE_ORDER)).toEqual(written);
    } finally {
      await closeDatabase(pg);
    }
  }, 240_000);

  it("plans a file that is no workbook as its one error", async () => {
    const broken = path.join(tmpDir(), "broken.xlsx");
    writeFileSync(broken, "not a zip at all");
    const plan = await planImportFile(openTestDb(), broken, { today: TODAY });
    expect(plan.errors).toEqual([
      expect.objectContaining({ sheet: "", row: null, reason: expect.stringMatching(/Excel/) }),
    ]);
    expect(plan.changes).toEqual([]);
  });
});
