import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, login, loginAndWait } from "./helpers";

test("after the 5th wrong password the right one is refused; the township administrator sees the lock and the audit, and unlocks", async ({
  page,
}) => {
  for (let i = 1; i <= 5; i++) {
    await login(page, "branch", `wrong-${i}`);
    await expect(page.getByTestId("login-error")).toBeVisible();
  }
  await login(page, "branch", DEMO_PASSWORD);
  await expect(page.getByTestId("login-error")).toContainText("锁定");
  await expect(page).toHaveURL(/\/login/);

  await loginAndWait(page, "township");
  await page.goto("/users?q=branch");
  await expect(page.getByTestId("user-state-branch")).toContainText("锁定至");
  await page.goto("/audit?username=branch");
  const audit = page.getByTestId("audit-table");
  await expect(audit).toContainText("账号锁定");
  await expect(audit).toContainText("登录被拒(账号已锁定)");
  await expect(audit).toContainText("登录失败(密码错误)");

  await page.goto("/users?q=branch");
  await page
    .getByTestId("user-actions-branch")
    .getByRole("button", { name: /解\s*锁/ })
    .click();
  await expect(page.getByTestId("user-state-branch")).not.toContainText("锁定至");
  await page.getByRole("button", { name: /退出登录/ }).click();
  await expect(page).toHaveURL(/\/login/);
  await loginAndWait(page, "branch");
});
