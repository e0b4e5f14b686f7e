/**
 * The command line's report for the city equals what the page shows (the API's report.get for the city
 * administrator) and the workbook's 合计 row.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller, createContext } from "@liangxin/api";
import { indicatorValue, REPORT_COLUMNS, type ReportJson } from "@liangxin/core/reports";
import { openDb, type Db } from "@liangxin/db/driver";
import { REPORT_HEADER_ROWS, REPORT_LEAD_COLUMNS } from "@liangxin/io";

const bin = path.resolve(import.meta.dirname, "..", "bin", "liangxin.mjs");
const dir = mkdtempSync(path.join(tmpdir(), "liangxin-report-"));
const dbFile = path.join(dir, "report.db");
const YEAR = 2026;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, DATABASE_URL: dbFile },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let db: Db;
let cityCode: string;

beforeAll(() => {
  expect(cli("seed", "--demo").code).toBe(0);
  db = openDb(dbFile);
  cityCode = db.$client
    .prepare("select code from orgs where category = 'cityCommittee'")
    .pluck()
    .get() as string;
});

afterAll(() => {
  db?.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run cli -- report", () => {
  it("prints the city's JSON equal to the page's figures and to the workbook's 合计 row", async () => {
    const r = cli("report", "--year", String(YEAR), "--unit", cityCode, "--format", "json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as ReportJson;
    expect(Object.keys(json)).toEqual(["year", "asOf", "unit", "policy", "total", "rows", "basics"]);
    expect(json.asOf).toBe(`${YEAR}-12-31`);
    expect(json.unit.code).toBe(cityCode);
    expect(json.total.coveredByMode).toHaveProperty("standalone");
    expect(json.total.orgs).toHaveProperty("jointBranches");
    expect(json.rows.find((x) => x.name === "直属")?.orgCoverageRate).toBeNull();

    const userId = db.$client.prepare("select id from users where username = 'city'").pluck().get() as number;
    const page = await createCaller(createContext({ db, userId })).report.get({ year: YEAR });
    expect(json.total).toEqual(page.total);
    expect(json.rows.map(({ code, name, ...ind }) => ({ code, name, ind }))).toEqual(
      page.rows.map((x) => ({ code: x.code, name: x.name, ind: x.indicators })),
    );
    // The JSON's policy leaves out the contact-visit period (no figure depends on it; the JSON stays as it was).
    const { contactVisitMonths: _notCounted, ...params } = page.policy.params;
    expect(json.policy).toEqual({ ...page.policy, params });
    // The five-basics 附表: the same figures as the page's, flat.
    expect(json.basics?.on).toBe(page.basics!.on);
    expect(json.basics?.total).toEqual({ orgs: page.basics!.total.orgs, ...page.basics!.total.met });
    expect(json.basics?.rows.map((x) => x.orgs)).toEqual(page.basics!.rows.map((x) => x.count.orgs));

    const out = path.join(dir, "city.xlsx");
    const x = cli("report", "--year", String(YEAR), "--unit", cityCode, "--format", "xlsx", "--out", out);
    expect(x.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.printTitlesRow).toBe(`1:${REPORT_HEADER_ROWS}`);
    const totalRow = ws.getRow(REPORT_HEADER_ROWS + json.rows.length + 1);
    expect(totalRow.getCell(1).value).toBe("合计");
    const cells = REPORT_COLUMNS.map((c, i) => totalRow.getCell(REPORT_LEAD_COLUMNS + 1 + i).value ?? null);
    expect(cells).toEqual(REPORT_COLUMNS.map((c) => indicatorValue(json.total, c.key)));
    // The header: the group row is merged over its columns.
    expect(ws.getCell(3, REPORT_LEAD_COLUMNS + 1).value).toBe("基本情况");
    expect(ws.getCell(3, REPORT_LEAD_COLUMNS + 2).isMerged).toBe(true);
  });

  it("refuses an unknown unit code and a bad format", () => {
    expect(cli("report", "--year", "2026", "--unit", "NOPE", "--format", "json").code).toBe(1);
    expect(cli("report", "--year", "2026", "--unit", cityCode, "--format", "pdf").code).toBe(2);
  });
});
