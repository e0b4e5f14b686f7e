import { expect, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo@2026";

/**
 * The header a state-changing request sent outside a page (Playwright's request context) carries, as a
 * browser would: the portal refuses a POST whose Origin is not its own (issue 16).
 */
export function sameOrigin(baseURL: string | undefined): { origin: string } {
  return { origin: new URL(baseURL!).origin };
}

export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: /登\s*录/ }).click();
}

/**
 * Sign in and wait for the home page, streamed in full (the first sign-in after the server starts computes a
 * cold dashboard: it may take long on a busy machine).
 */
export async function loginAndWait(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await login(page, username, password);
  await expect(page.getByTestId("current-user")).toBeAttached({ timeout: 60_000 });
  await streamed(page);
}

/**
 * Wait until a streamed page has swapped in all its content. The home page streams behind a loading
 * boundary: React puts the finished content in a hidden `<div id="S:…">` and moves it into place a moment
 * later, so for that moment every test id of the dashboard is in the document twice (a strict locator
 * fails on it: seen once in CI). Until then the loading skeleton stands in its place.
 */
export async function streamed(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('[data-testid="page-loading"], div[hidden][id^="S:"]') === null,
  );
}

/** Open the home page and wait until its dashboard has streamed in. */
export async function gotoHome(page: Page): Promise<void> {
  await page.goto("/");
  await streamed(page);
}

const escapeRegExp = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Pick, in the antd Select labelled `label` inside `scope`, the option whose title contains `text` (typed
 * into the search first with `search`), and wait until the select shows it. A click that lands while the
 * list re-renders (a search's results arriving) is lost otherwise: seen in CI, so it is retried.
 */
export async function selectOption(
  page: Page,
  scope: Locator,
  label: string,
  text: string,
  opts: { search?: boolean } = {},
): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  const chosen = scope
    .locator(".ant-form-item")
    .filter({ has: page.getByLabel(label, { exact: true }) })
    .locator(".ant-select-content-has-value");
  await expect(async () => {
    if (opts.search) await input.fill(text);
    else await input.click();
    await page
      .locator(`.ant-select-dropdown:visible .ant-select-item-option[title*="${text}"]`)
      .first()
      .click({ timeout: 3_000 });
    await expect(chosen).toHaveAttribute("title", new RegExp(escapeRegExp(text)), { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

/**
 * Answer the confirmation (antd Popconfirm) that the last click opened: 确定 runs the action, 取消 leaves
 * everything as it was. Waits until the question has closed.
 */
export async function answerConfirm(page: Page, answer: "ok" | "cancel"): Promise<void> {
  const question = page.locator(".ant-popconfirm:visible");
  await expect(question).toHaveCount(1);
  await question.getByRole("button", { name: answer === "ok" ? /^确\s*定$/ : /^取\s*消$/ }).click();
  await expect(question).toHaveCount(0);
}

/**
 * Type a date into a date field (antd DatePicker, YYYY-MM-DD) and leave it: the picker takes a typed date
 * when focus leaves it (Enter would also submit the form). Waits until the field shows the date.
 */
export async function fillDate(field: Locator, date: string): Promise<void> {
  await field.fill(date);
  await field.press("Tab");
  await expect(field).toHaveValue(date);
}
