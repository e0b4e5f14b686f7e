/**
 * The import reads a worksheet's rows with its own loop over saxes (`worksheetRows`) instead of exceljs's
 * Row and Cell objects: every kind of cell a workbook can hold reads as exceljs's streaming reader reads it
 * (row numbers, values, the gaps between them), with shared or inline strings — and so imports the same.
 */
import { Readable, Writable } from "node:stream";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { worksheetRows, type SheetRow, type WorksheetInternals } from "../src/sheet-rows.ts";

/** A sheet with a cell of each kind: text (with entities), numbers, dates, booleans, formulas, errors… */
function fillSheet(ws: ExcelJS.Worksheet): void {
  ws.addRow(["名称", "数量", "日期", "是否", "公式"]);
  ws.addRow(["清源 & <公司>", 12, new Date(Date.UTC(2024, 2, 1)), true, { formula: "B2*2", result: 24 }]);
  ws.addRow(["&amp; 字面", 0.125, new Date(Date.UTC(1999, 11, 31)), false, { formula: "B3*0", result: 0 }]);
  ws.addRow([
    { richText: [{ text: "红" }, { font: { bold: true }, text: "色" }] },
    -3,
    null,
    null,
    { formula: 'A2&"x"', result: "清源x" },
  ]);
  ws.addRow([
    { text: "链接", hyperlink: "https://example.org" },
    { error: "#REF!" },
    null,
    null,
    { formula: "1+2" },
  ]);
  ws.addRow([]);
  const dated = ws.addRow(["格式为日期的数", 45352]);
  dated.getCell(2).numFmt = "yyyy/m/d";
  const sparse = ws.getRow(9);
  sparse.getCell(1).value = "稀疏";
  sparse.getCell(5).value = "第五列";
  sparse.getCell(7).style = { numFmt: "0.00" }; // styled, no value: not part of the row's values
  ws.addRow(["", "  两端空格  ", { formula: "NA()", result: { error: "#N/A" } }]);
}

/** The entries reordered so that exceljs's one-pass reader meets xl/workbook.xml before the sheets. */
async function workbookFirst(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const rank = (n: string) => (n.startsWith("xl/worksheets/sheet") ? 2 : n === "xl/workbook.xml" ? 0 : 1);
  const out = new JSZip();
  for (const name of [...names].sort((a, b) => rank(a) - rank(b)))
    out.file(name, await zip.file(name)!.async("uint8array"));
  return out.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

function reader(bytes: Uint8Array): ExcelJS.stream.xlsx.WorkbookReader {
  return new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
}

/** Each sheet's rows as exceljs's streaming reader hands them out. */
async function exceljsRows(bytes: Uint8Array): Promise<SheetRow[][]> {
  const sheets: SheetRow[][] = [];
  for await (const ws of reader(bytes)) {
    const rows: SheetRow[] = [];
    for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>)
      rows.push({ number: row.number, values: row.values as ExcelJS.CellValue[] });
    sheets.push(rows);
  }
  return sheets;
}

/** Each sheet's rows as `worksheetRows` reads them from the same reader's worksheets. */
async function ownRows(bytes: Uint8Array): Promise<SheetRow[][]> {
  const sheets: SheetRow[][] = [];
  for await (const ws of reader(bytes)) {
    const rows: SheetRow[] = [];
    for await (const batch of worksheetRows(ws as unknown as WorksheetInternals)) rows.push(...batch);
    sheets.push(rows);
  }
  return sheets;
}

describe("worksheetRows", () => {
  it("reads every kind of cell as exceljs's streaming reader does (shared strings)", async () => {
    const wb = new ExcelJS.Workbook();
    fillSheet(wb.addWorksheet("各种单元格"));
    fillSheet(wb.addWorksheet("第二张"));
    const bytes = await workbookFirst(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const expected = await exceljsRows(bytes);
    expect(expected).toHaveLength(2);
    expect(expected[0]!.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 7, 9, 10]);
    expect(await ownRows(bytes)).toEqual(expected);
  });

  it("reads every kind of cell as exceljs's streaming reader does (inline strings, as the export writes)", async () => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk);
        done();
      },
    });
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: sink,
      useSharedStrings: false,
      useStyles: true,
    });
    const ws = wb.addWorksheet("内联");
    fillSheet(ws as unknown as ExcelJS.Worksheet);
    ws.commit();
    await wb.commit();
    const bytes = await workbookFirst(new Uint8Array(Buffer.concat(chunks)));
    const expected = await exceljsRows(bytes);
    expect(expected[0]!.length).toBeGreaterThan(5);
    expect(await ownRows(bytes)).toEqual(expected);
  });
});
