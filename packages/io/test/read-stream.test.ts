import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readImportWorkbook, readWorkbookSheets } from "../src/index.ts";
import { hostsWorkbook } from "./fixtures.ts";

/** 4,000 rows of Chinese text: the sheet's XML spans many chunks of the zip stream. */
function chineseRows(): string[][] {
  const words = ["社会组织", "非公企业", "联合党支部", "一线职工", "清源市第1区第14街道", "是"];
  return Array.from({ length: 4000 }, (_, i) => [
    `${words[i % words.length]}${i}`,
    `${"两新组织党建".repeat(1 + (i % 7))}`,
    words[(i * 7) % words.length]!,
  ]);
}

async function workbookBytes(sharedStrings: boolean, rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("两新组织");
  ws.addRow(["名称", "说明", "类别"]);
  for (const r of rows) ws.addRow(r);
  const buf = await wb.xlsx.writeBuffer({ useSharedStrings: sharedStrings } as ExcelJS.XlsxWriteOptions);
  return new Uint8Array(buf as ArrayBuffer);
}

describe("reading a large workbook as a stream", () => {
  for (const sharedStrings of [false, true]) {
    it(`keeps every Chinese character across chunk boundaries (${sharedStrings ? "shared" : "inline"} strings)`, async () => {
      const rows = chineseRows();
      const [sheet] = await readWorkbookSheets(await workbookBytes(sharedStrings, rows));
      expect(sheet!.name).toBe("两新组织");
      expect(sheet!.header).toEqual(["名称", "说明", "类别"]);
      expect(sheet!.rows.map((r) => r.cells)).toEqual(rows);
      expect(sheet!.rows.at(-1)!.row).toBe(rows.length + 1);
    });
  }
});

/** The same zip with its entries stored in another order (a zip's order carries no meaning). */
async function reorderEntries(bytes: Uint8Array, order: (name: string) => number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const out = new JSZip();
  for (const name of [...names].sort((a, b) => order(a) - order(b)))
    out.file(name, await zip.file(name)!.async("uint8array"));
  return out.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("reading a workbook whatever the order of its zip entries", () => {
  // exceljs's one-pass reader parsed the sheets as soon as the shared strings were in, before
  // xl/workbook.xml (stored last), and now and then refused a valid workbook (exceljs#3064).
  it("imports a workbook whose sheets come before xl/workbook.xml, with the shared strings first", async () => {
    const bytes = await reorderEntries(await hostsWorkbook({ hosts: 3, township: "369902001" }), (name) =>
      name === "xl/workbook.xml"
        ? 3
        : name.startsWith("xl/worksheets/")
          ? 2
          : name === "xl/sharedStrings.xml"
            ? 0
            : 1,
    );
    const read = await readImportWorkbook(bytes);
    expect(read.errors).toEqual([]);
    expect(read.tables.hosts.map((h) => h.name)).toEqual([
      "测试导入企业1有限公司",
      "测试导入企业2有限公司",
      "测试导入企业3有限公司",
    ]);
    expect(read.tables.hostYears).toHaveLength(9);
  });
});
