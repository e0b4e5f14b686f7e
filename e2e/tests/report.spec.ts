/**
 * The year-end report workflow in the browser (issue 6, issue 18), on a portal of its own: a copy of the demo
 * with the clock pinned after the demo year's end (REPORT_NOW, 2027-01-10), when the 2026 reporting window
 * is open. The main portal of the run stays on the canonical demo day, where 2026 cannot be submitted yet.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { REPORT_NOW } from "./clock.ts";
import { answerConfirm, fillDate, loginAndWait, selectOption } from "./helpers.ts";
import { seedDemoFile, startExtraPortal, type ExtraPortal } from "./portal-kit.ts";

const YEAR = 2026;
const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", ".tmp", "report-spec");
const dbFile = path.join(dir, "report.db");

let portal: ExtraPortal | undefined;
/** The browser contexts opened on this spec's portal, closed before it stops. */
const contexts: BrowserContext[] = [];

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  seedDemoFile(dbFile);
  portal = await startExtraPortal("report-2027", { DATABASE_URL: dbFile, LIANGXIN_NOW: REPORT_NOW });
});

test.afterAll(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await portal?.stop();
});

/** A signed-in page of `username` on this spec's portal. */
async function pageOf(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: portal!.baseURL });
  contexts.push(context);
  const page = await context.newPage();
  await loginAndWait(page, username);
  return page;
}

function one<T>(sql: string, ...params: unknown[]): T {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db
      .prepare(sql)
      .pluck()
      .get(...params) as T;
  } finally {
    db.close();
  }
}

/** A host operating at the end of the year in the township of the `township` demo account. */
function townshipHost(): number {
  return one<number>(
    `select h.id from hosts h join orgs o on o.region_id = h.region_id
     join users u on u.org_id = o.id and u.username = 'township'
     where h.founded_on <= '${YEAR}-12-31' and (h.closed_on is null or h.closed_on > '${YEAR}-12-31')
     order by h.id limit 1`,
  );
}

/** A branch directly under 柳林镇's committee holding members (the one the county re-parents). */
function liulinBranch(): { id: number; name: string } {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db
      .prepare(
        `select o.id, o.name from orgs o join orgs p on p.id = o.parent_id
         join users u on u.org_id = p.id and u.username = 'township'
         where o.category = 'branch' and o.revoked_on is null
           and exists(select 1 from members m where m.org_id = o.id)
         order by o.id limit 1`,
      )
      .get() as { id: number; name: string };
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
  // The revenue is held in 分; the API takes the 万元 a user types (its exact text).
  let latest: { employees: number; revenue: string | null } | undefined;
  try {
    latest = db
      .prepare(
        `select employees, case when revenue_fen is null then null
           else (revenue_fen / 1000000) || '.' || substr('000000' || (revenue_fen % 1000000), -6) end as revenue
         from host_years where host_id = ? and year <= ? order by year desc limit 1`,
      )
      .get(hostId, YEAR) as { employees: number; revenue: string | null } | undefined;
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

/** The township's stored submission of the year (its state), or undefined. */
const storedSubmission = () =>
  one<string | undefined>(
    `select s.state from report_submissions s join users u on u.org_id = s.org_id and u.username = 'township'
     where s.year = ?`,
    YEAR,
  );

/** The 单位负责人 and 填表人 the township names at 上报. */
const UNIT_HEAD = "张建国";
const PREPARER = "李晓梅";

/**
 * 上报 asks first; with `cancelFirst`, 取消 is tried before and must leave the report as it was, and so must
 * 确定 without the two names (the form says which is missing).
 */
async function submitWithExplanations(page: Page, opts: { cancelFirst?: boolean } = {}): Promise<void> {
  const boxes = page.locator('textarea[data-testid^="explanation-"]');
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).fill("已逐项核实,情况属实");
  const state = page.getByTestId("submission-state");
  if (opts.cancelFirst) {
    const before = await state.getAttribute("data-state");
    const stored = storedSubmission();
    await page.getByTestId("submit-report").click();
    await answerConfirm(page, "cancel");
    await expect(state).toHaveAttribute("data-state", before ?? "");
    expect(storedSubmission()).toBe(stored);
    await page.getByTestId("submit-report").click();
    await answerConfirm(page, "ok");
    const form = page.getByTestId("submit-form");
    await expect(form).toContainText("请填写单位负责人姓名");
    await expect(form).toContainText("请填写填表人姓名");
    await expect(state).toHaveAttribute("data-state", before ?? "");
    expect(storedSubmission()).toBe(stored);
  }
  await page.getByTestId("submit-unit-head").fill(UNIT_HEAD);
  await page.getByTestId("submit-preparer").fill(PREPARER);
  await page.getByTestId("submit-report").click();
  await answerConfirm(page, "ok");
  await expect(state).toHaveAttribute("data-state", "submitted");
  expect(storedSubmission()).toBe("submitted");
}

async function approve(county: Page): Promise<void> {
  await expect(county.getByTestId("submission-state")).toHaveAttribute("data-state", "submitted");
  await county.getByTestId("approve-report").click();
  await county.getByRole("button", { name: /确\s*定|OK/ }).click();
  await expect(county.getByTestId("submission-state")).toHaveAttribute("data-state", "approved");
}

async function openTownshipAsCounty(page: Page): Promise<void> {
  await page.goto(`/reports/${YEAR}`);
  await page.getByTestId("child-row").filter({ hasText: "柳林镇" }).getByRole("link").click();
  await expect(page.getByTestId("report-title")).toContainText("柳林镇");
}

test("2026 after its year end: submit, return, approve; the period lock refuses a back-dated re-parenting until the county reopens; resubmitted, the city's figures equal a live count", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const hostId = townshipHost();

  // 1. The township submits its report, explaining each warning.
  const township = await pageOf(browser, "township");
  await township.goto(`/reports/${YEAR}`);
  await expect(township.getByTestId("clock-banner")).toContainText("2027-01-10");
  await expect(township.getByTestId("report-table")).toBeVisible();
  await expect(township.getByTestId("report-policy")).toContainText("适用政策参数");
  await expect(township.getByTestId("report-yoy")).toContainText("组织覆盖率");
  await expect(township.getByTestId("submission-state")).toHaveAttribute("data-state", "none");
  await expect(township.getByTestId("report-window")).toHaveCount(0);
  // Before 上报 the block under the table leaves the names and the date to be written by hand.
  await expect(township.getByTestId("signature-unit")).toContainText("填报单位:");
  await expect(township.getByTestId("signature-unit")).toContainText("柳林镇");
  await expect(township.getByTestId("signature-unitHead").locator(".sign-line")).toBeVisible();
  await submitWithExplanations(township, { cancelFirst: true });
  await expect(township.getByTestId("signature-unitHead")).toHaveText(`单位负责人:${UNIT_HEAD}`);
  await expect(township.getByTestId("signature-preparer")).toHaveText(`填表人:${PREPARER}`);
  await expect(township.getByTestId("signature-date")).toHaveText(`填报日期:${REPORT_NOW.slice(0, 10)}`);

  // 2. The county finds it waiting in its 待办 and returns it with a reason.
  const county = await pageOf(browser, "county");
  await county.goto("/inbox");
  const waiting = county.getByTestId("inbox-table").locator("tr", { hasText: "年报待审核" });
  await expect(waiting).toContainText(`柳林镇`);
  await expect(waiting).toContainText(`${YEAR}年年报`);
  await openTownshipAsCounty(county);
  await expect(county.getByTestId("submission-state")).toHaveAttribute("data-state", "submitted");
  await county.getByTestId("return-reason-input").fill("请核实从业人员数");
  // 退回 asks first: 取消 leaves it submitted.
  await county.getByTestId("return-report").click();
  await answerConfirm(county, "cancel");
  expect(storedSubmission()).toBe("submitted");
  await county.getByTestId("return-report").click();
  await answerConfirm(county, "ok");
  await expect(county.getByTestId("submission-state")).toHaveAttribute("data-state", "returned");
  expect(storedSubmission()).toBe("returned");

  // 3. The township sees the return in its 待办 with the reason, fixes a record through the write API, the
  //    report is recomputed, resubmits.
  await township.goto("/inbox");
  await expect(township.getByTestId("inbox-table").locator("tr", { hasText: "年报被退回" })).toContainText(
    "请核实从业人员数",
  );
  await township.goto(`/reports/${YEAR}`);
  await expect(township.getByTestId("return-reason")).toContainText("请核实从业人员数");
  const before = await totalEmployees(township);
  await addEmployees(township, hostId, 7);
  await township.reload();
  await expect.poll(() => totalEmployees(township)).toBe(before + 7);
  await submitWithExplanations(township);

  // 4. The county approves.
  await county.reload();
  await approve(county);
  const approved = await totalEmployees(county);
  expect(approved).toBe(before + 7);

  // 5. Editing a record of the approved year afterwards is refused by the period lock, naming who can lift
  //    it; the approved figures stay, for both sides and in the county's own report.
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

  // 6. The county re-parents a branch of 柳林镇 to the 物流行业党委, back-dated to 2026-12-03: refused, with
  //    the lock's message.
  const branch = liulinBranch();
  const reparent = async () => {
    await county.goto(`/orgs/${branch.id}`);
    const form = county.getByTestId("reparent-org");
    await selectOption(county, form, "调整到(新上级党组织)", "物流行业委员会", { search: true });
    await fillDate(form.getByTestId("reparent-effective-on"), "2026-12-03");
    await form.getByTestId("reparent-submit").click();
    return form;
  };
  const lockedForm = await reparent();
  await expect(lockedForm.getByTestId("form-error")).toContainText("2026 年年报已审核通过,数据已锁定");
  await expect(lockedForm.getByTestId("form-error")).toContainText("撤销审核");
  await expect(county.getByTestId("org-parent-name")).toContainText("柳林镇");

  // 7. The county reopens 柳林镇's 2026 (撤销审核, with a reason): the re-parenting goes through.
  await openTownshipAsCounty(county);
  await expect(county.getByTestId("submission-state")).toHaveAttribute("data-state", "approved");
  await county.getByTestId("reopen-reason-input").fill("支部隶属关系调整,需重新上报");
  await county.getByTestId("reopen-report").click();
  await county.getByRole("button", { name: /确\s*定|OK/ }).click();
  await expect(county.getByTestId("submission-state")).toHaveAttribute("data-state", "returned");
  const movedForm = await reparent();
  await expect(movedForm.getByTestId("form-notice")).toBeVisible();
  await expect(county.getByTestId("org-parent-name")).toContainText("物流行业委员会");

  // 8. 校核 of the township's recomputed report names no difference; it resubmits and the county approves.
  await township.goto(`/reports/${YEAR}`);
  await expect(township.getByTestId("submission-state")).toHaveAttribute("data-state", "returned");
  await expect(township.getByTestId("report-checks")).toBeVisible();
  await expect(township.getByTestId("check-error")).toHaveCount(0);
  await submitWithExplanations(township);
  await openTownshipAsCounty(county);
  await approve(county);

  // 9. The city's 2026 figures (柳林镇's row approved, the rest live) equal a live count of the city's records:
  //    the moved branch is counted once, under the 物流行业党委.
  const city = await pageOf(browser, "city");
  await city.goto(`/reports/${YEAR}`);
  await expect(city.getByTestId("report-checks")).toBeVisible();
  await expect(city.getByTestId("check-error").filter({ hasText: /按实时数据|重复统计/ })).toHaveCount(0);
  const cityId = one<number>("select org_id from users where username = 'city'");
  for (const key of [
    "orgs.total",
    "members.total",
    "hosts",
    "orgCovered",
    "flows.opening",
    "flows.closing",
  ]) {
    const shown = Number(
      await city.getByTestId("report-total-row").locator(`td[data-key="${key}"]`).innerText(),
    );
    const q = encodeURIComponent(JSON.stringify({ json: { nodeId: cityId, year: YEAR, key, live: true } }));
    const drill = (await (await city.request.get(`/api/trpc/report.drill?input=${q}`)).json()) as {
      result: { data: { json: { source: string; hosts: unknown[]; orgs: unknown[]; members: unknown[] } } };
    };
    const live = drill.result.data.json;
    expect(live.source, key).toBe("live");
    expect(shown, key).toBe(live.hosts.length + live.orgs.length + live.members.length);
  }
  // A member-flow figure opens the members behind it.
  await city.getByTestId("report-total-row").locator('td[data-key="flows.closing"] a').click();
  await expect(city.getByTestId("drill-page")).toContainText("党员变动·年末");
});

/** A host operating at the end of the year outside the territory of the `township` account (not locked). */
function hostOutsideTownship(): number {
  return one<number>(
    `select h.id from hosts h join regions r on r.id = h.region_id,
       (select tr.path from regions tr join orgs o on o.region_id = tr.id
        join users u on u.org_id = o.id and u.username = 'township') t
     where substr(r.path, 1, length(t.path)) <> t.path
       and h.founded_on <= '${YEAR}-12-31' and (h.closed_on is null or h.closed_on > '${YEAR}-12-31')
     order by h.id limit 1`,
  );
}

test("the city keeps the 校核 of 2026 (it submits to no one); a back-dated change then shows as 数据已变更 until the 校核 is saved again", async ({
  browser,
}) => {
  const city = await pageOf(browser, "city");
  await city.goto(`/reports/${YEAR}`);
  await expect(city.getByTestId("last-check")).toContainText("尚未保存校核");
  await expect(city.getByTestId("report-changed")).toHaveCount(0);
  await city.getByTestId("save-check").click();
  await expect(city.getByTestId("last-check")).toContainText("上次保存校核:2027-01-10");
  await expect(city.getByTestId("last-check")).toContainText("city");

  // A change dated in 2026 where no approved report locks it (outside 柳林镇), through the write API.
  await addEmployees(city, hostOutsideTownship(), 3);
  await city.reload();
  const changed = city.getByTestId("report-changed");
  await expect(changed).toContainText("保存校核以来,本年度的台账有以下变化");
  await expect(changed).toContainText("合计「从业人员」");
  await expect(changed).toContainText("登记经营数据");

  await city.getByTestId("save-check").click();
  await expect(city.getByTestId("report-changed")).toHaveCount(0);
});

test("the city's 政策参数: a counting rule reaching back into approved 2026 is refused by the period lock; opening the reporting window from today is saved and listed", async ({
  browser,
}) => {
  const city = await pageOf(browser, "city");
  await city.getByTestId("nav-menu").getByRole("link", { name: "政策参数" }).click();
  await expect(city.getByTestId("policy-in-force")).toContainText("年报提前开放天数");
  const form = city.getByTestId("policy-form");
  await fillDate(form.getByTestId("policy-effective-on"), "2026-06-01");
  await form.getByTestId("policy-aboveScaleEmployees").fill("80");
  await form.getByTestId("policy-submit").click();
  await expect(form.getByTestId("form-error")).toContainText("2026 年年报已审核通过,数据已锁定");
  await expect(form.getByTestId("form-error")).toContainText("2027-01-01 或以后");

  await form.getByTestId("policy-aboveScaleEmployees").fill("100");
  await form.getByTestId("policy-reportEarlyOpenDays").fill("31");
  await fillDate(form.getByTestId("policy-effective-on"), "2027-01-10");
  await form.getByTestId("policy-note").fill("年报提前一个月开放");
  await form.getByTestId("policy-submit").click();
  await expect(form.getByTestId("form-notice")).toContainText("已保存自 2027-01-10 起执行的版本");
  const row = city.getByTestId("policy-versions").locator("tr", { hasText: "2027-01-10" });
  await expect(row).toContainText("现行");
  await expect(row).toContainText("年报提前开放天数:0→31");
  await expect(row).toContainText("年报提前一个月开放");
  await expect(city.getByTestId("policy-in-force-title")).toContainText("自 2027-01-10 起执行");
  // 2027's report can now be submitted from 2027-12-01.
  const township = await pageOf(browser, "township");
  await township.goto("/reports/2027");
  await expect(township.getByTestId("report-window")).toContainText("2027年年报自 2027-12-01 起可上报");
});

test("the analysis page shows the charts and the ranking; a figure opens the records behind it", async ({
  browser,
}) => {
  const page = await pageOf(browser, "city");
  await page.getByTestId("nav-menu").getByRole("link", { name: "统计分析" }).click();
  await expect(page.getByTestId("chart-units").locator("canvas").first()).toBeVisible();
  await expect(page.getByTestId("chart-trend").locator("canvas").first()).toBeVisible();
  const ranking = page.getByTestId("ranking-table");
  await expect(ranking).toContainText("县");
  await ranking.locator("tbody tr").first().locator("td").nth(2).getByRole("link").click();
  await expect(page.getByTestId("drill-page")).toBeVisible();
  await expect(page.getByTestId("drill-hosts").locator("tbody tr").first()).toBeVisible();
});

test("the report shows the five-basics 附表 under the 附表: a line per unit and 直属, the 合计 their sum, as of the year's end", async ({
  browser,
}) => {
  const county = await pageOf(browser, "county");
  await county.goto(`/reports/${YEAR}`);
  const table = county.getByTestId("report-basics");
  await expect(table).toBeVisible();
  await expect(county.getByTestId("report-basics-on")).toContainText(`统计时点:${YEAR}-12-31`);
  const keys = ["orgs", "team", "venue", "activities", "rules", "means", "all"];
  const numbers = async (row: ReturnType<Page["getByTestId"]>) =>
    Promise.all(keys.map(async (k) => Number(await row.locator(`td[data-key="${k}"]`).innerText())));
  const rows = county.getByTestId("report-basics-row");
  // One line per row of the report's table (the units and 直属).
  expect(await rows.count()).toBe(await county.getByTestId("report-row").count());
  const sums = keys.map(() => 0);
  for (let i = 0; i < (await rows.count()); i++)
    (await numbers(rows.nth(i))).forEach((n, j) => (sums[j]! += n));
  const total = await numbers(county.getByTestId("report-basics-total"));
  expect(total).toEqual(sums);
  // Some organizations meet all five, not every one.
  expect(total[6]).toBeGreaterThan(0);
  expect(total[6]).toBeLessThan(total[0]!);
});
