/**
 * Workbooks to upload in the import tests: new hosts of a township of the demo and their yearly figures.
 */
import ExcelJS from "exceljs";
import { expect, type APIRequestContext } from "@playwright/test";
import { creditCodeCheckChar } from "@liangxin/domain";

export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A valid 统一社会信用代码 of a 17-character body (its check character computed). */
export function withCheckChar(body17: string): string {
  return body17 + creditCodeCheckChar(body17)!;
}

/** The `n`-th credit code of a numbered series (`prefix` of 10 characters). */
export const creditCode = (n: number, prefix = "9136990277"): string =>
  withCheckChar(`${prefix}${String(n).padStart(7, "0")}`);

/** A valid credit code of a 济南 enterprise with a random tail (unique enough for a test's new host). */
export function randomCreditCode(): string {
  const charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const tail = Array.from({ length: 9 }, () => charset[Math.floor(Math.random() * charset.length)]).join("");
  return withCheckChar(`91370102${tail}`);
}

/**
 * `hosts` new hosts of 369902001 and their yearly figures. By default they are founded this year with this
 * year's figures (2 × hosts data rows): the demo's past years are approved and locked (issue 18).
 */
export async function workbook(
  hosts: number,
  opts: { badYearRow?: number; foundedOn?: string; years?: string[]; prefix?: string; name?: string } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const hs = wb.addWorksheet("两新组织");
  hs.addRow(["统一社会信用代码", "名称", "类别", "所在区划代码", "成立日期"]);
  const ys = wb.addWorksheet("经营数据");
  ys.addRow(["统一社会信用代码", "年度", "从业人员数", "年营业收入(万元)"]);
  let y = 0;
  for (let i = 1; i <= hosts; i++) {
    const code = creditCode(i, opts.prefix);
    hs.addRow([
      code,
      `${opts.name ?? "端到端导入企业"}${i}有限公司`,
      "非公企业",
      "369902001",
      opts.foundedOn ?? "2026-02-01",
    ]);
    for (const year of opts.years ?? ["2026"]) {
      ys.addRow([code, year, y === opts.badYearRow ? "很多" : String(8 + (i % 9)), "88.5"]);
      y++;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An import or export job of the caller, through `io.job` (`base`: the portal's address, or the context's). */
export async function jobState(request: APIRequestContext, id: number, base = "") {
  const input = encodeURIComponent(JSON.stringify({ json: { id } }));
  const res = await request.get(`${base}/api/trpc/io.job?input=${input}`);
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as {
    result: { data: { json: { state: string; done: number; total: number; summary: unknown } } };
  };
  return body.result.data.json;
}
