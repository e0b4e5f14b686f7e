/** The import template: one sheet per table with the Chinese headers, and a 说明 sheet. */
import ExcelJS from "exceljs";
import { ioMessages as m } from "./messages.ts";
import { README_SHEET, TABLE_LIST } from "./tables.ts";
import { CENTER, HEADER_FILL, HEADER_FONT, workbookBytes } from "./xlsx.ts";

export async function writeImportTemplate(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const readme = wb.addWorksheet(README_SHEET);
  readme.addRow([m.readmeTitle]).font = { bold: true, size: 14 };
  for (const line of m.readmeIntro) readme.addRow([line]);
  readme.addRow([]);
  const head = readme.addRow([...m.readmeHeaders]);
  head.font = HEADER_FONT;
  for (const t of TABLE_LIST)
    for (const c of t.columns) readme.addRow([t.sheet, t.file, c.header, c.required ? "是" : "", c.note]);
  readme.columns = [{ width: 16 }, { width: 18 }, { width: 22 }, { width: 8 }, { width: 70 }];
  for (const t of TABLE_LIST) {
    const ws = wb.addWorksheet(t.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
    const row = ws.addRow(t.columns.map((c) => c.header));
    row.eachCell((cell, i) => {
      cell.fill = HEADER_FILL;
      cell.font = HEADER_FONT;
      cell.alignment = CENTER;
      const c = t.columns[i - 1];
      if (c?.note) cell.note = c.note;
    });
    ws.columns = t.columns.map((c) => ({ width: Math.max(12, c.header.length * 2 + 4) }));
    // Text format for code and date columns, so Excel keeps leading zeros and does not reformat dates.
    t.columns.forEach((c, i) => {
      if (c.kind !== "int" && c.kind !== "wan" && c.kind !== "yuan" && c.kind !== "year")
        ws.getColumn(i + 1).numFmt = "@";
    });
  }
  return workbookBytes(wb);
}
