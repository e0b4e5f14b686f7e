import path from "node:path";
import ExcelJS from "exceljs";
import { loadPolicyVersions, loadSnapshot } from "@liangxin/db/snapshot";
import { type Db } from "@liangxin/db/driver";
import { computeNodeIndicators, fenNumber, hostFactsAsOf, policyAsOf, sumFen } from "@liangxin/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { LEDGER_GROUPS, LEDGER_HEADER_ROWS, toCsv, writeLedgerWorkbook } from "../src/index.ts";
import { demoDb, scopeOf, tmpDir, TODAY } from "./helpers.ts";

/** 1-based column of a leaf header under a group. */
function column(group: string, header: string): number {
  let c = 0;
  for (const g of LEDGER_GROUPS)
    for (const col of g.cols)
      for (const l of "children" in col ? col.children : [col]) {
        c++;
        if (g.title === group && l.header === header) return c;
      }
  throw new Error(`${group}/${header}`);
}

describe("the enterprise ledger workbook", () => {
  let db: Db;
  beforeAll(async () => {
    db = await demoDb();
  });

  for (const username of ["county", "township", "city"]) {
    it(`for ${username}: merged 3-row header, one row per host in scope, totals equal the dashboard`, async () => {
      const scope = await scopeOf(db, username);
      const file = path.join(tmpDir(), "台账.xlsx");
      const started = performance.now();
      const res = await writeLedgerWorkbook(db, scope, file, { asOf: TODAY });
      if (username === "city")
        console.log(`ledger of ${res.rows} hosts in ${Math.round(performance.now() - started)} ms`);

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.worksheets[0]!;
      const merges = (ws.model as unknown as { merges: string[] }).merges;
      // Row 1: the title naming the unit and the date, across the sheet; the 3-row header below it.
      expect(ws.getCell("A1").value).toBe(`${scope.org!.name}两新组织台账(截至 ${TODAY})`);
      expect(merges.some((r) => r.startsWith("A1:"))).toBe(true);
      expect(merges).toContain("A2:B2");
      expect(merges).toContain("A3:A4");
      expect(ws.getCell("A2").value).toBe("单位");
      const members = column("党员情况", "正式党员");
      expect(ws.getCell(3, members).value).toBe("其中");
      expect(ws.getCell(4, members).value).toBe("正式党员");
      // Printed A4 landscape, one page wide, the header repeated on every page.
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1 });
      expect(ws.pageSetup.printTitlesRow).toBe("2:4");

      const snapshot = await loadSnapshot(db);
      const policy = policyAsOf(await loadPolicyVersions(db), TODAY).params;
      const ind = computeNodeIndicators(snapshot, scope.org!.id, TODAY, policy);
      expect(ws.rowCount).toBe(LEDGER_HEADER_ROWS + ind.hosts! + 1);
      expect(res.rows).toBe(ind.hosts);
      const total = ws.getRow(ws.rowCount);
      const at = (g: string, h: string) => total.getCell(column(g, h)).value;
      expect(total.getCell(1).value).toBe("合计");
      expect(at("企业基本情况", "从业人员数")).toBe(ind.employees);
      expect(at("企业基本情况", "是否规模以上")).toBe(ind.aboveScale);
      expect(at("党组织设置情况", "是否建立党组织")).toBe(ind.orgCovered);
      expect(at("党组织设置情况", "是否应建未建")).toBe(ind.shouldEstablishNotEstablished);
      expect(at("党建指导员", "是否工作覆盖")).toBe(ind.workCovered);
      expect(at("党员情况", "在本单位工作的党员数")).toBe(ind.membersEmployed);
    });
  }

  it("writes each host's computed columns as the facts of the full history give them (batches of hosts)", async () => {
    const scope = await scopeOf(db, "city");
    const file = path.join(tmpDir(), "台账.xlsx");
    const res = await writeLedgerWorkbook(db, scope, file, { asOf: "2024-12-31" });
    const facts = hostFactsAsOf(
      await loadSnapshot(db),
      "2024-12-31",
      policyAsOf(await loadPolicyVersions(db), "2024-12-31").params,
    );
    const ids = new Map(
      (
        db.$client.prepare("select credit_code as code, id from hosts").all() as {
          code: string;
          id: number;
        }[]
      ).map((r) => [r.code, r.id]),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(res.rows).toBeGreaterThan(2000);
    expect(res.rows).toBe(facts.size);
    const yn = (b: boolean) => (b ? "是" : "否");
    for (let r = LEDGER_HEADER_ROWS + 1; r < ws.rowCount; r++) {
      const row = ws.getRow(r);
      const f = facts.get(ids.get(String(row.getCell(column("企业基本情况", "统一社会信用代码")).value))!)!;
      expect(row.getCell(column("企业基本情况", "从业人员数")).value).toBe(f.employees);
      expect(row.getCell(column("企业基本情况", "年营业收入(万元)")).value ?? null).toBe(
        f.revenueFen === null ? null : fenNumber(f.revenueFen, "wan"),
      );
      expect(row.getCell(column("党组织设置情况", "是否建立党组织")).value).toBe(yn(f.orgCovered));
      expect(row.getCell(column("党组织设置情况", "是否应建未建")).value).toBe(
        yn(f.shouldEstablishNotEstablished),
      );
      expect(row.getCell(column("党建指导员", "是否工作覆盖")).value).toBe(yn(f.workCovered));
      expect(row.getCell(column("党员情况", "在本单位工作的党员数")).value).toBe(f.membersWorking);
      expect(row.getCell(column("党员情况", "正式党员")).value).toBe(f.fullMembersWorking);
    }
    // The revenue total is the exact sum of the figures, in 万元.
    const total = ws.getRow(ws.rowCount);
    expect(total.getCell(1).value).toBe("合计");
    expect(total.getCell(column("企业基本情况", "年营业收入(万元)")).value).toBe(
      fenNumber(sumFen([...facts.values()].map((f) => f.revenueFen)), "wan"),
    );
  });

  it("adds the revenues up exactly: 0.5025 + 0.5025 万元 total 1.005, not the 1.00 of floating point", async () => {
    const own = await demoDb();
    const scope = await scopeOf(own, "township");
    own.$client.prepare("update host_years set revenue_fen = null").run();
    const two = own.$client
      .prepare("select id from hosts where region_id = ? and closed_on is null order by id limit 2")
      .pluck()
      .all(scope.region!.id) as number[];
    expect(two).toHaveLength(2);
    for (const id of two)
      own.$client.prepare("update host_years set revenue_fen = 502500 where host_id = ?").run(id);
    const file = path.join(tmpDir(), "台账.xlsx");
    await writeLedgerWorkbook(own, scope, file, { asOf: TODAY });
    own.$client.close();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    const revenue = column("企业基本情况", "年营业收入(万元)");
    const cells: unknown[] = [];
    for (let r = LEDGER_HEADER_ROWS + 1; r < ws.rowCount; r++) cells.push(ws.getCell(r, revenue).value);
    expect(cells.filter((v) => v !== null)).toEqual([0.5025, 0.5025]);
    expect(ws.getCell(ws.rowCount, revenue).value).toBe(1.005);
  });

  it("writes CSV with a byte-order mark and quotes", () => {
    const csv = toCsv(
      ["名称", "备注"],
      [
        ["甲,乙", '说"明'],
        ["丙", null],
      ],
    );
    expect(csv.startsWith("\uFEFF名称,备注\r\n")).toBe(true);
    expect(csv).toContain('"甲,乙","说""明"');
  });
});
