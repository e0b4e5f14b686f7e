/**
 * Issue 23, assessment (考核): an instructor's dispatcher assesses him this year, and an administrator of
 * another county gets 404 on the same action (his page and the API); a township applies for 五好党支部 for
 * a branch and the county awards it (县级).
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { login, loginAndWait, sameOrigin, selectOption } from "./helpers.ts";
import { query } from "./trpc-kit.ts";
import { E2E_YEAR, unique } from "./clock.ts";

interface AssessRow {
  instructorId: number;
  name: string;
  mayAssess: boolean;
  assessment: { grade: string } | null;
}

/** A new administrator of 青山县 (another county than the demo's), created by the city, signed in. */
async function otherCountyAdmin(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const city = await browser.newPage({ baseURL });
  await loginAndWait(city, "city");
  const found = await query<{ rows: { id: number; name: string; category: string }[] }>(
    city.request,
    "orgs.list",
    {
      page: 1,
      pageSize: 50,
      q: "青山县",
    },
  );
  const node = found.rows.find((o) => o.name.includes("青山县") && o.name.includes("两新组织工作委员会"));
  expect(node, "青山县's committee").toBeDefined();
  const username = `qingshan${unique()}`;
  const created = await city.request.post("/api/trpc/users.create", {
    headers: sameOrigin(baseURL),
    data: {
      json: {
        username,
        displayName: "青山县管理员",
        password: "Qingshan@2026",
        role: "admin",
        orgId: node!.id,
      },
    },
  });
  expect(created.status(), await created.text()).toBe(200);
  await city.close();
  const other = await browser.newPage({ baseURL });
  await login(other, username, "Qingshan@2026");
  await expect(other).toHaveURL(/\/password/);
  const form = other.getByTestId("password-form");
  await form.locator('input[name="oldPassword"]').fill("Qingshan@2026");
  await form.locator('input[name="newPassword"]').fill("Qingshan@2026b");
  await form.getByRole("button").click();
  await loginAndWait(other, username, "Qingshan@2026b");
  return other;
}

test("the county assesses an instructor it dispatched this year; another county gets 404 on his page and on the action", async ({
  page,
  browser,
  baseURL,
}) => {
  // Two sessions and a new account (its first sign-in sets a password): slower than one page's steps.
  test.setTimeout(120_000);
  await loginAndWait(page, "county");
  const list = await query<{ rows: AssessRow[] }>(page.request, "assessment.instructors", { year: E2E_YEAR });
  const target = list.rows.find((r) => r.mayAssess && r.assessment === null);
  expect(target, "an instructor the county dispatched, not yet assessed this year").toBeDefined();

  await page.getByTestId("nav-menu").getByRole("link", { name: "指导员考核" }).click();
  await expect(page.getByRole("heading", { name: "指导员年度考核" })).toBeVisible();
  const row = page.getByTestId(`assess-row-${target!.instructorId}`);
  await expect(row).toContainText("未考核");
  const form = row.getByTestId(`assess-form-${target!.instructorId}`);
  await form.getByLabel("考核等次").click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="优秀"]').click();
  await form.getByLabel("评语").fill("指导到位,成效明显");
  await form.getByRole("button", { name: /考\s*核/ }).click();
  await expect(form.getByTestId("form-notice")).toBeVisible();
  await expect(row).toContainText("优秀");

  // His page shows the assessment.
  await page.goto(`/instructors/${target!.instructorId}`);
  await expect(page.getByTestId("instructor-assessments")).toContainText(String(E2E_YEAR));
  await expect(page.getByTestId("instructor-assessments")).toContainText("优秀");

  // Another county: his page and the action answer 404.
  const other = await otherCountyAdmin(browser, baseURL);
  const res = await other.goto(`/instructors/${target!.instructorId}`);
  expect(res?.status()).toBe(404);
  const action = await other.request.post("/api/trpc/assessment.assess", {
    headers: sameOrigin(baseURL),
    data: { json: { instructorId: target!.instructorId, year: E2E_YEAR, grade: "incompetent" } },
  });
  expect(action.status()).toBe(404);
  await other.close();
});

test("a township applies for 五好党支部 for a branch and the county awards it at 县级", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await loginAndWait(page, "township");
  const orgs = await query<{ id: number; name: string }[]>(page.request, "work.orgs");
  const applied = await query<{ orgId: number; year: number }[]>(page.request, "assessment.fiveGood.list");
  const taken = new Set(applied.filter((a) => a.year === E2E_YEAR).map((a) => a.orgId));
  const branch = orgs.find((o) => !taken.has(o.id) && o.name.endsWith("支部委员会"));
  expect(branch, "a branch without an application this year").toBeDefined();

  await page.getByTestId("nav-menu").getByRole("link", { name: "五好党支部" }).click();
  await expect(page.getByRole("heading", { name: "五好党支部" })).toBeVisible();
  const form = page.getByTestId("five-good-apply");
  await selectOption(page, form, "党组织", branch!.name, { search: true });
  await form.getByLabel("申报材料").fill("支部班子好、党员队伍好、工作机制好、工作业绩好、群众反映好");
  await form.getByRole("button", { name: /申\s*报/ }).click();
  await expect(form.getByTestId("form-notice")).toBeVisible();
  const mine = await query<{ id: number; orgId: number; year: number }[]>(
    page.request,
    "assessment.fiveGood.list",
  );
  const application = mine.find((a) => a.orgId === branch!.id && a.year === E2E_YEAR)!;
  expect(application).toBeDefined();
  await expect(page.getByTestId(`five-good-row-${application.id}`)).toContainText("待评审");

  const county = await browser.newPage({ baseURL });
  await loginAndWait(county, "county");
  await county.getByTestId("nav-menu").getByRole("link", { name: "五好党支部" }).click();
  const review = county.getByTestId(`five-good-review-${application.id}`);
  await review.getByLabel("评审结果").click();
  await county.locator('.ant-select-dropdown:visible .ant-select-item-option[title="授予"]').click();
  await review.getByLabel("评审意见").fill("同意授予");
  await review.getByRole("button", { name: "提交评审" }).click();
  await expect(county.getByTestId(`five-good-row-${application.id}`)).toContainText("授予(县级)");
  await county.close();

  // The branch's page shows the award.
  await page.goto(`/orgs/${branch!.id}`);
  await expect(page.getByTestId("org-five-good")).toContainText("授予(县级)");
});
