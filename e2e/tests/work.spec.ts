import { expect, test, type Page } from "@playwright/test";
import { answerConfirm, loginAndWait } from "./helpers.ts";

async function statistic(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(testId).locator(".ant-statistic-content-value").innerText();
  return Number(text.replace(/,/g, ""));
}

/** Open an antd Select by its form label and pick the option with this exact title (or the first). */
async function choose(page: Page, label: string, option?: string, search = false): Promise<string> {
  await page.getByLabel(label, { exact: true }).click();
  if (option && search) await page.getByLabel(label, { exact: true }).fill(option);
  const item = option
    ? page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`)
    : page.locator(".ant-select-dropdown:visible .ant-select-item-option").first();
  const title = (await item.getAttribute("title")) ?? "";
  await item.click();
  return title;
}

test("a township administrator plans an organization, notes progress and founds it: the plan closes and the figures move", async ({
  page,
}) => {
  await loginAndWait(page, "township");
  await page.getByTestId("nav-menu").getByRole("link", { name: "组建计划" }).click();
  await expect(page.getByRole("heading", { name: /应建未建两新组织组建计划/ })).toBeVisible();
  const rateBefore = await statistic(page, "plan-coverage-rate");
  const shouldBefore = await statistic(page, "plan-should-establish");
  expect(shouldBefore).toBeGreaterThan(0);
  expect(await statistic(page, "plan-overdue-count")).toBeGreaterThan(0);

  const form = page.getByTestId("create-plan");
  const host = await choose(page, "两新组织");
  await form.getByLabel("责任人").fill("王建国");
  await form.getByLabel("进展情况").fill("已与出资人沟通组建事宜");
  await form.getByRole("button", { name: "制定计划" }).click();
  await expect(form.getByTestId("form-notice")).toBeVisible();
  const row = page.getByTestId("plan-table").getByRole("row", { name: new RegExp(host) });
  await expect(row).toContainText("进行中");

  await row.getByRole("link", { name: host }).click();
  await expect(page.getByRole("heading", { name: host })).toBeVisible();
  await expect(page.getByTestId("plan-milestones")).toContainText("召开党员大会成立");
  // The first milestone is ticked off, dated today (asked first; 取消 leaves it open).
  const survey = page.getByTestId("plan-milestones").locator("tr", { hasText: "摸清党员底数" });
  const done = survey.getByRole("button", { name: /完成“摸清党员底数”/ });
  const today = await survey.getByLabel("日期").inputValue();
  await done.click();
  await answerConfirm(page, "cancel");
  await expect(survey).not.toContainText("已完成");
  await done.click();
  await answerConfirm(page, "ok");
  await expect(survey).toContainText(`已完成 ${today}`);
  await expect(survey.getByRole("button")).toHaveCount(0);
  const note = page.getByTestId("plan-note-form");
  await note.getByLabel("进展情况").fill("书记人选已确定,报镇党委审核");
  await note.getByRole("button", { name: "记录进展" }).click();
  await expect(page.getByTestId("plan-notes")).toContainText("书记人选已确定");

  const found = page.getByTestId("found-org-form");
  await found.getByRole("button", { name: "成立并关闭计划" }).click();
  await answerConfirm(page, "ok");
  // The page shows the closed plan at once (the form, and its notice with it, leave the page as it
  // refreshes): the state and the reason that names the new organization.
  await expect(page.getByTestId("plan-state")).toContainText("已关闭");
  await expect(page.getByTestId("plan-detail")).toContainText(`已成立党组织“中共${host}支部委员会”`);

  await page.goto("/work/plans");
  expect(await statistic(page, "plan-should-establish")).toBe(shouldBefore - 1);
  expect(await statistic(page, "plan-coverage-rate")).toBeGreaterThan(rateBefore);
  await expect(page.getByTestId("should-establish-table")).not.toContainText(host);
  await expect(page.getByTestId("plan-table").getByRole("row", { name: new RegExp(host) })).toContainText(
    "已关闭",
  );
});

test("a branch secretary records a 党课 and the organization's compliance changes", async ({ page }) => {
  await loginAndWait(page, "branch");
  await expect(page.getByTestId("nav-menu")).not.toContainText("组建计划");
  await page.getByTestId("nav-menu").getByRole("link", { name: "组织生活" }).click();
  const table = page.getByTestId("compliance-table");
  await expect(table).toContainText("未达标");
  await expect(table).toContainText("党课 2/3");
  const form = page.getByTestId("meeting-form");
  await choose(page, "会议类型", "党课");
  await form.getByLabel("主题").fill("学习党章");
  await form.getByRole("button", { name: "登记组织生活" }).click();
  await expect(form.getByTestId("form-notice")).toBeVisible();
  await expect(table).toContainText("党课 3/3");
  await expect(table).not.toContainText("未达标");
  await expect(table).toContainText("100");
  await expect(page.getByTestId("meeting-table")).toContainText("学习党章");
});

test("a township administrator records an election and the organization leaves the overdue list", async ({
  page,
}) => {
  await loginAndWait(page, "township");
  await page.getByTestId("nav-menu").getByRole("link", { name: "换届" }).click();
  const overdue = page.getByTestId("election-overdue");
  const firstRow = overdue.locator("tbody tr.ant-table-row").first();
  const orgName = (await firstRow.locator("td").first().innerText()).trim();
  expect(orgName).toMatch(/中共/);
  await choose(page, "党组织", orgName, true);
  await page.getByTestId("election-form").getByRole("button", { name: "登记换届选举" }).click();
  await expect(page.getByTestId("election-form").getByTestId("form-notice")).toBeVisible();
  await expect(overdue).not.toContainText(orgName);
  await expect(page.getByTestId("election-due")).not.toContainText(orgName);
});

test("a township administrator's inbox shows its overdue elections and plans, and only its own", async ({
  page,
}) => {
  await loginAndWait(page, "township");
  await page.getByTestId("nav-menu").getByRole("link", { name: "待办" }).click();
  const inbox = page.getByTestId("inbox-table");
  await expect(inbox).toContainText("组建计划逾期");
  await expect(inbox).toContainText(/换届超期|换届将到期/);
  const mine = Number(await page.getByTestId("inbox-count").textContent());
  expect(mine).toBeGreaterThan(0);

  await page.getByRole("button", { name: /退出登录/ }).click();
  await loginAndWait(page, "city");
  await page.goto("/inbox");
  const city = Number(await page.getByTestId("inbox-count").textContent());
  expect(city).toBeGreaterThan(mine);
});
