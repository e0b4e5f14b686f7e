import { expect, test } from "@playwright/test";
import { loginAndWait } from "./helpers.ts";

/** The count the pager states (共 N 条). */
async function totalOf(text: Promise<string>): Promise<number> {
  return Number(/共 (\d+) 条/.exec(await text)?.[1] ?? NaN);
}

test("the hosts list: a page size and a jump to a page, 行业 and 规上 filters, the newest first", async ({
  page,
}) => {
  await loginAndWait(page, "township");
  await page.goto("/hosts");
  const position = page.getByTestId("pager-position");
  const rows = page.getByTestId("hosts-table").locator("tbody tr.ant-table-row");
  const total = await totalOf(position.innerText());
  expect(total).toBeGreaterThan(50);
  await expect(rows).toHaveCount(20);

  // 50 a page, page 2: the same count, the rows after the first fifty.
  await page.getByTestId("pager-size").selectOption("50");
  await page.getByTestId("pager-page").fill("2");
  await page.getByTestId("pager-go").click();
  await expect(position).toHaveText(`第 2/${Math.ceil(total / 50)} 页,共 ${total} 条`);
  await expect(rows).toHaveCount(Math.min(50, total - 50));

  // 行业 制造业: fewer hosts, each of that section, by name.
  await page.goto("/hosts");
  await page.getByTestId("filter-industry").selectOption("C");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/industry=C/);
  const manufacturing = await totalOf(position.innerText());
  expect(manufacturing).toBeGreaterThan(0);
  expect(manufacturing).toBeLessThan(total);
  for (const cell of await rows.locator("td:nth-child(5)").allInnerTexts()) expect(cell).toBe("C 制造业");

  // 规上 as well: fewer still (or as many), and the newest first.
  await page.getByTestId("filter-above").check();
  await page.getByTestId("filter-sort").selectOption("-foundedOn");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/above=1/);
  expect(await totalOf(position.innerText())).toBeLessThanOrEqual(manufacturing);
  const founded = await rows.locator("td:nth-child(6)").allInnerTexts();
  expect(founded.length).toBeGreaterThan(0);
  expect(founded).toEqual([...founded].sort().reverse());
});

test("the members list says how its count relates to the home page's, and filters by flag", async ({
  page,
}) => {
  await loginAndWait(page, "township");
  await page.goto("/members");
  const explained = page.getByTestId("members-count-explained");
  await expect(explained).toContainText("其中仅计数的外单位党员");
  const position = page.getByTestId("pager-position");
  const total = await totalOf(position.innerText());
  await page.goto("/members?flag=lostContact");
  const lost = await totalOf(position.innerText());
  expect(lost).toBeGreaterThan(0);
  expect(lost).toBeLessThan(total);
  const rows = page.getByTestId("members-table").locator("tbody tr.ant-table-row");
  await expect(rows.first()).toContainText("失联党员");
  expect(await rows.filter({ hasText: "失联党员" }).count()).toBe(await rows.count());
});

test("the hosts, organizations and instructors lists say how many of their rows the home page counts", async ({
  page,
}) => {
  await loginAndWait(page, "township");
  const number = async (text: Promise<string>) => Number((await text).replace(/[^\d]/g, ""));
  const hosts = await number(page.getByTestId("host-count").locator(".ant-statistic-content").innerText());
  const orgs = await number(page.getByTestId("org-count").locator(".ant-statistic-content").innerText());
  const instructors = await number(
    page
      .getByTestId("dashboard-rows")
      .locator('tr[data-row-kind="total"] td[data-key="instructors"]')
      .innerText(),
  );
  expect(hosts).toBeGreaterThan(0);
  expect(orgs).toBeGreaterThan(0);
  expect(instructors).toBeGreaterThan(0);

  await page.goto("/hosts");
  await expect(page.getByTestId("hosts-count-explained")).toContainText(
    `本辖区今日在营的 ${hosts} 个计入首页的“两新组织数”`,
  );
  await page.goto("/orgs");
  const orgNote = page.getByTestId("orgs-count-explained");
  await expect(orgNote).toContainText(`基层党组织(党委、党总支、党支部)${orgs} 个计入首页的“党组织合计”`);
  await expect(orgNote).toContainText("管理单位,不计入"); // the township's own committee is listed
  await page.goto("/instructors");
  await expect(page.getByTestId("instructors-count-explained")).toContainText(
    `今日联系本辖区两新组织的 ${instructors} 名计入首页的“指导员人数”`,
  );
});
