import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { loginAndWait } from "./helpers";

const YEAR = 2026;
const dbFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", ".tmp", "e2e.db");

/** A host operating at the end of the year in the township of the `township` demo account. */
function townshipHost(): number {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db
      .prepare(
        `select h.id from hosts h join orgs o on o.region_id = h.region_id
         join users u on u.org_id = o.id and u.username = 'township'
         where h.founded_on <= '${YEAR}-12-31' and (h.closed_on is null or h.closed_on > '${YEAR}-12-31')
         order by h.id limit 1`,
      )
      .pluck()
      .get() as number;
  } finally {
    db.close();
  }
}

/**
 * The township administrator edits a record the way the portal does: through the write API over real
 * HTTP (records.host.setYear), here the host's employees of the report year. The current figure is read
 * from the database file (read-only) to compute the new one.
 */
async function addEmployees(page: Page, hostId: number, delta: number, status = 200): Promise<string> {
  const db = new Database(dbFile, { readonly: true });
  let latest: { employees: number; revenue: number | null } | undefined;
  try {
    latest = db
      .prepare(
        "select employees, revenue from host_years where host_id = ? and year <= ? order by year desc limit 1",
      )
      .get(hostId, YEAR) as { employees: number; revenue: number | null } | undefined;
  } finally {
    db.close();
  }
  const res = await page.request.post("/api/trpc/records.host.setYear", {
    // As the page's own request would: the portal refuses a POST of another origin (issue 16).
    headers: { origin: new URL(page.url()).origin },
    data: {
      json: {
        hostId,
        year: YEAR,
        employees: (latest?.employees ?? 0) + delta,
        revenue: latest?.revenue ?? null,
      },
    },
  });
  const text = await res.text();
  expect(res.status(), text).toBe(status);
  return text;
}

async function totalEmployees(page: Page): Promise<number> {
  const text = await page.getByTestId("report-total-row").locator('td[data-key="employees"]').innerText();
  return Number(text);
}

async function submitWithExplanations(page: Page): Promise<void> {
  const boxes = page.locator('textarea[data-testid^="explanation-"]');
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).fill("已逐项核实,情况属实");
  await page.getByTestId("submit-report").click();
  await expect(page.getByTestId("submission-state")).toHaveAttribute("data-state", "submitted");
}

async function openTownshipAsCounty(page: Page): Promise<void> {
  await loginAndWait(page, "county");
  await page.goto(`/reports/${YEAR}`);
  await page.getByTestId("child-row").filter({ hasText: "柳林镇" }).getByRole("link").click();
  await expect(page.getByTestId("report-title")).toContainText("柳林镇");
}

test("township submits, county returns with a reason, township fixes and resubmits, county approves; later edits leave the approved figures", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const hostId = townshipHost();

  // 1. The township submits its report, explaining each warning.
  const township = await (await browser.newContext()).newPage();
  await loginAndWait(township, "township");
  await township.goto(`/reports/${YEAR}`);
  await expect(township.getByTestId("report-table")).toBeVisible();
  await expect(township.getByTestId("report-policy")).toContainText("适用政策参数");
  await expect(township.getByTestId("report-yoy")).toContainText("组织覆盖率");
  await expect(township.getByTestId("submission-state")).toHaveAttribute("data-state", "none");
  await submitWithExplanations(township);

  // 2. The county returns it with a reason.
  const county = await (await browser.newContext()).newPage();
  await openTownshipAsCounty(county);
  await expect(county.getByTestId("submission-state")).toHaveAttribute("data-state", "submitted");
  await county.getByTestId("return-reason-input").fill("请核实从业人员数");
  await county.getByTestId("return-report").click();
  await expect(county.getByTestId("submission-state")).toHaveAttribute("data-state", "returned");

  // 3. The township sees the reason, fixes a record through the write API, the report is recomputed, resubmits.
  await township.reload();
  await expect(township.getByTestId("return-reason")).toContainText("请核实从业人员数");
  const before = await totalEmployees(township);
  await addEmployees(township, hostId, 7);
  await township.reload();
  await expect.poll(() => totalEmployees(township)).toBe(before + 7);
  await submitWithExplanations(township);

  // 4. The county approves.
  await county.reload();
  await expect(county.getByTestId("submission-state")).toHaveAttribute("data-state", "submitted");
  await county.getByTestId("approve-report").click();
  await county.getByRole("button", { name: /确\s*定|OK/ }).click();
  await expect(county.getByTestId("submission-state")).toHaveAttribute("data-state", "approved");
  const approved = await totalEmployees(county);
  expect(approved).toBe(before + 7);

  // 5. Editing a record of the approved year afterwards (the write API again) is refused by the period lock,
  //    naming who can lift it; the approved figures stay, for both sides and in the county's own report.
  const refused = await addEmployees(township, hostId, 100, 400);
  expect(refused).toContain("年年报已审核通过,数据已锁定");
  expect(refused).toContain("撤销审核");
  await township.reload();
  await expect(township.getByTestId("report-source")).toContainText("审核通过");
  expect(await totalEmployees(township)).toBe(approved);
  await county.goto(`/reports/${YEAR}`);
  const frozenRow = county.getByTestId("report-row").filter({ hasText: "柳林镇" });
  await expect(frozenRow).toContainText("审核数");
  expect(Number(await frozenRow.locator('td[data-key="employees"]').innerText())).toBe(approved);
  await expect(county.getByTestId("child-row").filter({ hasText: "柳林镇" })).toContainText("已审核通过");

  // The workbook downloads with a Chinese file name.
  const res = await county.request.get(`/api/reports/${YEAR}/xlsx`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-disposition"]).toContain("filename*=UTF-8''");

  // 6. The county reopens it (撤销审核, with a reason): 柳林镇's records of this year can be edited again (the
  //    specs after this one edit them), and the report goes back to 已退回.
  await county.goto(`/reports/${YEAR}`);
  await county.getByTestId("child-row").filter({ hasText: "柳林镇" }).getByRole("link").click();
  await expect(county.getByTestId("submission-state")).toHaveAttribute("data-state", "approved");
  await county.getByTestId("reopen-reason-input").fill("年度尚未结束,继续更新台账");
  await county.getByTestId("reopen-report").click();
  await county.getByRole("button", { name: /确\s*定|OK/ }).click();
  await expect(county.getByTestId("submission-state")).toHaveAttribute("data-state", "returned");
  await addEmployees(township, hostId, 0);
});

test("the analysis page shows the charts and the ranking; a figure opens the records behind it", async ({
  page,
}) => {
  await loginAndWait(page, "city");
  await page.getByTestId("nav-menu").getByRole("link", { name: "统计分析" }).click();
  await expect(page.getByTestId("chart-units").locator("canvas").first()).toBeVisible();
  await expect(page.getByTestId("chart-trend").locator("canvas").first()).toBeVisible();
  const ranking = page.getByTestId("ranking-table");
  await expect(ranking).toContainText("县");
  await ranking.locator("tbody tr").first().locator("td").nth(2).getByRole("link").click();
  await expect(page.getByTestId("drill-page")).toBeVisible();
  await expect(page.getByTestId("drill-hosts").locator("tbody tr").first()).toBeVisible();
});
