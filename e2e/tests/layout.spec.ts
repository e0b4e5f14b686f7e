import { expect, test, type Page } from "@playwright/test";
import { loginAndWait } from "./helpers.ts";

// Issue 20, item 2: the pages at the size of an ordinary laptop screen.
test.use({ viewport: { width: 1280, height: 800 } });

const documentSize = (page: Page) =>
  page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));

test("the city home is under 3,000 px tall: its tree opens the first level only, each node a link to its organization", async ({
  page,
}) => {
  await loginAndWait(page, "city");
  const tree = page.getByTestId("org-tree");
  await expect(tree).toContainText("中共清源市委两新组织工作委员会");
  const links = tree.getByTestId("org-tree-link");
  // The root and its first level (the counties and the city's direct units), nothing below.
  const shown = await links.count();
  expect(shown).toBeGreaterThan(2);
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  for (const href of hrefs) expect(href).toMatch(/^\/orgs\/\d+$/);
  expect((await documentSize(page)).height).toBeLessThan(3000);

  // A county opens on a click and shows its townships; its name opens its organization's page.
  const county = tree.locator(".ant-tree-treenode").filter({ hasText: /县委/ }).first();
  const countyName = (await county.getByTestId("org-tree-link").innerText()).trim();
  await county.locator(".ant-tree-switcher").click();
  await expect.poll(() => links.count()).toBeGreaterThan(shown);
  await tree.getByRole("link", { name: countyName, exact: true }).click();
  await expect(page).toHaveURL(/\/orgs\/\d+$/);
  await expect(page.getByTestId("org-detail")).toContainText(countyName);
});

test("the county home does not scroll sideways: the 分行 table fits the page with all its columns", async ({
  page,
}) => {
  await loginAndWait(page, "county");
  const table = page.getByTestId("dashboard-rows");
  await expect(table).toBeVisible();
  await expect(table.locator('tr[data-row-kind="total"] td[data-key]')).toHaveCount(13);
  const size = await documentSize(page);
  expect(size.scrollWidth).toBeLessThanOrEqual(size.clientWidth);
  const box = await table.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(size.clientWidth);
});

test("the menu is grouped 台账, 日常工作, 年报统计, 系统管理, with 账号与密码 last", async ({ page }) => {
  await loginAndWait(page, "county");
  const menu = page.getByTestId("nav-menu");
  await expect(menu.locator(".ant-menu-item-group-title")).toHaveText([
    "台账",
    "日常工作",
    "年报统计",
    "系统管理",
  ]);
  const labels = (await menu.getByRole("link").allInnerTexts()).map((t) => t.trim());
  expect(labels[0]).toBe("首页");
  expect(labels.at(-1)).toBe("账号与密码");
  const group = (title: string) =>
    menu
      .locator(".ant-menu-item-group")
      .filter({ has: page.locator(".ant-menu-item-group-title", { hasText: title }) });
  await expect(group("台账")).toContainText("两新组织");
  await expect(group("日常工作")).toContainText("组织生活");
  await expect(group("年报统计")).toContainText("党内统计年报");
  await expect(group("系统管理")).toContainText("用户管理");

  // The secretary's menu: the groups it has pages in, 账号与密码 still last.
  await page.context().clearCookies();
  await loginAndWait(page, "branch");
  await expect(menu.locator(".ant-menu-item-group-title")).toHaveText(["台账", "日常工作", "系统管理"]);
  expect((await menu.getByRole("link").allInnerTexts()).map((t) => t.trim()).at(-1)).toBe("账号与密码");
});

test("另有 N 个 under 应建未建 is a link to the full list of those hosts", async ({ page }) => {
  await loginAndWait(page, "city");
  const more = page.getByTestId("act-on").getByRole("link", { name: /^另有 \d+ 个/ });
  await expect(more).toBeVisible();
  await more.click();
  await expect(page).toHaveURL(/\/hosts\?sene=1$/);
  await expect(page.getByRole("checkbox", { name: "只看应建未建" })).toBeChecked();
  await expect(page.getByTestId("hosts-table")).toBeVisible();
});

test("short table cells stay on one line when a long column squeezes the table", async ({ page }) => {
  await loginAndWait(page, "township");
  await page.goto("/hosts");
  const table = page.getByTestId("hosts-table");
  await expect(table).toBeVisible();
  // Every header and every short cell holds its text on one line (a squeezed column wraps one character per
  // line): the lines are counted on the text itself, the cell being as tall as its row.
  const tall = await table.locator("th, td").evaluateAll((cells) =>
    cells
      .filter((c) => {
        const text = (c as HTMLElement).innerText.trim();
        if (text === "" || text.length > 12) return false;
        // A text wrapped over lines has rectangles at more than one height.
        const walker = document.createTreeWalker(c, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          const tops = new Set(
            [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
          );
          if (tops.size > 1) return true;
        }
        return false;
      })
      .map((c) => (c as HTMLElement).innerText.trim()),
  );
  expect(tall).toEqual([]);
});

test("the report page offers the same years as the analysis page", async ({ page }) => {
  await loginAndWait(page, "city");
  await page.goto("/analysis");
  const analysis = await page.getByTestId("year-choice").allInnerTexts();
  expect(analysis).toContain("2026");
  await page.goto("/reports");
  await expect(page.getByTestId("report-page")).toBeVisible();
  expect(await page.getByTestId("year-choice").allInnerTexts()).toEqual(analysis);
});
