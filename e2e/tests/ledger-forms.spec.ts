import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { answerConfirm, fillDate, loginAndWait, selectOption } from "./helpers.ts";
import { addDaysIso, E2E_TODAY, unique } from "./clock.ts";
import { readDb } from "./accounts-kit.ts";

/** An 18-digit citizen ID with its GB 11643 check character (computed here, independently). */
function citizenId(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0);
  return body17 + "10X98765432"[sum % 11];
}

const stamp = unique().slice(0, 6);

/** Open an antd Select by its label inside `scope` and pick the option whose title contains `option`. */
const choose = (page: Page, scope: Locator, label: string, option: string) =>
  selectOption(page, scope, label, option);

/** A record picker: type part of the name, then pick the option that contains it. */
const pick = (page: Page, scope: Locator, label: string, text: string) =>
  selectOption(page, scope, label, text, { search: true });

/** The total of a list page's pager ("第 1/3 页,共 57 条"). */
async function listTotal(page: Page): Promise<number> {
  const text = await page.getByTestId("pager").innerText();
  return Number(/共\s*(\d+)\s*条/.exec(text)?.[1] ?? NaN);
}

/** A minimal CSV parser (quoted cells with doubled quotes, CR LF lines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n") {
      row.push(cell.replace(/\r$/, ""));
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

test("township: create an organization, re-parent it, add a member, change status, transfer decided by the receiving county", async ({
  page,
  browser,
}) => {
  // Two users and a dozen saves: about 30 s alone, over a minute on a busy 2-core machine (it timed out
  // twice at its last step in the date matrix while other tests ran beside it).
  test.setTimeout(120_000);
  // The receiving side's code is read from its own list, as a transfer letter would name it.
  const county = await browser.newPage();
  await loginAndWait(county, "county");
  await county.goto(`/orgs?q=${encodeURIComponent("石桥镇石桥村支部")}`);
  const receiving = county.getByTestId("orgs-table").locator("tr", { hasText: "中共石桥镇石桥村支部委员会" });
  const receivingCode = (await receiving.locator("td").first().innerText()).trim();
  expect(receivingCode).toMatch(/^[A-Z]\d{6,}/);

  await loginAndWait(page, "township");
  await page.getByTestId("nav-menu").getByRole("link", { name: "党组织", exact: true }).click();
  await page.getByTestId("new-org-link").click();
  const create = page.getByTestId("create-org");
  const orgName = `中共柳林镇台账测试支部委员会${stamp}`;
  await create.getByLabel("组织代码").fill(`E2E${stamp}`);
  await create.getByLabel("名称").fill(orgName);
  // Founded this year: the demo's past years are approved and locked (issue 18).
  await fillDate(create.getByLabel("成立日期"), "2026-03-01");
  await create.getByTestId("create-org-submit").click();
  await expect(page).toHaveURL(/\/orgs\/\d+$/);
  const orgUrl = page.url();
  await expect(page.getByTestId("org-detail")).toContainText(orgName);
  await expect(page.getByTestId("org-parent-name")).toHaveText("中共清河县柳林镇委员会");

  // 调整隶属关系: under the village's general branch, with a document number; the history shows it.
  const reparent = page.getByTestId("reparent-org");
  await pick(page, reparent, "调整到(新上级党组织)", "柳林村总支部委员会");
  await reparent.getByLabel("文号").fill(`柳组〔2026〕${stamp}号`);
  await reparent.getByTestId("reparent-submit").click();
  await expect(reparent.getByTestId("form-notice")).toBeVisible();
  await expect(page.getByTestId("org-parent-name")).toHaveText("中共柳林镇柳林村总支部委员会");
  await expect(page.getByTestId("reparentings")).toContainText(`柳组〔2026〕${stamp}号`);
  // The general branch's tree now holds it.
  await page.getByTestId("org-detail").getByRole("link", { name: "中共柳林镇柳林村总支部委员会" }).click();
  await expect(page.getByTestId("org-subtree")).toContainText(orgName);
  await page.goto(orgUrl);

  // 新增党员 held by the new branch.
  await page.getByTestId("new-member-link").click();
  const form = page.getByTestId("create-member");
  const memberName = `台账测试${stamp}`;
  const idNumber = citizenId(`11010119880512${stamp.slice(-3)}`);
  await form.getByLabel("公民身份号码").fill(idNumber);
  await form.getByLabel("姓名").fill(memberName);
  await choose(page, form, "性别", "女");
  await fillDate(form.getByLabel("入党日期"), "2012-07-01");
  // Counted here from this year on (a relationship since 2012 would reach into the locked years).
  await fillDate(form.getByLabel("组织关系转入日期"), "2026-03-01");
  await fillDate(form.getByLabel(/^转正日期/), "2013-07-01");
  await form.getByTestId("create-member-submit").click();
  await expect(page).toHaveURL(/\/members\/\d+$/);
  const memberUrl = page.url();
  await expect(page.getByTestId("member-holding-org")).toHaveText(orgName);
  await expect(page.getByTestId("id-number")).toContainText("*");

  // An edit reads in the audit log as people would write it: who (the ID masked), which field, before → after.
  const edit = page.getByTestId("edit-member");
  await edit.getByLabel("联系电话").fill("13900001234");
  await edit.getByTestId("edit-member-submit").click();
  await expect(edit.getByTestId("form-notice")).toBeVisible();
  await page.goto("/audit?action=member.update");
  const entry = page.getByTestId("audit-table").locator("tbody tr").filter({ hasText: memberName }).first();
  const masked = `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`;
  await expect(entry).toContainText("修改党员");
  await expect(entry).toContainText(`${memberName}(${masked}):联系电话 — → 13900001234`);
  await expect(page.getByTestId("audit-table")).not.toContainText(idNumber);
  await page.goto(memberUrl);

  // 停止党籍, then 恢复 (停止党籍 → 正常): dated status changes, never a deletion.
  const status = page.getByTestId("member-status");
  await choose(page, status, "变更为", "停止党籍");
  await status.getByLabel("理由").fill("连续六个月不参加组织生活");
  await status.getByTestId("status-submit").click();
  await expect(page.getByTestId("member-status-label")).toHaveText("停止党籍");
  await expect(page.getByTestId("transfer-request")).toHaveCount(0);
  await choose(page, status, "变更为", "正常");
  await status.getByTestId("status-submit").click();
  await expect(page.getByTestId("member-status-label")).toHaveText("正常");

  // 转出申请 to another township's branch, by its code.
  const transfer = page.getByTestId("transfer-request");
  await transfer.getByLabel(/^转入党组织的组织代码/).fill("NO-SUCH-CODE");
  await transfer.getByTestId("transfer-submit").click();
  await expect(transfer.locator(".ant-form-item-explain-error")).toHaveText(
    "本市没有这个组织代码的基层党组织",
  );
  await transfer.getByLabel(/^转入党组织的组织代码/).fill(receivingCode);
  await transfer.getByLabel("理由").fill("工作调动");
  await transfer.getByTestId("transfer-submit").click();
  await expect(transfer.getByTestId("form-notice")).toContainText("等待接收方处理");

  // The receiving county accepts it on the 接转 page (reached from the members list).
  await county.getByTestId("nav-menu").getByRole("link", { name: "党员", exact: true }).click();
  await county.getByTestId("transfers-link").click();
  const row = county.getByTestId("transfers-table").locator("tr", { hasText: memberName });
  await expect(row).toContainText("待处理");
  const state = () =>
    readDb((db) =>
      db
        .prepare(
          "select t.state from transfers t join members m on m.id = t.member_id where m.name = ? order by t.id desc",
        )
        .pluck()
        .get(memberName),
    );
  // 接收 asks first: 取消 leaves the transfer waiting.
  await row.getByTestId("decide-accept").click();
  await answerConfirm(county, "cancel");
  await expect(row).toContainText("待处理");
  expect(state()).toBe("pending");
  await row.getByTestId("decide-accept").click();
  await answerConfirm(county, "ok");
  await expect(row).toContainText("已接收");
  expect(state()).toBe("accepted");
  await row.getByRole("link", { name: memberName }).click();
  await expect(county.getByTestId("member-holding-org")).toHaveText("中共石桥镇石桥村支部委员会");
  await county.close();

  // The member has left the township's subtree: for it the record no longer exists.
  await page.goto(memberUrl);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
});

test("township: an instructor is registered, assigned to a host, and the assignment ended", async ({
  page,
}) => {
  await loginAndWait(page, "township");
  await page.getByTestId("nav-menu").getByRole("link", { name: "指导员", exact: true }).click();
  await page.getByTestId("new-instructor-link").click();
  const form = page.getByTestId("create-instructor");
  const name = `测试指导员${stamp}`;
  await form.getByLabel("编号").fill(`ZDY-E2E-${stamp}`);
  await form.getByLabel("姓名").fill(name);
  await choose(page, form, "指导员类别", "兼职");
  await form.getByLabel(/^或:系统外派出单位名称/).fill("清河县市场监督管理局");
  await form.getByTestId("create-instructor-submit").click();
  await expect(page).toHaveURL(/\/instructors\/\d+$/);
  await expect(page.getByTestId("instructor-detail")).toContainText(name);
  await expect(page.getByTestId("instructor-active-hosts")).toHaveText("0");

  const assign = page.getByTestId("assign-instructor");
  await pick(page, assign, "两新组织", "清河县晟心运输有限公司");
  await fillDate(assign.getByLabel("开始日期"), addDaysIso(E2E_TODAY, -30));
  await assign.getByTestId("assign-submit").click();
  await expect(assign.getByTestId("form-notice")).toBeVisible();
  const hosts = page.getByTestId("instructor-hosts");
  await expect(hosts).toContainText("清河县晟心运输有限公司");
  await expect(page.getByTestId("instructor-active-hosts")).toHaveText("1");

  const endOn = () =>
    readDb((db) =>
      db
        .prepare(
          `select a.end_on from assignments a join instructors i on i.id = a.instructor_id
           where i.name = ? order by a.id desc`,
        )
        .pluck()
        .get(name),
    );
  // 结束 asks first: 取消 leaves the assignment in force.
  const end = hosts.locator("tr", { hasText: "清河县晟心运输有限公司" }).getByTestId("end-assignment-submit");
  await end.click();
  await answerConfirm(page, "cancel");
  await expect(page.getByTestId("instructor-active-hosts")).toHaveText("1");
  expect(endOn()).toBeNull();
  await end.click();
  await answerConfirm(page, "ok");
  await expect(hosts).not.toContainText("清河县晟心运输有限公司");
  expect(endOn()).toBe(E2E_TODAY);
  await expect(page.getByTestId("instructor-active-hosts")).toHaveText("0");

  // The instructors list, filtered to those without an assignment in force, holds it.
  await page.goto(`/instructors?activity=idle&q=${encodeURIComponent(name)}`);
  await expect(page.getByTestId("instructors-table")).toContainText(name);
  await page.goto(`/instructors?activity=active&q=${encodeURIComponent(name)}`);
  await expect(page.getByTestId("instructors-table")).not.toContainText(name);
});

test("a filtered members list downloads as CSV: Chinese file name, BOM, as many rows as the list counts, IDs masked", async ({
  page,
}) => {
  await loginAndWait(page, "township");
  await page.goto("/members");
  const filters = page.getByTestId("list-filters");
  await filters.locator('select[name="status"]').selectOption("normal");
  await filters.locator('select[name="membership"]').selectOption("probationary");
  await filters.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/membership=probationary/);
  const total = await listTotal(page);
  expect(total).toBeGreaterThan(0);
  const unfiltered = await (async () => {
    await page.goto("/members");
    return listTotal(page);
  })();
  expect(unfiltered).toBeGreaterThan(total);
  await page.goBack();
  await expect(page).toHaveURL(/membership=probationary/);

  // The header names the file in UTF-8 (RFC 5987) with an ASCII fallback.
  const href = await page.getByTestId("csv-download").getAttribute("href");
  expect(href).toContain("membership=probationary");
  const head = await page.request.get(href!);
  expect(head.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(head.headers()["content-disposition"]).toContain(
    `filename*=UTF-8''${encodeURIComponent("党员名单_")}`,
  );
  expect((await page.request.get("/api/lists/passwords")).status()).toBe(404);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("csv-download").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^党员名单_\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parseCsv(bytes.toString("utf8").slice(1));
  expect(rows[0]).toEqual([
    "姓名",
    "性别",
    "公民身份号码",
    "组织关系所在",
    "工作单位",
    "正式/预备",
    "状态",
    "访问权限",
  ]);
  const body = rows.slice(1);
  expect(body.length).toBe(total);
  for (const r of body) {
    expect(r[2]).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(r[5]).toBe("预备党员");
    expect(r[6]).toBe("正常");
  }
});

test("the new pages and downloads do not exist outside the caller's scope", async ({ page }) => {
  await loginAndWait(page, "township");
  // The city's own node is above the township: nothing can be created under it from here.
  await page.goto("/orgs/new?parent=1");
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  await page.getByRole("button", { name: /退出登录/ }).click();

  await loginAndWait(page, "owner");
  for (const url of ["/orgs/new", "/members/new?org=1", "/members/transfers", "/instructors/new"]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { name: "页面不存在" }), url).toBeVisible();
  }
  for (const list of ["hosts", "orgs", "members", "instructors"])
    expect((await page.request.get(`/api/lists/${list}`)).status(), list).toBe(404);
});
