/** The error report of an import as a workbook: sheet, row, column, value, reason. */
import ExcelJS from "exceljs";
import { ioMessages as m } from "./messages.ts";
import type { ImportError } from "./tables.ts";
import { HEADER_FILL, HEADER_FONT, workbookBytes } from "./xlsx.ts";

export async function writeErrorReport(errors: readonly ImportError[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(m.errorReportSheet, { views: [{ state: "frozen", ySplit: 1 }] });
  const head = ws.addRow([...m.errorHeaders]);
  head.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.font = HEADER_FONT;
  });
  for (const e of errors) ws.addRow([e.sheet, e.row ?? "", e.column, e.value, e.reason]);
  ws.columns = [{ width: 16 }, { width: 8 }, { width: 20 }, { width: 24 }, { width: 80 }];
  return workbookBytes(wb);
}

/** One line per error for a terminal. */
export function formatError(e: ImportError): string {
  const where = [e.sheet, e.row === null ? "" : `第${e.row}行`, e.column].filter((s) => s !== "").join(" ");
  return `${where}${e.value ? `「${e.value}」` : ""}:${e.reason}`;
}
