import { expect, test } from "@playwright/test";
import { createAccount, LoopbackClient, type Answer } from "./accounts-kit.ts";
import { unique } from "./clock.ts";
import { login, loginAndWait } from "./helpers.ts";

// Throttling instead of an account lock (issue 16): failures count per username and client address;
// after 5 for a pair, that pair waits 15 minutes, while the user may still sign in from elsewhere. Nobody
// can lock anyone else out, and a made-up username answers exactly as an existing one.

const INVALID = "用户名或密码错误";
const WAIT = /请\s*\d+\s*分钟后再试/;

const signedIn = (a: Answer) => a.status === 302 && !a.location.includes("error");

// Each test signs in a dozen times (a bcrypt comparison each) on a shared machine.
test.describe.configure({ timeout: 180_000 });

test("after 5 wrong passwords from one address the 6th attempt waits even with the right password; another address signs in; the administrator sees the attempts", async ({
  page,
  baseURL,
}) => {
  const user = createAccount("thr");
  for (let i = 1; i <= 5; i++) {
    await login(page, user.username, `wrong-password-${i}`);
    await expect(page.getByTestId("login-error")).toHaveText(INVALID);
  }
  await login(page, user.username, user.password);
  await expect(page.getByTestId("login-error")).toContainText(WAIT);
  await expect(page).toHaveURL(/\/login/);

  // The browser's address (127.0.0.1) is the socket's: headers a client sends do not change it.
  const spoofing = new LoopbackClient(baseURL!, "127.0.0.1");
  const spoofed = await spoofing.signIn(user.username, user.password, {
    "x-forwarded-for": "127.0.0.9",
    "x-real-ip": "127.0.0.9",
  });
  expect(signedIn(spoofed), spoofed.location).toBe(false);

  // From another address the same user signs in with the right password at once.
  const elsewhere = new LoopbackClient(baseURL!, "127.0.0.2");
  const answer = await elsewhere.signIn(user.username, user.password);
  expect(signedIn(answer), answer.location).toBe(true);
  const me = await elsewhere.request("GET", "/api/trpc/home.me");
  expect(me.status).toBe(200);
  expect(me.body).toContain(user.username);

  // The township administrator, above the user's branch, sees the attempts in the audit log.
  await loginAndWait(page, "township");
  await page.goto(`/audit?username=${user.username}`);
  const audit = page.getByTestId("audit-table");
  await expect(audit).toContainText("登录失败(密码错误)");
  await expect(audit).toContainText("登录被拒(失败次数过多,须等待)");
  await expect(audit.getByRole("cell", { name: "登录", exact: true }).first()).toBeVisible();
});

test("a made-up username answers exactly as an existing one, attempt by attempt, on the page and at the endpoint", async ({
  page,
  baseURL,
}) => {
  const user = createAccount("cmp");
  const madeUp = `nobody-${unique()}`;
  const onPage = async (username: string) => {
    const seen: string[] = [];
    for (let i = 1; i <= 6; i++) {
      await login(page, username, `wrong-password-${i}`);
      const error = page.getByTestId("login-error");
      await expect(error).toBeVisible();
      seen.push(await error.innerText());
    }
    return seen;
  };
  const existing = await onPage(user.username);
  expect(existing.slice(0, 5)).toEqual(Array(5).fill(INVALID));
  expect(existing[5]).toMatch(WAIT);
  expect(await onPage(madeUp)).toEqual(existing);

  // The same at Auth.js's endpoint, from an address of its own: status and redirect of each attempt.
  const client = new LoopbackClient(baseURL!, "127.0.0.3");
  const byHttp = async (username: string) => {
    const seen: string[] = [];
    for (let i = 1; i <= 6; i++) {
      const a = await client.signIn(username, `wrong-password-${i}`);
      seen.push(`${a.status} ${a.location}`);
    }
    return seen;
  };
  const existingHttp = await byHttp(user.username);
  expect(existingHttp[0]).not.toEqual(existingHttp[5]); // the 6th attempt waits
  expect(await byHttp(`${madeUp}-2`)).toEqual(existingHttp);
});
