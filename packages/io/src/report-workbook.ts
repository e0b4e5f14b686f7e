/**
 * The year-end report as an .xlsx workbook: a title, merged two-row headers (column groups over the
 * indicator dictionary), one row per unit and the 合计 row, then the signature block (填报单位 / 单位负责人 /
 * 填表人 / 填报日期); A4 landscape, fit to width, the title and header rows repeated on every printed page.
 * A township's report has its 附表 on a second sheet: one row per grassroots organization, the same rows and
 * columns as the print view's. Every report has its five-basics 附表 (五个基本) on a sheet of its own: per
 * row of the report, the grassroots organizations and how many meet each basic and all five.
 */
import ExcelJS from "exceljs";
import {
  ANNEX_COLUMN_GROUPS,
  BASICS_ANNEX_COLUMNS,
  BASICS_ANNEX_MET_LABEL,
  basicsAnnexValue,
  REPORT_COLUMN_GROUPS,
  REPORT_COLUMNS,
  REPORT_SIGNATURE_LABELS,
  indicatorValue,
  reportSignature,
  type ReportColumnGroup,
  type ReportView,
} from "@liangxin/core/reports";
import { TOTAL_ROW_NAME } from "@liangxin/domain";
import { a4Landscape } from "./xlsx.ts";

export const reportWorkbookMessages = {
  sheetName: "年报",
  annexSheetName: "附表",
  annexTitle: (name: string, year: number) => `${name} ${year}年 附表:基层党组织及党员情况`,
  basicsSheetName: "附表-五个基本",
  basicsTitle: (name: string, year: number) => `${name} ${year}年 附表:基层党组织“五个基本”情况`,
  basicsSubtitle: (on: string) => `统计时点:${on}`,
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

const PAGE_SETUP = a4Landscape(`1:${REPORT_HEADER_ROWS}`);

/** A sheet with the title (1), subtitle (2), group (3) and column (4) rows over the given columns. */
function addTableSheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  subtitle: string,
  groups: readonly ReportColumnGroup[],
): ExcelJS.Worksheet {
  const m = reportWorkbookMessages;
  const columns = groups.flatMap((g) => g.columns);
  const ws = wb.addWorksheet(name, {
    pageSetup: { ...PAGE_SETUP },
    views: [{ state: "frozen", xSplit: 1, ySplit: REPORT_HEADER_ROWS }],
  });
  const width = REPORT_LEAD_COLUMNS + columns.length;
  ws.columns = [{ width: 30 }, { width: 16 }, ...columns.map((c) => ({ width: c.rate ? 10 : 8 }))];

  ws.mergeCells(1, 1, 1, width);
  const titleCell = ws.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 16 };
  titleCell.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 28;
  ws.mergeCells(2, 1, 2, width);
  const sub = ws.getCell(2, 1);
  sub.value = subtitle;
  sub.alignment = { horizontal: "center" };

  // Group row (3) and column row (4); 单位 and 组织代码 span both.
  ws.mergeCells(3, 1, 4, 1);
  ws.getCell(3, 1).value = m.unit;
  ws.mergeCells(3, 2, 4, 2);
  ws.getCell(3, 2).value = m.code;
  let col = REPORT_LEAD_COLUMNS + 1;
  for (const g of groups) {
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
  return ws;
}

/** A data row under a table sheet's header. */
function addLine(
  ws: ExcelJS.Worksheet,
  groups: readonly ReportColumnGroup[],
  name: string,
  code: string,
  ind: ReportView["total"],
  bold: boolean,
): ExcelJS.Row {
  const columns = groups.flatMap((g) => g.columns);
  const row = ws.addRow([name, code, ...columns.map((c) => indicatorValue(ind, c.key))]);
  row.eachCell({ includeEmpty: true }, (cell, c) => {
    cell.border = border;
    if (bold) cell.font = { bold: true };
    const def = columns[c - REPORT_LEAD_COLUMNS - 1];
    if (def) {
      cell.alignment = { horizontal: "right" };
      if (def.rate) cell.numFmt = "0.00";
    }
  });
  return row;
}

/** A blank line to sign on by hand where no name was given. */
const SIGN_LINE = "________________";

/**
 * The signature block two rows under the table: 填报单位 and 单位负责人 on one row, 填表人 and 填报日期 on the
 * next, each label followed by its value (or a line to sign on).
 */
function addSignature(ws: ExcelJS.Worksheet, view: ReportView, width: number): void {
  const s = reportSignature(view);
  const L = REPORT_SIGNATURE_LABELS;
  const half = Math.max(3, Math.floor(width / 2));
  const first = ws.rowCount + 2;
  const pairs: [string, string | null][][] = [
    [
      [L.unit, s.unit],
      [L.unitHead, s.unitHead],
    ],
    [
      [L.preparer, s.preparer],
      [L.date, s.date],
    ],
  ];
  pairs.forEach((pair, i) => {
    const r = first + i;
    pair.forEach(([label, value], j) => {
      const at = 1 + j * half;
      ws.getCell(r, at).value = `${label}:`;
      ws.getCell(r, at).font = { bold: true };
      ws.getCell(r, at).alignment = { horizontal: "right" };
      const end = Math.min(width, at + half - 1);
      if (end > at + 1) ws.mergeCells(r, at + 1, r, end);
      ws.getCell(r, at + 1).value = value ?? SIGN_LINE;
    });
    ws.getRow(r).height = 24;
  });
}

export function buildReportWorkbook(view: ReportView): ExcelJS.Workbook {
  const m = reportWorkbookMessages;
  const wb = new ExcelJS.Workbook();
  wb.creator = "两新组织党建工作信息系统";
  const subtitle = `${m.subtitle(view.asOf, view.policy.effectiveOn)}  ${m.source(SOURCE_LABELS[view.source])}`;
  const ws = addTableSheet(
    wb,
    m.sheetName,
    m.title(view.node.name, view.year),
    subtitle,
    REPORT_COLUMN_GROUPS,
  );
  for (const r of view.rows) addLine(ws, REPORT_COLUMN_GROUPS, r.name, r.code, r.indicators, false);
  addLine(ws, REPORT_COLUMN_GROUPS, TOTAL_ROW_NAME, view.node.code, view.total, true);
  addSignature(ws, view, REPORT_LEAD_COLUMNS + REPORT_COLUMNS.length);

  // 附表: the view's annex rows, as the print view lists them.
  if (view.annex.length > 0) {
    const annex = addTableSheet(
      wb,
      m.annexSheetName,
      m.annexTitle(view.node.name, view.year),
      subtitle,
      ANNEX_COLUMN_GROUPS,
    );
    for (const r of view.annex) addLine(annex, ANNEX_COLUMN_GROUPS, r.name, r.code, r.indicators, false);
  }
  // 附表 五个基本 (absent from a report frozen before it existed).
  if (view.basics) addBasicsSheet(wb, view, view.basics);
  return wb;
}

/** The five-basics 附表: title, subtitle, a two-row header, one row per report row and the 合计. */
function addBasicsSheet(
  wb: ExcelJS.Workbook,
  view: ReportView,
  basics: NonNullable<ReportView["basics"]>,
): void {
  const m = reportWorkbookMessages;
  const width = REPORT_LEAD_COLUMNS + BASICS_ANNEX_COLUMNS.length;
  const ws = wb.addWorksheet(m.basicsSheetName, {
    pageSetup: { ...PAGE_SETUP },
    views: [{ state: "frozen", xSplit: 1, ySplit: REPORT_HEADER_ROWS }],
  });
  ws.columns = [{ width: 30 }, { width: 16 }, ...BASICS_ANNEX_COLUMNS.map(() => ({ width: 12 }))];
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).value = m.basicsTitle(view.node.name, view.year);
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 28;
  ws.mergeCells(2, 1, 2, width);
  ws.getCell(2, 1).value = `${m.basicsSubtitle(basics.on)}  ${m.source(SOURCE_LABELS[view.source])}`;
  ws.getCell(2, 1).alignment = { horizontal: "center" };
  // 单位, 组织代码 and 基层党组织数 span both header rows; the basics sit under one group.
  const lead = REPORT_LEAD_COLUMNS + 1;
  ws.mergeCells(3, 1, 4, 1);
  ws.getCell(3, 1).value = m.unit;
  ws.mergeCells(3, 2, 4, 2);
  ws.getCell(3, 2).value = m.code;
  ws.mergeCells(3, lead, 4, lead);
  ws.getCell(3, lead).value = BASICS_ANNEX_COLUMNS[0]!.label;
  ws.mergeCells(3, lead + 1, 3, width);
  ws.getCell(3, lead + 1).value = BASICS_ANNEX_MET_LABEL;
  BASICS_ANNEX_COLUMNS.slice(1).forEach((c, i) => (ws.getCell(4, lead + 1 + i).value = c.label));
  for (let r = 3; r <= REPORT_HEADER_ROWS; r++) {
    const row = ws.getRow(r);
    row.height = r === 4 ? 40 : 20;
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.font = { bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.border = border;
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
    }
  }
  const line = (name: string, code: string, count: (typeof basics)["total"], bold: boolean) => {
    const row = ws.addRow([name, code, ...BASICS_ANNEX_COLUMNS.map((c) => basicsAnnexValue(count, c.key))]);
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cell.border = border;
      if (bold) cell.font = { bold: true };
      if (c > REPORT_LEAD_COLUMNS) cell.alignment = { horizontal: "right" };
    });
  };
  for (const r of basics.rows) line(r.name, r.code, r.count, false);
  line(TOTAL_ROW_NAME, view.node.code, basics.total, true);
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
