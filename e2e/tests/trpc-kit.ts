/**
 * What several specs do over the portal's own API: a tRPC query as a signed-in page sends it, and a new
 * administrator of another township (石桥镇), created by the county as an administrator would, signed in
 * after choosing a password of their own.
 */
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { login, loginAndWait, sameOrigin } from "./helpers.ts";
import { unique } from "./clock.ts";

/** A tRPC query over HTTP with the page's session (superjson envelope); it must answer 200. */
export async function query<T>(request: APIRequestContext, procedure: string, input?: unknown): Promise<T> {
  const q = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res = await request.get(`/api/trpc/${procedure}${q}`);
  expect(res.status(), procedure).toBe(200);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

/**
 * A new administrator of 石桥镇 (another township than the demo's `township`), created by the county
 * through users.create; a new account chooses its own password first. The page is signed in.
 */
export async function otherTownshipAdmin(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const county = await browser.newPage({ baseURL });
  await loginAndWait(county, "county");
  const shiqiao = await query<{ rows: { id: number; name: string }[] }>(county.request, "orgs.list", {
    page: 1,
    pageSize: 50,
    q: "石桥镇",
  });
  const node = shiqiao.rows.find((o) => o.name.includes("石桥镇") && o.name.includes("委员会"));
  expect(node, "石桥镇's committee").toBeDefined();
  const username = `shiqiao${unique()}`;
  const created = await county.request.post("/api/trpc/users.create", {
    headers: sameOrigin(baseURL),
    data: {
      json: {
        username,
        displayName: "石桥镇管理员",
        password: "Shiqiao@2026",
        role: "admin",
        orgId: node!.id,
      },
    },
  });
  expect(created.status(), await created.text()).toBe(200);
  await county.close();

  const other = await browser.newPage({ baseURL });
  await login(other, username, "Shiqiao@2026");
  await expect(other).toHaveURL(/\/password/);
  const form = other.getByTestId("password-form");
  await form.locator('input[name="oldPassword"]').fill("Shiqiao@2026");
  await form.locator('input[name="newPassword"]').fill("Shiqiao@2026b");
  await form.getByRole("button").click();
  await loginAndWait(other, username, "Shiqiao@2026b");
  return other;
}
