/**
 * The report workbook read back with exceljs (issue 20): the signature block under the table names the unit,
 * the two people given at 上报 and the submission's day in Beijing; a township's 附表 is a second sheet with
 * one row per grassroots organization of the report.
 */
import ExcelJS from "exceljs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildReport, submitReport, warningCodes, type ReportView } from "@liangxin/core/reports";
import { type Db } from "@liangxin/db/driver";
import { clock, fixedClock, setClock } from "@liangxin/domain";
import { buildReportWorkbook } from "../src/index.ts";
import { demoDb, scopeOf } from "./helpers.ts";

const YEAR = 2025;

async function readBack(view: ReportView): Promise<ExcelJS.Workbook> {
  const bytes = await buildReportWorkbook(view).xlsx.writeBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  return wb;
}

/** The text of every non-empty cell of the sheet's rows below the 合计 row, row by row. */
function below(ws: ExcelJS.Worksheet, totalRow: number): string[] {
  const out: string[] = [];
  for (let r = totalRow + 1; r <= ws.rowCount; r++) {
    const texts: string[] = [];
    ws.getRow(r).eachCell((cell) => {
      if (!cell.isMerged || cell.master === cell) texts.push(String(cell.value));
    });
    if (texts.length > 0) out.push(texts.join(" "));
  }
  return out;
}

function totalRowOf(ws: ExcelJS.Worksheet): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === "合计") return r;
  throw new Error("no 合计 row");
}

describe("the report workbook", () => {
  let db: Db;
  let restore: (() => void) | null = null;
  beforeAll(() => {
    db = demoDb();
  });
  afterEach(() => {
    restore?.();
    restore = null;
  });

  it("before 上报 leaves lines to sign by hand; after, names the unit, both people and the day in Beijing", async () => {
    const cx = { db, scope: scopeOf(db, "township"), today: clock.today() };
    const live = await buildReport(cx, { year: YEAR });
    expect(live.source).toBe("live");
    const before = (await readBack(live)).getWorksheet("年报")!;
    const blank = below(before, totalRowOf(before));
    expect(blank).toEqual([
      `填报单位: ${live.node.name} 单位负责人: ________________`,
      "填表人: ________________ 填报日期: ________________",
    ]);

    // 01:30 on 5 January in Beijing is still 4 January in UTC: the block says the Beijing day.
    restore = setClock(fixedClock("2026-01-04T17:30:00Z"));
    const explanations = Object.fromEntries(warningCodes(live.checks).map((c) => [c, "已核实"]));
    await submitReport(cx, {
      nodeId: live.node.id,
      year: YEAR,
      explanations,
      unitHead: " 张建国 ",
      preparer: "李晓梅",
    });
    const submitted = await buildReport(cx, { year: YEAR });
    expect(submitted.source).toBe("submitted");
    const ws = (await readBack(submitted)).getWorksheet("年报")!;
    expect(below(ws, totalRowOf(ws))).toEqual([
      `填报单位: ${live.node.name} 单位负责人: 张建国`,
      "填表人: 李晓梅 填报日期: 2026-01-05",
    ]);
  });

  it("has the 附表 as a second sheet: one row per grassroots organization, as the print view lists them", async () => {
    const view = await buildReport(
      { db, scope: scopeOf(db, "township"), today: clock.today() },
      { year: YEAR },
    );
    expect(view.annex.length).toBeGreaterThan(1);
    const wb = await readBack(view);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["年报", "附表"]);
    const annex = wb.getWorksheet("附表")!;
    expect(annex.getCell(3, 1).value).toBe("单位");
    const headers = (annex.getRow(4).values as unknown[]).slice(3);
    expect(headers).toContain("合计");
    const rows: unknown[][] = [];
    for (let r = 5; r <= annex.rowCount; r++)
      rows.push([annex.getCell(r, 1).value, annex.getCell(r, 2).value]);
    expect(rows).toEqual(view.annex.map((r) => [r.name, r.code]));
    // The organizations' 党组织合计 add up to the township's; each row's members equal its own figure.
    const orgsCol = 3; // 党组织(按隶属)·合计 is the annex's first column
    expect(annex.getCell(3, orgsCol).value).toBe("党组织(按隶属)");
    let orgs = 0;
    for (let r = 5; r <= annex.rowCount; r++) orgs += Number(annex.getCell(r, orgsCol).value);
    expect(orgs).toBe(view.total.orgs.total);
  });

  it("a county's report has no 附表 sheet", async () => {
    const view = await buildReport(
      { db, scope: scopeOf(db, "county"), today: clock.today() },
      { year: YEAR },
    );
    expect(view.annex).toEqual([]);
    expect((await readBack(view)).worksheets.map((w) => w.name)).toEqual(["年报"]);
  });
});
