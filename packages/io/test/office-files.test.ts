/**
 * Spreadsheets as offices save them: CSV in GB18030/GBK (Excel on Chinese Windows) and dates written
 * `2024/3/1`, `2024.3.1`, `2024年3月1日` or stored as Excel date cells import exactly as their UTF-8,
 * ISO-dated twins.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import JSZip from "jszip";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { normaliseDateText } from "@liangxin/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  applyImport,
  decodeCsvBytes,
  exportImportWorkbook,
  formatError,
  ioMessages,
  planImportFile,
  readCsvFolder,
  readWorkbookSheets,
  TABLE_LIST,
  workbookBytes,
  type ImportError,
  type RawSheet,
} from "../src/index.ts";
import { addBasicsRecords } from "./basics-records.ts";
import { addCadreRecords } from "./cadre-records.ts";
import { demoDb, scopeOf, tmpDir, TODAY } from "./helpers.ts";

/** 𠀀 (U+20000) lies outside GBK's two-byte range: four bytes in GB18030. */
const RARE = "𠀀";

describe("normaliseDateText", () => {
  it("reads the forms offices write as ISO dates", () => {
    for (const s of ["2024-03-01", "2024-3-1", "2024/3/1", "2024/03/01", "2024.3.1", "2024.03.01"])
      expect(normaliseDateText(s), s).toBe("2024-03-01");
    expect(normaliseDateText("2024年3月1日")).toBe("2024-03-01");
    expect(normaliseDateText("2024年03月01日")).toBe("2024-03-01");
    expect(normaliseDateText("2024年2月29日")).toBe("2024-02-29");
    expect(normaliseDateText("1999/12/31")).toBe("1999-12-31");
  });

  it("refuses impossible dates and anything else", () => {
    for (const s of [
      "2024/2/30",
      "2023年2月29日",
      "2024.13.1",
      "2024-00-10",
      "2024/3/0",
      "2024/3-1",
      "2024/3/1 0:00",
      "24/3/1",
      "3/1/2024",
      "2024年3月1",
      "45352",
      "三月一日",
      "",
    ])
      expect(normaliseDateText(s), s).toBeNull();
  });
});

describe("decodeCsvBytes", () => {
  const text = `姓名,入党日期\r\n张${RARE},2015-07-01\r\n`;

  it("reads UTF-8 with or without a byte-order mark, the mark dropped", () => {
    const bytes = new TextEncoder().encode(text);
    expect(decodeCsvBytes(bytes)).toEqual({ ok: true, text, encoding: "utf-8" });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    expect(decodeCsvBytes(bom)).toEqual({ ok: true, text, encoding: "utf-8" });
  });

  it("reads GB18030 (and so GBK), four-byte characters included", () => {
    const bytes = iconv.encode(text, "gb18030");
    expect(bytes.includes(Buffer.from([0x95, 0x32, 0x82, 0x36]))).toBe(true);
    expect(decodeCsvBytes(bytes)).toEqual({ ok: true, text, encoding: "gb18030" });
    // Plain GBK bytes (what older Excel writes) are GB18030 too.
    const gbk = iconv.encode("名称,类别\r\n测试企业,非公企业\r\n", "gbk");
    expect(decodeCsvBytes(gbk)).toMatchObject({ ok: true, text: "名称,类别\r\n测试企业,非公企业\r\n" });
  });

  it("refuses UTF-16 (Excel's Unicode text) and bytes that are no text, saying what to do", () => {
    const le = iconv.encode(text, "utf-16le", { addBOM: true });
    expect(decodeCsvBytes(le)).toEqual({ ok: false, reason: ioMessages.csvUtf16 });
    const be = iconv.encode(text, "utf-16be", { addBOM: true });
    expect(decodeCsvBytes(be)).toEqual({ ok: false, reason: ioMessages.csvUtf16 });
    expect(ioMessages.csvUtf16).toMatch(/另存为/);
    // A workbook renamed .csv, stray bytes, a UTF-8 mark over GBK bytes.
    const garbage = [
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]),
      new Uint8Array([0x41, 0x80, 0xff, 0x42]),
      new Uint8Array([0xef, 0xbb, 0xbf, ...iconv.encode("测试", "gbk")]),
    ];
    for (const bytes of garbage)
      expect(decodeCsvBytes(bytes)).toEqual({ ok: false, reason: ioMessages.csvBadEncoding });
  });

  it("names the file it cannot read, and reads the others of the folder", () => {
    const dir = tmpDir();
    writeFileSync(path.join(dir, "members.csv"), new Uint8Array([0x41, 0x80, 0xff, 0x42]));
    writeFileSync(path.join(dir, "hosts.csv"), iconv.encode(text, "utf-16le", { addBOM: true }));
    writeFileSync(path.join(dir, "orgs.csv"), iconv.encode("组织代码,名称\r\nG1,测试支部\r\n", "gb18030"));
    const { sheets, errors } = readCsvFolder(dir);
    expect(errors).toEqual([
      { sheet: "hosts.csv", row: null, column: "", value: "", reason: ioMessages.csvUtf16 },
      { sheet: "members.csv", row: null, column: "", value: "", reason: ioMessages.csvBadEncoding },
    ]);
    expect(formatError(errors[1]!)).toBe(`members.csv:${ioMessages.csvBadEncoding}`);
    expect(sheets).toEqual([
      { name: "orgs.csv", header: ["组织代码", "名称"], rows: [{ row: 2, cells: ["G1", "测试支部"] }] },
    ]);
  });
});

/** Every table's rows in stored order, without the times of the write (the import's own clock). */
function dump(db: Db): Record<string, unknown[]> {
  const tables = db.$client
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name",
    )
    .pluck()
    .all() as string[];
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    const rows = db.$client.prepare(`select * from ${t} order by rowid`).all() as Record<string, unknown>[];
    out[t] = rows.map((r) =>
      Object.fromEntries(Object.entries(r).filter(([k]) => k !== "at" && !k.endsWith("_at"))),
    );
  }
  return out;
}

/** Import a workbook or a CSV folder as the CLI does (planned as read, then applied) into a new database. */
async function importInto(source: string): Promise<{ db: Db; errors: ImportError[] }> {
  const db = openTestDb();
  const plan = await planImportFile(db, source, { today: TODAY });
  if (plan.errors.length === 0) await applyImport(db, plan, { userId: null, username: "test" });
  return { db, errors: plan.errors };
}

const specOf = (sheet: RawSheet) => TABLE_LIST.find((t) => t.sheet === sheet.name);

function csvText(sheet: RawSheet): string {
  const line = (cells: readonly string[]) =>
    `${cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")}\r\n`;
  return line(sheet.header) + sheet.rows.map((r) => line(r.cells)).join("");
}

/** The workbook's sheets as a folder of CSV files, each written by `encode`. */
function csvFolder(sheets: readonly RawSheet[], encode: (text: string) => Uint8Array): string {
  const dir = path.join(tmpDir(), "csv");
  mkdirSync(dir);
  for (const sheet of sheets) {
    const spec = specOf(sheet);
    if (spec) writeFileSync(path.join(dir, spec.file), encode(csvText(sheet)));
  }
  return dir;
}

const utf8WithBom = (text: string) => new TextEncoder().encode(`\uFEFF${text}`);
const gb18030 = (text: string) => iconv.encode(text, "gb18030");

/** A cell of a sheet, by its column's header. */
function cellOf(sheet: RawSheet, row: number, header: string): { get(): string; set(v: string): void } {
  const i = sheet.header.indexOf(header);
  if (i < 0) throw new Error(`${sheet.name} has no column ${header}`);
  return { get: () => sheet.rows[row]!.cells[i]!, set: (v) => (sheet.rows[row]!.cells[i] = v) };
}

describe("the demo city as offices save it", () => {
  let file: string;
  let sheets: RawSheet[];

  beforeAll(async () => {
    const source = await demoDb();
    await addBasicsRecords(source);
    await addCadreRecords(source);
    // Names with a character outside GBK's two-byte range.
    source.$client
      .prepare("update members set name = ? || name where id in (select min(id) from members)")
      .run(RARE);
    source.$client
      .prepare("update hosts set name = name || ? where id in (select min(id) from hosts)")
      .run(RARE);
    file = path.join(tmpDir(), "demo-export.xlsx");
    await exportImportWorkbook(source, await scopeOf(source, "city"), file, { today: TODAY });
    sheets = await readWorkbookSheets(file);
  }, 120_000);

  it("a GB18030 CSV folder imports exactly as its UTF-8 twin", async () => {
    const utf8Dir = csvFolder(sheets, utf8WithBom);
    const gbDir = csvFolder(sheets, gb18030);
    // The files really are GB18030: not UTF-8, and read as GB18030.
    const members = readFileSync(path.join(gbDir, "members.csv"));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(members)).toThrow();
    expect(decodeCsvBytes(members)).toMatchObject({ ok: true, encoding: "gb18030" });

    const a = await importInto(utf8Dir);
    const b = await importInto(gbDir);
    expect(a.errors.slice(0, 5)).toEqual([]);
    expect(b.errors.slice(0, 5)).toEqual([]);
    const rows = dump(a.db);
    expect(rows.members!.length).toBeGreaterThan(1000);
    expect(rows.hosts!.length).toBeGreaterThan(100);
    expect(dump(b.db)).toEqual(rows);
    const names = (db: Db) =>
      db.$client
        .prepare(
          "select name from members where name like ? union all select name from hosts where name like ?",
        )
        .pluck()
        .all(`%${RARE}%`, `%${RARE}%`);
    expect(names(b.db)).toHaveLength(2);
    expect(names(b.db)).toEqual(names(a.db));
  }, 120_000);

  it("a GB18030 CSV folder with mistakes gives the same error report as its UTF-8 twin", async () => {
    const broken = structuredClone(sheets);
    const hosts = broken.find((s) => specOf(s)?.key === "hosts")!;
    cellOf(hosts, 0, "成立日期").set("2024/2/30");
    cellOf(hosts, 1, "类别").set("非公企業");
    const members = broken.find((s) => specOf(s)?.key === "members")!;
    cellOf(members, 0, "入党日期").set("2015年7月");
    const a = await importInto(csvFolder(broken, utf8WithBom));
    const b = await importInto(csvFolder(broken, gb18030));
    // The three cells are reported (and the rows that name the refused host or member after them).
    expect(a.errors.map(formatError)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^hosts\.csv 第2行 成立日期「2024\/2\/30」:日期应为有效日期.*2024年3月1日/),
        expect.stringMatching(/^hosts\.csv 第3行 类别「非公企業」:不在可选值之内/),
        expect.stringMatching(/^members\.csv 第2行 入党日期「2015年7月」:日期应为有效日期/),
      ]),
    );
    expect(b.errors).toEqual(a.errors);
  }, 120_000);

  it("a workbook with dates written 2024/3/1, 2024.3.1, 2024年3月1日 and as date cells imports as its ISO twin", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const forms = { slash: 0, dot: 0, chinese: 0, cell: 0 };
    wb.eachSheet((ws) => {
      const spec = TABLE_LIST.find((t) => t.sheet === ws.name);
      if (!spec) return;
      const header = ws.getRow(1).values as ExcelJS.CellValue[];
      const dateColumns = spec.columns
        .filter((c) => c.kind === "date")
        .map((c) => header.indexOf(c.header))
        .filter((i) => i > 0);
      let n = 0;
      ws.eachRow((row, rowNumber) => {
        if (rowNumber === 1) return;
        for (const col of dateColumns) {
          const cell = row.getCell(col);
          const m = typeof cell.value === "string" ? cell.value.match(/^(\d{4})-(\d\d)-(\d\d)$/) : null;
          if (!m) continue;
          const [y, mo, d] = [m[1]!, Number(m[2]), Number(m[3])];
          switch (n++ % 4) {
            case 0:
              cell.value = `${y}/${mo}/${d}`;
              forms.slash++;
              break;
            case 1:
              cell.value = `${y}.${mo}.${d}`;
              forms.dot++;
              break;
            case 2:
              cell.value = `${y}年${mo}月${d}日`;
              forms.chinese++;
              break;
            default:
              cell.value = new Date(Date.UTC(Number(y), mo - 1, d));
              cell.numFmt = "yyyy/m/d";
              forms.cell++;
          }
        }
      });
    });
    expect(Math.min(...Object.values(forms))).toBeGreaterThan(100);
    const loose = path.join(tmpDir(), "dates-as-typed.xlsx");
    writeFileSync(loose, await workbookBytes(wb));

    const a = await importInto(file);
    const b = await importInto(loose);
    expect(a.errors.slice(0, 5)).toEqual([]);
    expect(b.errors.slice(0, 5)).toEqual([]);
    const rows = dump(a.db);
    expect(rows.hosts!.length).toBeGreaterThan(100);
    expect(dump(b.db)).toEqual(rows);
  }, 120_000);
});

describe("Excel date cells in the streaming reader", () => {
  /** A workbook whose 成立日期 cells are dates stored as numbers with the given number formats. */
  async function datedWorkbook(formats: string[]): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("两新组织");
    ws.addRow(["名称", "成立日期"]);
    for (const [i, numFmt] of formats.entries()) {
      const row = ws.addRow([`企业${i + 1}`, new Date(Date.UTC(2024, 2, 1))]);
      row.getCell(2).numFmt = numFmt;
    }
    return workbookBytes(wb);
  }

  it("reads a number with a date format (45352 shown as 2024/3/1) as the date", async () => {
    const bytes = await datedWorkbook(["yyyy/m/d", "mm-dd-yy", 'yyyy"年"m"月"d"日"', "yyyy-mm-dd"]);
    const [sheet] = await readWorkbookSheets(bytes);
    expect(sheet!.rows.map((r) => r.cells[1])).toEqual([
      "2024-03-01",
      "2024-03-01",
      "2024-03-01",
      "2024-03-01",
    ]);
  });

  it("reads a date in a Chinese Excel's built-in format (年月日, id 31, no code in the file) as the date", async () => {
    const bytes = await datedWorkbook(['yyyy"年"m"月"d"日"']);
    // Make the file as a Chinese Excel writes it: the style names built-in format 31 and defines no code.
    const zip = await JSZip.loadAsync(bytes);
    const styles = await zip.file("xl/styles.xml")!.async("string");
    const custom = styles.match(/<numFmt numFmtId="(\d+)"[^>]*\/>/);
    expect(custom).not.toBeNull();
    const rewritten = styles
      .replace(custom![0], "")
      .replace(new RegExp(`numFmtId="${custom![1]}"`, "g"), 'numFmtId="31"');
    zip.file("xl/styles.xml", rewritten);
    const excel = await zip.generateAsync({ type: "uint8array" });
    const [sheet] = await readWorkbookSheets(excel);
    expect(sheet!.rows.map((r) => r.cells[1])).toEqual(["2024-03-01"]);
  });
});
