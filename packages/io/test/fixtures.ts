import ExcelJS from "exceljs";
import { withCreditCheckChar } from "@liangxin/domain";
import { TABLES, workbookBytes } from "../src/index.ts";

export function creditCode(n: number): string {
  return withCreditCheckChar(`9136990299${String(n).padStart(7, "0")}`);
}

/**
 * A township's new hosts and their yearly figures: `hosts` host rows and three host-year rows each
 * (4 × hosts data rows). `badYearRow` (0-based among host-year rows) gets a negative employee count.
 */
export async function hostsWorkbook(opts: {
  hosts: number;
  township: string;
  badYearRow?: number;
  employees?: number;
  /** Founding date of every host (default 2020-03-01) and the years of figures (default 2023–2025). */
  foundedOn?: string;
  years?: number[];
}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const hs = wb.addWorksheet(TABLES.hosts.sheet);
  hs.addRow(["统一社会信用代码", "名称", "类别", "所在区划代码", "成立日期", "出资人是否党员"]);
  const ys = wb.addWorksheet(TABLES.hostYears.sheet);
  // Headers in another order than the template's.
  ys.addRow(["年度", "统一社会信用代码", "年营业收入(万元)", "从业人员数"]);
  let y = 0;
  for (let i = 0; i < opts.hosts; i++) {
    const code = creditCode(i + 1);
    hs.addRow([
      code,
      `测试导入企业${i + 1}有限公司`,
      "非公企业",
      opts.township,
      opts.foundedOn ?? "2020-03-01",
      "否",
    ]);
    for (const year of opts.years ?? [2023, 2024, 2025]) {
      const employees = y === opts.badYearRow ? "-3" : String((opts.employees ?? 10) + (i % 7));
      ys.addRow([String(year), code, "120.5", employees]);
      y++;
    }
  }
  return workbookBytes(wb);
}
