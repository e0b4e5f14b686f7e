/**
 * The year-end report as an .xlsx workbook: a title, merged two-row headers (column groups over the
 * indicator dictionary), one row per unit and the 合计 row; A4 landscape, fit to width, the title and
 * header rows repeated on every printed page.
 */
import ExcelJS from "exceljs";
import { REPORT_COLUMN_GROUPS, REPORT_COLUMNS, indicatorValue, type ReportView } from "@liangxin/db";
import { TOTAL_ROW_NAME } from "@liangxin/domain";

export const reportWorkbookMessages = {
  sheetName: "年报",
  title: (name: string, year: number) => `${name} ${year}年 非公有制企业和社会组织党建工作情况统计表`,
  subtitle: (asOf: string, policyOn: string) => `统计时点:${asOf}  适用政策参数:${policyOn} 起施行`,
  unit: "单位",
  code: "组织代码",
  source: (s: string) => `数据状态:${s}`,
  fileName: (name: string, year: number) => `${name}${year}年党内统计年报.xlsx`,
} as const;

const SOURCE_LABELS: Record<ReportView["source"], string> = {
  live: "按台账实时计算(未上报)",
  submitted: "已上报(数据已锁定,待审核)",
  approved: "已审核通过(数据已锁定)",
};

/** The header rows: 1 title, 2 subtitle, 3 group, 4 column. Data starts on row 5. */
export const REPORT_HEADER_ROWS = 4;
/** Columns before the indicators: 单位, 组织代码. */
export const REPORT_LEAD_COLUMNS = 2;

const thin = { style: "thin" as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

export function buildReportWorkbook(view: ReportView): ExcelJS.Workbook {
  const m = reportWorkbookMessages;
  const wb = new ExcelJS.Workbook();
  wb.creator = "两新组织党建工作信息系统";
  const ws = wb.addWorksheet(m.sheetName, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      printTitlesRow: `1:${REPORT_HEADER_ROWS}`,
    },
    views: [{ state: "frozen", xSplit: 1, ySplit: REPORT_HEADER_ROWS }],
  });
  const width = REPORT_LEAD_COLUMNS + REPORT_COLUMNS.length;
  ws.columns = [{ width: 30 }, { width: 16 }, ...REPORT_COLUMNS.map((c) => ({ width: c.rate ? 10 : 8 }))];

  ws.mergeCells(1, 1, 1, width);
  const title = ws.getCell(1, 1);
  title.value = m.title(view.node.name, view.year);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 28;
  ws.mergeCells(2, 1, 2, width);
  const sub = ws.getCell(2, 1);
  sub.value = `${m.subtitle(view.asOf, view.policy.effectiveOn)}  ${m.source(SOURCE_LABELS[view.source])}`;
  sub.alignment = { horizontal: "center" };

  // Group row (3) and column row (4); 单位 and 组织代码 span both.
  ws.mergeCells(3, 1, 4, 1);
  ws.getCell(3, 1).value = m.unit;
  ws.mergeCells(3, 2, 4, 2);
  ws.getCell(3, 2).value = m.code;
  let col = REPORT_LEAD_COLUMNS + 1;
  for (const g of REPORT_COLUMN_GROUPS) {
    const end = col + g.columns.length - 1;
    if (end > col) ws.mergeCells(3, col, 3, end);
    ws.getCell(3, col).value = g.label;
    g.columns.forEach((c, i) => (ws.getCell(4, col + i).value = c.label));
    col = end + 1;
  }
  for (let r = 3; r <= REPORT_HEADER_ROWS; r++) {
    const row = ws.getRow(r);
    row.height = r === 4 ? 60 : 20;
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.font = { bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.border = border;
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
    }
  }

  const line = (name: string, code: string, ind: ReportView["total"], bold: boolean) => {
    const row = ws.addRow([name, code, ...REPORT_COLUMNS.map((c) => indicatorValue(ind, c.key))]);
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cell.border = border;
      if (bold) cell.font = { bold: true };
      const def = REPORT_COLUMNS[c - REPORT_LEAD_COLUMNS - 1];
      if (def) {
        cell.alignment = { horizontal: "right" };
        if (def.rate) cell.numFmt = "0.00";
      }
    });
    return row;
  };
  for (const r of view.rows) line(r.name, r.code, r.indicators, false);
  line(TOTAL_ROW_NAME, view.node.code, view.total, true);
  return wb;
}

/** The workbook as bytes, ready for a download or a file. */
export async function reportWorkbookBuffer(view: ReportView): Promise<Uint8Array> {
  const data = await buildReportWorkbook(view).xlsx.writeBuffer();
  return new Uint8Array(data as ArrayBuffer);
}

/** The download name, e.g. 清河县…2026年党内统计年报.xlsx. */
export function reportFileName(view: ReportView): string {
  return reportWorkbookMessages.fileName(view.node.name, view.year);
}
