import { expect, test } from "@playwright/test";
import { login, loginAndWait } from "./helpers.ts";

test("the city administrator logs in through the real page and sees the tree and host count", async ({
  page,
}) => {
  await loginAndWait(page, "city");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("current-user")).toContainText("市级管理员");
  const tree = page.getByTestId("org-tree");
  await expect(tree).toContainText("中共清源市委两新组织工作委员会");
  await expect(tree).toContainText("县");
  const count = Number(
    (await page.getByTestId("host-count").locator(".ant-statistic-content-value").innerText()).replace(
      /,/g,
      "",
    ),
  );
  expect(count).toBeGreaterThanOrEqual(2000);
});

test("a township administrator sees fewer hosts than the city", async ({ page }) => {
  await loginAndWait(page, "township");
  const count = Number(
    (await page.getByTestId("host-count").locator(".ant-statistic-content-value").innerText()).replace(
      /,/g,
      "",
    ),
  );
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(2000);
});

test("a wrong password shows a Chinese error on the login page", async ({ page }) => {
  await login(page, "county", "wrong-password");
  await expect(page.getByTestId("login-error")).toContainText("用户名或密码错误");
  await expect(page).toHaveURL(/\/login/);
});

test("logout returns to the login page and the home page needs a session again", async ({ page }) => {
  await loginAndWait(page, "county");
  await page.getByRole("button", { name: /退出登录/ }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("an unknown URL shows a Chinese 404 page", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
});
