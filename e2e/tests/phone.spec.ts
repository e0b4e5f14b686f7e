import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { answerConfirm, fillDate, loginAndWait, selectOption } from "./helpers.ts";
import { unique } from "./clock.ts";
import { withCitizenIdCheckChar } from "@liangxin/domain";

// Issue 20, item 3: the branch secretary's and the owner's pages on a phone.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const stamp = unique();

async function api<T>(request: APIRequestContext, procedure: string): Promise<T> {
  const res = await request.get(`/api/trpc/${procedure}`);
  expect(res.status(), `${procedure}: ${await res.text()}`).toBe(200);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** The page keeps to the screen's width: nothing to scroll sideways. */
async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const size = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(size.scrollWidth, `${what} scrolls sideways`).toBeLessThanOrEqual(size.clientWidth);
}

test("on a phone the menu is a drawer opened from the header", async ({ page }) => {
  await loginAndWait(page, "branch");
  await expect(page.getByTestId("nav-menu")).toBeHidden();
  await page.getByTestId("nav-toggle").click();
  const drawer = page.getByTestId("nav-drawer-menu");
  await expect(drawer).toBeVisible();
  await drawer.getByRole("link", { name: "组织生活" }).click();
  await expect(page).toHaveURL(/\/work\/meetings$/);
  await expect(drawer).toBeHidden();
  await expectNoSidewaysScroll(page, "组织生活");
});

test("the menu drawer animates only for a user whose system does not ask for reduced motion", async ({
  browser,
}) => {
  for (const reducedMotion of ["no-preference", "reduce"] as const) {
    const context = await browser.newContext({ reducedMotion });
    const page = await context.newPage();
    await loginAndWait(page, "branch");
    // Every motion class (…-appear, …-enter, …-leave) that any element takes while the drawer opens.
    await page.evaluate(() => {
      const seen = new Set<string>();
      (window as unknown as { motionSeen: Set<string> }).motionSeen = seen;
      const note = (el: Element) =>
        el.classList.forEach((c) => /-(appear|enter|leave)(-|$)/.test(c) && seen.add(c));
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.target instanceof Element) note(r.target);
          r.addedNodes.forEach((n) => {
            if (n instanceof Element) [n, ...n.querySelectorAll("*")].forEach(note);
          });
        }
      }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ["class"],
      });
    });
    await page.getByTestId("nav-toggle").click();
    await expect(page.getByTestId("nav-drawer-menu")).toBeVisible();
    const seen = await page.evaluate(() => [
      ...(window as unknown as { motionSeen: Set<string> }).motionSeen,
    ]);
    if (reducedMotion === "reduce") expect(seen, "no animation when reduced motion is asked for").toEqual([]);
    else expect(seen.length, "the drawer animates by default").toBeGreaterThan(0);
    await context.close();
  }
});

test("on a phone the branch secretary records a meeting and adds a member", async ({ page }) => {
  test.setTimeout(120_000);
  await loginAndWait(page, "branch");
  await expect(page.getByTestId("branch-home")).toBeVisible();
  await expectNoSidewaysScroll(page, "the branch home");

  await page.goto("/work/meetings");
  const form = page.getByTestId("meeting-form");
  await selectOption(page, form, "会议类型", "主题党日");
  const topic = `手机登记主题党日${stamp}`;
  await form.getByLabel("主题").fill(topic);
  await expectNoSidewaysScroll(page, "组织生活");
  await form.getByRole("button", { name: "登记组织生活" }).click();
  await expect(form.getByTestId("form-notice")).toBeVisible();
  await expect(page.getByTestId("meeting-table")).toContainText(topic);
  await expectNoSidewaysScroll(page, "组织生活 after recording");

  const me = await api<{ org: { id: number } }>(page.request, "dashboard.branch");
  await page.goto(`/orgs/${me.org.id}`);
  await expectNoSidewaysScroll(page, "the organization's page");
  await page.getByTestId("new-member-link").click();
  const create = page.getByTestId("create-member");
  const name = `手机新增${stamp}`;
  await create.getByLabel("公民身份号码").fill(withCitizenIdCheckChar(`36992119910101${stamp.slice(-3)}`));
  await create.getByLabel("姓名").fill(name);
  await selectOption(page, create, "性别", "女");
  await fillDate(create.getByLabel("入党日期"), "2016-07-01");
  await fillDate(create.getByLabel(/^转正日期/), "2017-07-01");
  await fillDate(create.getByLabel("组织关系转入日期"), "2026-03-01");
  await expectNoSidewaysScroll(page, "新增党员");
  await create.getByTestId("create-member-submit").click();
  await expect(page).toHaveURL(/\/members\/\d+$/);
  await expect(page.getByTestId("member-detail")).toContainText(name);
  await expectNoSidewaysScroll(page, "the member's page");
});

test("on a phone the owner sends a correction; its revenue reads with two decimals; it is withdrawn", async ({
  page,
}) => {
  await loginAndWait(page, "owner");
  const form = page.getByTestId("correction-form");
  await expect(form).toBeVisible();
  await expectNoSidewaysScroll(page, "the owner's home");
  const employees = form.locator('input[name="employees"]');
  await employees.fill(String(Number(await employees.inputValue()) + 2));
  await form.locator('input[name="revenue"]').fill("96.5");
  await form.getByRole("button", { name: /提\s*交/ }).click();
  await expect(form.locator(".ant-alert-success")).toBeVisible();
  const mine = page.getByTestId("my-corrections");
  const first = mine.locator("tbody tr.ant-table-row").first();
  await expect(first).toContainText("待审核");
  await expect(first).toContainText("营业收入(万元) 96.50");
  await expectNoSidewaysScroll(page, "the owner's home after sending");

  // Leave the correction as others find it: withdrawn.
  await first.getByRole("button", { name: /撤\s*回/ }).click();
  await answerConfirm(page, "ok");
  await expect(first).toContainText("已撤回");
});
