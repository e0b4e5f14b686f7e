import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { gotoHome, loginAndWait } from "./helpers.ts";

/** A tRPC query over HTTP, as the signed-in page. */
async function trpcGet(request: APIRequestContext, path: string, input: unknown) {
  const q = encodeURIComponent(JSON.stringify({ json: input }));
  return request.get(`/api/trpc/${path}?input=${q}`);
}

async function data<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const res = await trpcGet(request, path, input);
  expect(res.status(), path).toBe(200);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function expectNotFoundPage(page: Page, url: string) {
  const res = await page.goto(url);
  expect(res?.status(), url).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
}

async function expectNotFoundApi(page: Page, path: string, input: unknown) {
  const res = await trpcGet(page.request, path, input);
  expect(res.status(), path).toBe(404);
  expect(await res.text()).toContain("NOT_FOUND");
}

/** Records of 青山县, which only the city may see. */
let foreign: { host: number; org: number };

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await loginAndWait(page, "city");
  const first = await data<{ regions: { id: number; name: string }[] }>(page.request, "hosts.list", {
    page: 1,
    pageSize: 1,
  });
  const qingshan = first.regions.find((r) => r.name === "青山县");
  expect(qingshan).toBeTruthy();
  const hosts = await data<{ rows: { id: number }[] }>(page.request, "hosts.list", {
    page: 1,
    pageSize: 1,
    regionId: qingshan!.id,
  });
  const orgs = await data<{ rows: { id: number; name: string }[] }>(page.request, "orgs.list", {
    page: 1,
    pageSize: 5,
    q: "青山县",
  });
  foreign = { host: hosts.rows[0]!.id, org: orgs.rows[0]!.id };
  await page.close();
});

const ROLES = [
  { username: "city", label: "市级管理员", home: "dashboard-rows" },
  { username: "county", label: "县级管理员", home: "dashboard-rows" },
  { username: "township", label: "乡镇(街道)管理员", home: "dashboard-rows" },
  { username: "industry", label: "行业党委管理员", home: "dashboard-rows" },
  { username: "branch", label: "党组织书记", home: "branch-home" },
  { username: "owner", label: "出资人", home: "owner-home" },
] as const;

for (const role of ROLES) {
  test(`${role.username}: sees the own area, and a record of another area is not found by URL and by API`, async ({
    page,
  }) => {
    await loginAndWait(page, role.username);
    await expect(page.getByTestId("current-user")).toContainText(role.label);
    await expect(page.getByTestId(role.home)).toBeVisible();
    const host = role.username === "city" ? 99_999_999 : foreign.host;
    const org = role.username === "city" ? 99_999_999 : foreign.org;
    await expectNotFoundPage(page, `/hosts/${host}`);
    await expectNotFoundPage(page, `/orgs/${org}`);
    await expectNotFoundApi(page, "hosts.get", { id: host });
    await expectNotFoundApi(page, "orgs.get", { id: org });
  });
}

test("the owner reaches no list page: the menu has none and direct URLs answer 404", async ({ page }) => {
  await loginAndWait(page, "owner");
  const menu = page.getByTestId("nav-menu");
  await expect(menu).toContainText("首页");
  for (const label of ["两新组织", "党组织", "党员", "指导员", "用户管理", "审计日志", "更正审核"])
    await expect(menu).not.toContainText(label);
  for (const url of ["/hosts", "/orgs", "/members", "/instructors", "/users", "/audit", "/corrections"])
    await expectNotFoundPage(page, url);
  await expectNotFoundApi(page, "hosts.list", { page: 1, pageSize: 5 });
  await expectNotFoundApi(page, "members.list", { page: 1, pageSize: 5 });
});

test("the county dashboard shows counts equal to the sum of its rows, except distinct instructors", async ({
  page,
}) => {
  await loginAndWait(page, "county");
  const table = page.getByTestId("dashboard-rows");
  await expect(table).toBeVisible();
  await expect(table.locator('tr[data-row-kind="direct"]')).toHaveCount(1);
  await expect(table.locator("tr[data-row-kind]")).toContainText(["物流行业"]);
  const value = (t: string) => (t.trim() === "—" ? 0 : Number(t.replace(/,/g, "")));
  const keys = ["hosts", "enterprises", "socialOrgs", "employees", "aboveScale", "orgCovered", "workCovered"];
  for (const key of [
    ...keys,
    "shouldEstablishNotEstablished",
    "membersEmployed",
    "orgs.total",
    "members.total",
  ]) {
    const parts = await table
      .locator(
        `tr[data-row-kind="child"] td[data-key="${key}"], tr[data-row-kind="direct"] td[data-key="${key}"]`,
      )
      .allInnerTexts();
    const total = value(await table.locator(`tr[data-row-kind="total"] td[data-key="${key}"]`).innerText());
    expect(parts.length).toBeGreaterThanOrEqual(6);
    expect(
      parts.reduce((s, t) => s + value(t), 0),
      key,
    ).toBe(total);
  }
  const hosts = value(await table.locator('tr[data-row-kind="total"] td[data-key="hosts"]').innerText());
  expect(hosts).toBeGreaterThan(0);
  const instructorParts = await table
    .locator('tr:not([data-row-kind="total"]) td[data-key="instructors"]')
    .allInnerTexts();
  const instructors = value(
    await table.locator('tr[data-row-kind="total"] td[data-key="instructors"]').innerText(),
  );
  expect(instructors).toBeLessThanOrEqual(instructorParts.reduce((s, t) => s + value(t), 0));
});

test("pages carry a Content-Security-Policy and render without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await loginAndWait(page, "township");
  const res = await page.goto("/hosts");
  expect(res?.headers()["content-security-policy"]).toContain("default-src 'self'");
  await expect(page.getByTestId("hosts-table")).toBeVisible();
  await gotoHome(page);
  await expect(page.getByTestId("dashboard-rows")).toBeVisible();
  expect(violations).toEqual([]);
});
