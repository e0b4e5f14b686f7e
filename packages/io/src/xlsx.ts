/** Small helpers around exceljs: a streaming writer to a file or a stream, bytes of an in-memory workbook. */
import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";

export type Target = string | Writable;

/**
 * A table printed on A4 landscape, one page wide (as long as it needs), centred, with `titleRows` (e.g.
 * "2:4") repeated on each printed page.
 */
export function a4Landscape(titleRows: string): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9, // A4
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    printTitlesRow: titleRows,
  };
}

export function streamingWorkbook(target: Target): ExcelJS.stream.xlsx.WorkbookWriter {
  const stream = typeof target === "string" ? createWriteStream(target) : target;
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
}

/** The bytes of an in-memory workbook. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

export const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2DCDB" } };
export const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true };
export const CENTER: Partial<ExcelJS.Alignment> = {
  vertical: "middle",
  horizontal: "center",
  wrapText: true,
};
