import { expect, test, type Browser, type BrowserContext, type Cookie, type Page } from "@playwright/test";
import { createAccount, type Account } from "./accounts-kit.ts";
import { answerConfirm, login, loginAndWait, streamed } from "./helpers.ts";

// Revocable sessions (issue 16): each sign-in is a session the server knows; signing out ends that one
// session only; a password change, a reset or a disable ends every session of the user; administrators see
// and end a user's sessions.

test.describe.configure({ timeout: 120_000 });

interface Signed {
  context: BrowserContext;
  page: Page;
  token: Cookie;
}

/** A browser of its own (told apart by its user agent) signed in as `user`. */
async function signedIn(browser: Browser, user: Account, agent: string): Promise<Signed> {
  const context = await browser.newContext({ userAgent: `Mozilla/5.0 (X11; Linux x86_64) ${agent}` });
  const page = await context.newPage();
  await login(page, user.username, user.password);
  await expect(page.getByTestId("current-user")).toBeVisible();
  await streamed(page);
  const token = (await context.cookies()).find((c) => c.name.includes("session-token"));
  expect(token, "session cookie").toBeTruthy();
  return { context, page, token: token! };
}

async function expectWorking(page: Page) {
  await page.goto("/members");
  await expect(page).toHaveURL(/\/members/);
  await expect(page.getByTestId("current-user")).toBeVisible();
  expect((await page.request.get("/api/trpc/home.me")).status()).toBe(200);
}

async function expectSignedOut(page: Page) {
  await page.goto("/members");
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get("/api/trpc/home.me")).status()).toBe(401);
}

/** The token, replayed by another client after the session ended, opens nothing. */
async function expectTokenRefused(browser: Browser, token: Cookie) {
  const context = await browser.newContext();
  await context.addCookies([token]);
  const page = await context.newPage();
  await expectSignedOut(page);
  await context.close();
}

test("two browsers signed in as one user: signing out in one leaves the other working; the signed-out token opens nothing", async ({
  browser,
}) => {
  const user = createAccount("ses");
  const a = await signedIn(browser, user, "Liangxin-E2E-A");
  const b = await signedIn(browser, user, "Liangxin-E2E-B");
  await a.page.getByRole("button", { name: /退出登录/ }).click();
  await expect(a.page).toHaveURL(/\/login/);
  await expectWorking(b.page);
  await expectTokenRefused(browser, a.token);
  await expectWorking(b.page);
});

test("changing the password in one browser ends both sessions: both old tokens are refused; the new password signs in", async ({
  browser,
}) => {
  const user = createAccount("pwd");
  const a = await signedIn(browser, user, "Liangxin-E2E-A");
  const b = await signedIn(browser, user, "Liangxin-E2E-B");
  const newPassword = `${user.password}x9`;
  await a.page.goto("/account");
  const form = a.page.getByTestId("password-form");
  await form.locator('input[name="oldPassword"]').fill(user.password);
  await form.locator('input[name="newPassword"]').fill(newPassword);
  await form.getByRole("button").click();
  await expect(a.page).toHaveURL(/\/login/);
  await expect(a.page.getByTestId("login-notice")).toContainText("密码已修改");
  await expectSignedOut(b.page);
  await expectTokenRefused(browser, a.token);
  await expectTokenRefused(browser, b.token);
  await signedIn(browser, { ...user, password: newPassword }, "Liangxin-E2E-C");
});

test("the township administrator sees the user's sessions and ends one: that browser is signed out, the other keeps working", async ({
  browser,
  page,
}) => {
  const user = createAccount("adm");
  const a = await signedIn(browser, user, "Liangxin-E2E-A");
  const b = await signedIn(browser, user, "Liangxin-E2E-B");
  await loginAndWait(page, "township");
  await page.goto(`/users?q=${user.username}`);
  await page.getByTestId(`user-actions-${user.username}`).getByRole("link", { name: "会话" }).click();
  const table = page.getByTestId("sessions-table");
  await expect(table).toContainText("Liangxin-E2E-A");
  await expect(table).toContainText("Liangxin-E2E-B");
  const end = table.locator("tr", { hasText: "Liangxin-E2E-A" }).getByRole("button", { name: "结束会话" });
  // It asks first: 取消 keeps the session.
  await end.click();
  await answerConfirm(page, "cancel");
  await expectWorking(a.page);
  await end.click();
  await answerConfirm(page, "ok");
  await expect(table).not.toContainText("Liangxin-E2E-A");
  await expect(table).toContainText("Liangxin-E2E-B");
  await expectSignedOut(a.page);
  await expectWorking(b.page);
});

test("an administrator's password reset ends every session of the user", async ({ browser, page }) => {
  const user = createAccount("rst");
  const a = await signedIn(browser, user, "Liangxin-E2E-A");
  const b = await signedIn(browser, user, "Liangxin-E2E-B");
  await loginAndWait(page, "township");
  await page.goto(`/users?q=${user.username}`);
  const actions = page.getByTestId(`user-actions-${user.username}`);
  await actions.locator('input[name="password"]').fill("Temporary2026");
  await actions.getByRole("button", { name: /重置密码/ }).click();
  await expect(actions).toContainText("已完成");
  await expectSignedOut(a.page);
  await expectSignedOut(b.page);
  await expectTokenRefused(browser, b.token);
});
