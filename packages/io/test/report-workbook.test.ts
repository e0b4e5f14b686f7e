/**
 * The report workbook read back with exceljs (issue 20): the signature block under the table names the unit,
 * the two people given at 上报 and the submission's day in Beijing; a township's 附表 is a second sheet with
 * one row per grassroots organization of the report; every report has the five-basics 附表 as a sheet.
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
  beforeAll(async () => {
    db = await demoDb();
  });
  afterEach(() => {
    restore?.();
    restore = null;
  });

  it("before 上报 leaves lines to sign by hand; after, names the unit, both people and the day in Beijing", async () => {
    const cx = { db, scope: await scopeOf(db, "township"), today: clock.today() };
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
      { db, scope: await scopeOf(db, "township"), today: clock.today() },
      { year: YEAR },
    );
    expect(view.annex.length).toBeGreaterThan(1);
    const wb = await readBack(view);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["年报", "附表", "附表-五个基本"]);
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

  it("a county's report has no 附表 of organizations, only the five-basics one", async () => {
    const view = await buildReport(
      { db, scope: await scopeOf(db, "county"), today: clock.today() },
      { year: YEAR },
    );
    expect(view.annex).toEqual([]);
    expect((await readBack(view)).worksheets.map((w) => w.name)).toEqual(["年报", "附表-五个基本"]);
  });

  it("has the five-basics 附表 as a sheet: a row per unit and the 直属 row, the 合计 their sum, as the view holds them", async () => {
    const view = await buildReport(
      { db, scope: await scopeOf(db, "county"), today: clock.today() },
      { year: YEAR },
    );
    const basics = view.basics!;
    expect(basics.on).toBe(`${YEAR}-12-31`);
    const ws = (await readBack(view)).getWorksheet("附表-五个基本")!;
    expect(ws.getCell(2, 1).value).toContain(`统计时点:${YEAR}-12-31`);
    expect(ws.getCell(3, 3).value).toBe("基层党组织数");
    expect(ws.getCell(3, 4).value).toBe("达到的基层党组织数");
    expect((ws.getRow(4).values as unknown[]).slice(4)).toEqual([
      "基本队伍",
      "基本阵地",
      "基本活动",
      "基本制度",
      "基本保障",
      "五个基本全部达到",
    ]);
    const lines: unknown[][] = [];
    for (let r = 5; r <= ws.rowCount; r++) lines.push((ws.getRow(r).values as unknown[]).slice(1));
    const flat = (c: typeof basics.total) => [
      c.orgs,
      c.met.team,
      c.met.venue,
      c.met.activities,
      c.met.rules,
      c.met.means,
      c.met.all,
    ];
    expect(lines).toEqual([
      ...basics.rows.map((r) => [r.name, r.code, ...flat(r.count)]),
      ["合计", view.node.code, ...flat(basics.total)],
    ]);
    // The 合计 is the sum of the rows, column by column; some organizations meet all five, not all.
    for (let i = 2; i < 9; i++)
      expect(lines.slice(0, -1).reduce((s, l) => s + Number(l[i]), 0)).toBe(lines.at(-1)![i]);
    expect(basics.total.met.all).toBeGreaterThan(0);
    expect(basics.total.met.all).toBeLessThan(basics.total.orgs);
  });
});
