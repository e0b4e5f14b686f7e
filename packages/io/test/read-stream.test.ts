import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readWorkbookSheets } from "../src/index.ts";

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
