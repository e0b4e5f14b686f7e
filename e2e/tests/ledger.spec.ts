import { expect, test, type Locator, type Page } from "@playwright/test";
import { fillDate, loginAndWait, selectOption } from "./helpers.ts";
import { E2E_TODAY, E2E_YEAR, unique } from "./clock.ts";
import { randomCreditCode } from "./import-kit.ts";

/** A figure of the dashboard's indicator dictionary. */
async function indicator(page: Page, key: string): Promise<number> {
  const text = await page.getByTestId("indicator-dictionary").locator(`td[data-key="${key}"]`).innerText();
  return Number(text.replace(/,/g, ""));
}

/** Open an antd Select by its label inside `scope` and pick the option whose title contains `option`. */
const choose = (page: Page, scope: Locator, label: string, option: string) =>
  selectOption(page, scope, label, option);

async function fillHost(page: Page, form: Locator, code: string, name: string): Promise<void> {
  await form.getByLabel("统一社会信用代码").fill(code);
  await form.getByLabel("名称").fill(name);
  await choose(page, form, "类别", "非公企业");
  await form.getByLabel(/^行业/).fill("C");
  await choose(page, form, "所在乡镇", "柳林镇");
  // This year: the demo's past years are approved and locked (issue 18).
  await fillDate(form.getByLabel("成立日期"), "2026-03-15");
  await form.getByLabel("出资人").fill("张立新");
  await form.getByLabel(/从业人员数$/).fill("36");
  await form.getByLabel(/营业收入/).fill("820.5");
}

/** Round half-up to 2 decimals of (a/b)*100, in integers. */
function ratePct(a: number, b: number): number {
  const num = a * 10000;
  return Math.floor((2 * num + b) / (2 * b)) / 100;
}

test("a township administrator creates a host unit, covers it by the joint branch: orgCovered + 1 and the rate recomputed", async ({
  page,
}) => {
  await loginAndWait(page, "township");
  const coveredBefore = await indicator(page, "orgCovered");
  const hostsBefore = await indicator(page, "hosts");
  const rateBefore = await indicator(page, "orgCoverageRate");
  expect(rateBefore).toBe(ratePct(coveredBefore, hostsBefore));

  await page.getByTestId("nav-menu").getByRole("link", { name: "两新组织" }).click();
  await page.getByTestId("new-host-link").click();
  const form = page.getByTestId("create-host");
  const name = `柳林镇台账测试企业${unique()}`;
  await fillHost(page, form, randomCreditCode(), name);
  await form.getByTestId("create-host-submit").click();

  const detail = page.getByTestId("host-detail");
  await expect(detail).toContainText(name);
  await expect(page).toHaveURL(/\/hosts\/\d+$/);
  const year = String(E2E_YEAR);
  await expect(page.getByRole("row", { name: new RegExp(`^${year}\\s+36\\s+820\\.5`) })).toBeVisible();

  // Two editors: the later save with a stale version is refused, and its input is kept.
  const stale = await page.context().newPage();
  await stale.goto(page.url());
  const mine = page.getByTestId("edit-host");
  await mine.getByLabel("出资人").fill("李明");
  await mine.getByTestId("edit-host-submit").click();
  await expect(mine.getByTestId("form-notice")).toBeVisible();
  await expect(detail).toContainText("李明");
  const theirs = stale.getByTestId("edit-host");
  await theirs.getByLabel("出资人").fill("王芳");
  await theirs.getByTestId("edit-host-submit").click();
  await expect(theirs.getByTestId("form-error")).toContainText("该记录已被他人修改,请刷新后重试");
  await expect(theirs.getByLabel("出资人")).toHaveValue("王芳");
  await stale.close();
  await page.reload();
  await expect(detail).toContainText("李明");

  const today = E2E_TODAY;
  const cover = page.getByTestId("set-coverage");
  await choose(page, cover, "覆盖党组织", "柳林镇非公企业第一联合支部");
  await expect(cover.getByLabel("开始日期")).toHaveValue(today);
  await cover.getByTestId("set-coverage-submit").click();
  await expect(cover.getByTestId("form-notice")).toBeVisible();
  await expect(detail).toContainText("柳林镇非公企业第一联合支部");

  await page.getByTestId("nav-menu").getByRole("link", { name: "首页" }).click();
  await expect(page.getByTestId("indicator-dictionary")).toBeVisible();
  expect(await indicator(page, "hosts")).toBe(hostsBefore + 1);
  expect(await indicator(page, "orgCovered")).toBe(coveredBefore + 1);
  expect(await indicator(page, "orgCoverageRate")).toBe(ratePct(coveredBefore + 1, hostsBefore + 1));
});

test("a bad credit code shows the Chinese field error and writes nothing", async ({ page }) => {
  await loginAndWait(page, "township");
  await page.goto("/hosts/new");
  const form = page.getByTestId("create-host");
  const good = randomCreditCode();
  const bad = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
  const name = `校验失败测试企业${unique()}`;
  await fillHost(page, form, bad, name);
  const writes: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/trpc/") && r.method() === "POST") writes.push(r.url());
  });
  await form.getByTestId("create-host-submit").click();
  await expect(form.locator(".ant-form-item-explain-error")).toHaveText(
    "统一社会信用代码应为18位,且校验码正确(GB 32100-2015)",
  );
  await expect(page).toHaveURL(/\/hosts\/new$/);
  expect(writes).toEqual([]);
  await page.goto(`/hosts?q=${encodeURIComponent(name)}`);
  await expect(page.getByTestId("hosts-table")).toBeVisible();
  await expect(page.getByTestId("hosts-table")).not.toContainText(name);
});
