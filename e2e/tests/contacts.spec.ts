import { expect, test } from "@playwright/test";
import { gotoHome, loginAndWait, selectOption } from "./helpers.ts";
import { query } from "./trpc-kit.ts";

interface InboxItem {
  kind: string;
  subject: string;
  refId: number;
}

test("a leader's overdue visit is in the township's 待办 and leaves it when a visit is recorded on the contacts page", async ({
  page,
}) => {
  await loginAndWait(page, "township");
  const overdue = (await query<InboxItem[]>(page.request, "work.inbox")).filter(
    (i) => i.kind === "contactVisitOverdue",
  );
  expect(overdue.length, "the demo leaves the township an overdue visit").toBeGreaterThan(0);
  const item = overdue[0]!;

  await page.getByTestId("nav-menu").getByRole("link", { name: "待办" }).click();
  await expect(page.getByTestId("inbox-table").getByText(item.subject)).toBeVisible();

  await page.getByTestId("nav-menu").getByRole("link", { name: "领导干部联系点" }).click();
  await expect(page.getByRole("heading", { name: "领导干部联系点" })).toBeVisible();
  await expect(page.getByTestId(`contact-overdue-${item.refId}`)).toBeVisible();
  const form = page.getByTestId(`visit-form-${item.refId}`);
  await expect(async () => {
    await page.getByTestId(`contact-visit-${item.refId}`).click();
    await expect(form).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await form.getByTestId("visit-content").fill("召开党员座谈会,了解企业党建工作");
  await form.getByTestId("visit-problems").fill("党员活动场所偏小");
  await form.getByTestId("visit-follow-up").fill("协调共享党群服务中心");
  await form.getByRole("button", { name: "登记走访" }).click();
  await expect(page.getByTestId(`contact-overdue-${item.refId}`)).toHaveCount(0);

  await page.getByTestId("nav-menu").getByRole("link", { name: "待办" }).click();
  await expect(page.getByRole("heading", { name: "待办" })).toBeVisible();
  const after = await query<InboxItem[]>(page.request, "work.inbox");
  expect(after.some((i) => i.kind === "contactVisitOverdue" && i.refId === item.refId)).toBe(false);
  await expect(page.getByTestId("inbox-table").getByText(item.subject)).toHaveCount(0);
});

test("a showcase named by the county is listed and the dashboard's count rises", async ({ page }) => {
  await loginAndWait(page, "county");
  const count = async () => Number(/(\d+)/.exec(await page.getByTestId("showcase-county").innerText())?.[1]);
  const before = await count();
  const board = await query<{ rows: { orgId: number; orgName: string }[] }>(page.request, "basics.board");
  const named = new Set(
    (await query<{ orgId: number | null }[]>(page.request, "showcases.list", { level: "county" })).map(
      (s) => s.orgId,
    ),
  );
  const names = new Map<string, number>();
  for (const r of board.rows) names.set(r.orgName, (names.get(r.orgName) ?? 0) + 1);
  const org = board.rows.find((r) => !named.has(r.orgId) && names.get(r.orgName) === 1);
  expect(org, "an organization of the county without a county showcase").toBeDefined();

  await page.getByTestId("nav-menu").getByRole("link", { name: "示范点" }).click();
  await expect(page.getByRole("heading", { name: "示范点" })).toBeVisible();
  const form = page.getByTestId("showcase-form");
  await selectOption(page, form, "示范对象(党组织)", org!.orgName, { search: true });
  await form.getByTestId("showcase-reasons").fill("党建引领企业发展成效明显");
  await form.getByRole("button", { name: "命名示范点" }).click();
  await expect(form.getByTestId("form-notice")).toBeVisible();
  const row = page.getByTestId("showcase-table").getByRole("row").filter({ hasText: org!.orgName });
  await expect(row).toContainText("县级");
  await expect(row).toContainText("党建引领企业发展成效明显");

  await gotoHome(page);
  await expect.poll(count).toBe(before + 1);
});
