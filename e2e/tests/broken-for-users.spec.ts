import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { answerConfirm, fillDate, loginAndWait, selectOption, streamed } from "./helpers.ts";
import { unique } from "./clock.ts";
import { readDb } from "./accounts-kit.ts";
import { withCitizenIdCheckChar } from "@liangxin/domain";

/** What issue 14 found broken for users, each as the user meets it. */

const stamp = unique();

async function api<T>(request: APIRequestContext, procedure: string, input?: unknown): Promise<T> {
  const q = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res = await request.get(`/api/trpc/${procedure}${q}`);
  expect(res.status(), `${procedure}: ${await res.text()}`).toBe(200);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** The content of the antd description item labelled exactly `label` inside `scope`. */
const described = (scope: Locator, label: string) =>
  scope
    .locator(".ant-descriptions-item")
    .filter({
      has: scope.page().locator(".ant-descriptions-item-label", { hasText: new RegExp(`^${label}$`) }),
    })
    .locator(".ant-descriptions-item-content");

/** "12 名(正式 10,预备 2)" → 12 */
async function membersWorking(page: Page, hostId: number): Promise<number> {
  await page.goto(`/hosts/${hostId}`);
  const text = await described(page.getByTestId("host-detail"), "在本单位工作的党员").innerText();
  return Number(/^(\d+)/.exec(text.trim())?.[1] ?? NaN);
}

/** Every message a user reads: Chinese, no identifier, no JSON. */
function expectReadable(message: string): void {
  expect(message).toMatch(/[\u4e00-\u9fff]/);
  expect(message).not.toMatch(/[A-Z_]{6,}|[a-z]+\.[a-z]+[A-Z]|[{[]\s*"|"\s*:/);
  expect(message).not.toMatch(/\b[a-z][A-Za-z]*\s*:/);
}

// ───────────── 2. a member's workplace ─────────────

test("the branch secretary records a member's workplace: picks a covered host, or finds any host of the city by its credit code; the host counts one more member", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  // A host of another county (青山县), which nothing gives the branch: found only by its exact code.
  const city = await (await browser.newContext()).newPage();
  await loginAndWait(city, "city");
  const { regions } = await api<{ regions: { id: number; name: string }[] }>(city.request, "hosts.list", {
    page: 1,
    pageSize: 1,
  });
  const qingshan = regions.find((r) => r.name === "青山县")!;
  const {
    rows: [host],
  } = await api<{ rows: { id: number; name: string; creditCode: string }[] }>(city.request, "hosts.list", {
    page: 1,
    pageSize: 1,
    regionId: qingshan.id,
  });
  expect(host).toBeTruthy();
  const before = await membersWorking(city, host!.id);

  await loginAndWait(page, "branch");
  const me = await api<{ org: { id: number; coveredHosts: { name: string }[] } }>(
    page.request,
    "dashboard.branch",
  );
  await page.goto(`/orgs/${me.org.id}`);
  await page.getByTestId("new-member-link").click();
  const form = page.getByTestId("create-member");
  const name = `工作单位测试${stamp}`;
  await form.getByLabel("公民身份号码").fill(withCitizenIdCheckChar(`36992119900101${stamp.slice(-3)}`));
  await form.getByLabel("姓名").fill(name);
  await selectOption(page, form, "性别", "男");
  await fillDate(form.getByLabel("入党日期"), "2015-07-01");
  await fillDate(form.getByLabel(/^转正日期/), "2016-07-01");
  // Counted here from this year on: the demo's past years are approved and locked (issue 18).
  await fillDate(form.getByLabel("组织关系转入日期"), "2026-03-01");

  // The picker offers the hosts the branch covers.
  const covered = me.org.coveredHosts[0]!.name;
  await selectOption(page, form, "工作单位", covered);

  // A host outside them, by its exact credit code: the name is shown to confirm, and it is chosen.
  await form.getByLabel("按统一社会信用代码查找").fill(host!.creditCode.slice(0, 17));
  await form.getByRole("button", { name: /查\s*找/ }).click();
  await expect(form.getByTestId("work-host-lookup")).toContainText("统一社会信用代码");
  await form.getByLabel("按统一社会信用代码查找").fill(host!.creditCode);
  await form.getByRole("button", { name: /查\s*找/ }).click();
  await expect(form.getByTestId("work-host-lookup")).toContainText(host!.name);
  await expect(
    form
      .locator(".ant-form-item")
      .filter({ has: page.getByLabel("工作单位", { exact: true }) })
      .locator(".ant-select-content-has-value"),
  ).toHaveAttribute("title", new RegExp(host!.name));
  await form.getByTestId("create-member-submit").click();
  await expect(page).toHaveURL(/\/members\/\d+$/);
  await expect(page.getByTestId("member-detail")).toContainText(host!.name);

  expect(await membersWorking(city, host!.id)).toBe(before + 1);
});

// ───────────── 3. 书记 and 双重管理 ─────────────

test("the township appoints an organization's secretary and links it to a regional organization; both show on its page", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await loginAndWait(page, "township");
  const {
    rows: [org],
  } = await api<{ rows: { id: number; name: string; secretaryName: string | null }[] }>(
    page.request,
    "orgs.list",
    { page: 1, pageSize: 1, q: "D369921101014" },
  );
  const { rows: members } = await api<{ rows: { name: string }[] }>(page.request, "members.list", {
    page: 1,
    pageSize: 50,
    orgId: org!.id,
    status: "normal",
  });
  const next = members.find((m) => m.name !== org!.secretaryName)!.name;
  await page.goto(`/orgs/${org!.id}`);
  const detail = page.getByTestId("org-detail");
  await expect(described(detail, "书记")).toHaveText(org!.secretaryName ?? "—");

  const secretary = page.getByTestId("secretary-form");
  await selectOption(page, secretary, "党员", next, { search: true });
  await secretary.getByTestId("secretary-submit").click();
  await expect(secretary.getByTestId("form-notice")).toBeVisible();
  await expect(described(detail, "书记")).toHaveText(next);

  const dual = page.getByTestId("dual-link-form");
  await dual.getByLabel("区域党组织的组织代码").fill("D369921101004");
  await dual.getByTestId("dual-link-submit").click();
  // A joint branch is not a regional organization: said in Chinese, with what to do.
  await expect(dual.getByTestId("form-error")).toBeVisible();
  expectReadable(await dual.getByTestId("form-error").innerText());
  await dual.getByLabel("区域党组织的组织代码").fill("D369921102047");
  await dual.getByTestId("dual-link-submit").click();
  await expect(dual.getByTestId("form-notice")).toBeVisible();
  await expect(described(detail, "双重管理")).toContainText(
    `${org!.name} ↔ 中共石桥镇工业集中区区域支部委员会`,
  );
});

// ───────────── 6. the owner's correction; 5. the refusal of a rejection without a reason ─────────────

test("the owner cannot submit an unchanged correction, withdraws a pending one and resubmits; the township must give a reason to reject", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await loginAndWait(page, "owner");
  const form = page.getByTestId("correction-form");
  const mine = page.getByTestId("my-corrections");
  const rowsBefore = await mine.locator("tbody tr.ant-table-row").count();

  await form.getByRole("button", { name: /提\s*交/ }).click();
  const refusal = form.locator(".ant-alert-error");
  await expect(refusal).toBeVisible();
  expectReadable(await refusal.innerText());
  await expect(refusal).toContainText("从业人员");
  await expect(mine.locator("tbody tr.ant-table-row")).toHaveCount(rowsBefore);

  const employees = form.locator('input[name="employees"]');
  const current = Number(await employees.inputValue());
  await employees.fill(String(current + 1));
  await form.getByRole("button", { name: /提\s*交/ }).click();
  await expect(form.locator(".ant-alert-success")).toBeVisible();
  const first = mine.locator("tbody tr.ant-table-row").first();
  await expect(first).toContainText("待审核");
  await expect(first).toContainText(`从业人员 ${current + 1}`);

  // 撤回 asks first: 取消 leaves the correction pending, 确定 withdraws it.
  const correctionStates = () =>
    readDb((db) => db.prepare("select id, state from host_corrections order by id").raw(true).all());
  const statesBefore = correctionStates();
  await first.getByRole("button", { name: /撤\s*回/ }).click();
  await answerConfirm(page, "cancel");
  await expect(first).toContainText("待审核");
  expect(correctionStates()).toEqual(statesBefore);
  await first.getByRole("button", { name: /撤\s*回/ }).click();
  await answerConfirm(page, "ok");
  await expect(first).toContainText("已撤回");
  await expect(first.getByRole("button", { name: /撤\s*回/ })).toHaveCount(0);

  await page.reload();
  await streamed(page);
  await employees.fill(String(current + 2));
  await form.getByRole("button", { name: /提\s*交/ }).click();
  await expect(form.locator(".ant-alert-success")).toBeVisible();
  await expect(mine.locator("tbody tr.ant-table-row").first()).toContainText(`从业人员 ${current + 2}`);
  await expect(mine.locator("tbody tr.ant-table-row").first()).toContainText("待审核");

  const township = await (await browser.newContext()).newPage();
  await loginAndWait(township, "township");
  // The township decides it, and finds it on its home page.
  const hostName = readDb(
    (db) =>
      db
        .prepare("select h.name from users u join hosts h on h.id = u.host_id where u.username = 'owner'")
        .pluck()
        .get() as string,
  );
  await expect(township.getByTestId("home-corrections")).toContainText(hostName);
  await township.goto("/corrections");
  const pending = township
    .getByTestId("corrections-table")
    .locator("tbody tr.ant-table-row", { hasText: `从业人员 ${current + 2}` });
  await expect(pending).toContainText("待审核");
  await expect(
    township
      .getByTestId("corrections-table")
      .locator("tbody tr.ant-table-row", { hasText: `从业人员 ${current + 1},` }),
  ).toContainText("已撤回");
  await pending.getByRole("button", { name: /驳\s*回/ }).click();
  await answerConfirm(township, "ok");
  const error = pending.locator(".ant-alert-error");
  await expect(error).toBeVisible();
  expectReadable(await error.innerText());
  await expect(error).toContainText("驳回理由");
  await pending.getByPlaceholder("驳回理由").fill("从业人员数与社保缴费人数不符");
  // 驳回 with a reason, cancelled first: still pending, nothing written.
  const beforeReject = correctionStates();
  await pending.getByRole("button", { name: /驳\s*回/ }).click();
  await answerConfirm(township, "cancel");
  await expect(pending).toContainText("待审核");
  expect(correctionStates()).toEqual(beforeReject);
  await pending.getByRole("button", { name: /驳\s*回/ }).click();
  await answerConfirm(township, "ok");
  await expect(pending).toContainText("已驳回");
});

// ───────────── 4. pages a role lacks ─────────────

const EVERY_MENU_PAGE = [
  "/",
  "/hosts",
  "/orgs",
  "/members",
  "/instructors",
  "/corrections",
  "/users",
  "/audit",
  "/account",
  "/reports",
  "/analysis",
  "/inbox",
  "/work/plans",
  "/work/instructors",
  "/work/meetings",
  "/work/elections",
  "/work/ratings",
  "/work/pacts",
  "/work/development",
  "/import",
  "/policies",
];

for (const role of ["industry", "branch", "owner"] as const) {
  test(`${role}: a page that is not in the menu answers 404 (never 500)`, async ({ page }) => {
    await loginAndWait(page, role);
    const menu = await page
      .getByTestId("nav-menu")
      .getByRole("link")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const lacking = EVERY_MENU_PAGE.filter((p) => !menu.includes(p));
    expect(lacking.length).toBeGreaterThan(0);
    const statuses = Object.fromEntries(
      await Promise.all(lacking.map(async (p) => [p, (await page.request.get(p)).status()] as const)),
    );
    expect(statuses).toEqual(Object.fromEntries(lacking.map((p) => [p, 404])));
  });
}

test("the 行业党委 has no territory: no 更正审核 in its menu, and its host tile says — as its dictionary does", async ({
  page,
}) => {
  await loginAndWait(page, "industry");
  await expect(page.getByTestId("nav-menu")).not.toContainText("更正审核");
  const dictionary = page.getByTestId("indicator-dictionary").locator("tr", { hasText: /^两新组织数/ });
  await expect(dictionary.locator("td").last()).toHaveText("—");
  await expect(page.getByTestId("host-count")).toContainText("—");
  await expect(page.getByTestId("host-count")).not.toContainText(/\d/);
});

// ───────────── 5. raw errors ─────────────

test("the home page's indicator dictionary speaks Chinese only", async ({ page }) => {
  await loginAndWait(page, "city");
  const text = await page.getByTestId("indicator-dictionary").innerText();
  expect(text).toContain("覆盖率(%)");
  expect(text).not.toMatch(/[A-Za-z]/);
});

test("the report speaks Chinese: no check codes; returning it without a reason says which field to fill", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const YEAR = 2024;
  // The demo's 2024 is approved at every level: the county first reopens 柳林镇's (撤销审核, with a reason).
  const county = await (await browser.newContext()).newPage();
  await loginAndWait(county, "county");
  await county.goto(`/reports/${YEAR}`);
  await county.getByTestId("child-row").filter({ hasText: "柳林镇" }).getByRole("link").click();
  await expect(county.getByTestId("submission-state")).toHaveAttribute("data-state", "approved");
  await county.getByTestId("reopen-reason-input").fill("核查从业人员数");
  await county.getByTestId("reopen-report").click();
  await county.getByRole("button", { name: /确\s*定|OK/ }).click();
  await expect(county.getByTestId("submission-state")).toHaveAttribute("data-state", "returned");
  expect(await county.locator("body").innerText()).not.toMatch(/[A-Z_]{6,}/);

  const township = await (await browser.newContext()).newPage();
  await loginAndWait(township, "township");
  await township.goto(`/reports/${YEAR}`);
  await expect(township.getByTestId("report-checks")).toBeVisible();
  await expect(township.getByTestId("submit-form")).toBeVisible();
  for (const text of [
    await township.getByTestId("report-checks").innerText(),
    await township.getByTestId("submit-form").innerText(),
  ])
    expect(text).not.toMatch(/[A-Z_]{6,}/);
  const boxes = township.locator('textarea[data-testid^="explanation-"]');
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).fill("已逐项核实,情况属实");
  await township.getByTestId("submit-unit-head").fill("张建国");
  await township.getByTestId("submit-preparer").fill("李晓梅");
  await township.getByTestId("submit-report").click();
  await answerConfirm(township, "ok");
  await expect(township.getByTestId("submission-state")).toHaveAttribute("data-state", "submitted");
  expect(await township.locator("body").innerText()).not.toMatch(/[A-Z_]{6,}/);

  await county.goto(`/reports/${YEAR}`);
  await county.getByTestId("child-row").filter({ hasText: "柳林镇" }).getByRole("link").click();
  await expect(county.getByTestId("submission-state")).toHaveAttribute("data-state", "submitted");
  expect(await county.locator("body").innerText()).not.toMatch(/[A-Z_]{6,}/);
  await county.getByTestId("return-report").click();
  await answerConfirm(county, "ok");
  const error = county.getByTestId("report-action-error");
  await expect(error).toBeVisible();
  expectReadable(await error.innerText());
  await expect(error).toContainText("退回原因");
  await expect(county.getByTestId("submission-state")).toHaveAttribute("data-state", "submitted");
});
