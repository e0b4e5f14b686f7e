import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { loginAndWait, sameOrigin } from "./helpers.ts";
import { unique } from "./clock.ts";

/**
 * Every demo role walks every page of its own menu (and the second page of every list): each answers 200;
 * on every list, the names in the server's HTML and the names after hydration are, in order, the names the
 * list's API procedure answers for that page; no visible text is an identifier or a piece of JSON.
 */

const ROLES = ["city", "county", "township", "industry", "branch", "owner"] as const;

/** A page of a list and how to read its names: from the table (by column title) and from its API. */
interface ListSpec {
  table: string;
  column: string;
  procedure: string;
  /** The API input of page `page`, as the page itself asks (null: not paged). */
  input: (page: number) => Record<string, unknown> | undefined;
  names: (data: unknown) => string[];
  pageSize: number | null;
}

type Rows<T> = { rows: T[]; total: number };
const rowsOf = <T>(d: unknown) => (d as Rows<T>).rows;

const LISTS: Record<string, ListSpec> = {
  "/hosts": {
    table: "hosts-table",
    column: "名称",
    procedure: "hosts.list",
    input: (page) => ({ page, pageSize: 20 }),
    names: (d) => rowsOf<{ name: string }>(d).map((r) => r.name),
    pageSize: 20,
  },
  "/orgs": {
    table: "orgs-table",
    column: "名称",
    procedure: "orgs.list",
    input: (page) => ({ page, pageSize: 30 }),
    names: (d) => rowsOf<{ name: string }>(d).map((r) => r.name),
    pageSize: 30,
  },
  "/members": {
    table: "members-table",
    column: "姓名",
    procedure: "members.list",
    input: (page) => ({ page, pageSize: 30 }),
    names: (d) => rowsOf<{ name: string }>(d).map((r) => r.name),
    pageSize: 30,
  },
  "/members/transfers": {
    table: "transfers-table",
    column: "姓名",
    procedure: "members.transfers",
    input: () => undefined,
    names: (d) => (d as { memberName: string }[]).map((r) => r.memberName),
    pageSize: null,
  },
  "/instructors": {
    table: "instructors-table",
    column: "姓名",
    procedure: "instructors.list",
    input: (page) => ({ page, pageSize: 30 }),
    names: (d) => rowsOf<{ name: string }>(d).map((r) => r.name),
    pageSize: 30,
  },
  "/users": {
    table: "users-table",
    column: "姓名",
    procedure: "users.list",
    input: (page) => ({ page, pageSize: 30 }),
    names: (d) => rowsOf<{ displayName: string }>(d).map((r) => r.displayName),
    pageSize: 30,
  },
  "/corrections": {
    table: "corrections-table",
    column: "名称",
    procedure: "corrections.inbox",
    input: () => undefined,
    names: (d) => (d as { rows: { hostName: string }[] }).rows.map((r) => r.hostName),
    pageSize: null,
  },
};

/** Pages reached from a menu page as part of it (the 接转 list is opened from 党员). */
const SUBPAGES: Record<string, string[]> = {
  "/members": ["/members/transfers"],
  // Reached from the page's own links: the batch of 一企一表 (its unit chooser) and the shared venues.
  "/hosts": ["/hosts/sheets"],
  "/work/basics": ["/work/basics/venues"],
};

/**
 * A GET as the signed-in page. A kept-alive connection the server has just closed resets the request
 * (ECONNRESET) now and then on a loaded machine: such a request is sent once more.
 */
async function get(request: APIRequestContext, url: string) {
  try {
    return await request.get(url);
  } catch (e) {
    if (!/ECONNRESET|socket hang up/.test(String(e))) throw e;
    return request.get(url);
  }
}

/** A tRPC query over HTTP as the signed-in page (superjson envelope). */
async function api(request: APIRequestContext, procedure: string, input: unknown): Promise<unknown> {
  const q = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res = await get(request, `/api/trpc/${procedure}${q}`);
  if (res.status() !== 200) return null;
  return ((await res.json()) as { result: { data: { json: unknown } } }).result.data.json;
}

/**
 * The texts of one column (by its title) of the antd table `testId`, in row order: in `page`'s DOM, or, with
 * `html`, in that markup parsed by the page's DOMParser (no script runs in it, nothing is laid out or loaded).
 */
async function columnTexts(page: Page, testId: string, column: string, html?: string): Promise<string[]> {
  return page.evaluate(
    ({ testId, title, html }) => {
      const doc = html === undefined ? document : new DOMParser().parseFromString(html, "text/html");
      const tables = doc.querySelectorAll(`[data-testid="${testId}"]`);
      if (tables.length !== 1) return [`(${tables.length} tables ${testId})`];
      const el = tables[0]!;
      const heads = [...el.querySelectorAll("thead th")].map((th) => (th.textContent ?? "").trim());
      const i = heads.indexOf(title);
      if (i < 0) throw new Error(`no column ${title} in ${heads.join("|")}`);
      return [...el.querySelectorAll("tbody tr.ant-table-row")].map((tr) =>
        (tr.querySelectorAll(":scope > td")[i]?.textContent ?? "").trim(),
      );
    },
    { testId, title: column, html },
  );
}

/** Identifiers and JSON that a user must never read (credit codes, which are data, are set aside). */
const CREDIT_CODE = /\b[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}\b/g;
const FORBIDDEN: [string, RegExp][] = [
  ["identifier", /[A-Z_]{6,}/],
  ["identifier", /[a-z]+\.[a-z]+[A-Z]/],
  ["JSON", /[{[]\s*"[^"]*"\s*:|"[A-Za-z_]+"\s*:\s*["{[\d]/],
];

async function expectReadableText(page: Page, where: string): Promise<void> {
  const text = (await page.locator("body").innerText()).replace(CREDIT_CODE, "");
  for (const [what, re] of FORBIDDEN) {
    const m = re.exec(text);
    expect
      .soft(m ? `${what}: …${text.slice(Math.max(0, m.index - 40), m.index + 60)}…` : null, where)
      .toBeNull();
  }
}

async function checkList(page: Page, path: string, spec: ListSpec, n: number) {
  const url = spec.pageSize === null ? path : `${path}${n > 1 ? `?page=${n}` : ""}`;
  const data = await api(page.request, spec.procedure, spec.input(n));
  expect.soft(data, `${url}: ${spec.procedure} answers`).not.toBeNull();
  if (data === null) return null;
  const expected = spec.names(data);

  // The server's HTML of the page, fetched with the session cookie: the names are there before any script.
  const server = await get(page.request, url);
  expect.soft(server.status(), url).toBe(200);
  expect
    .soft(await columnTexts(page, spec.table, spec.column, await server.text()), `${url}: server HTML`)
    .toEqual(expected);

  const res = await page.goto(url);
  expect.soft(res?.status(), url).toBe(200);
  await page.waitForLoadState("networkidle");
  expect.soft(await columnTexts(page, spec.table, spec.column), `${url}: after hydration`).toEqual(expected);
  await expectReadableText(page, url);
  return data;
}

for (const role of ROLES) {
  test(`${role}: every page of the menu answers, lists show the API's names in order, texts are readable`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await loginAndWait(page, role);
    const menu = await page
      .getByTestId("nav-menu")
      .getByRole("link")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    expect(menu.length).toBeGreaterThan(0);
    const pages = menu.flatMap((href) => [href, ...(SUBPAGES[href] ?? [])]);
    for (const path of pages) {
      const spec = LISTS[path];
      if (!spec) {
        const server = await get(page.request, path);
        expect.soft(server.status(), `${role} ${path}`).toBe(200);
        const res = await page.goto(path);
        expect.soft(res?.status(), `${role} ${path}`).toBe(200);
        await page.waitForLoadState("networkidle");
        await expectReadableText(page, `${role} ${path}`);
        continue;
      }
      const first = await checkList(page, path, spec, 1);
      const total = (first as { total?: number } | null)?.total;
      if (spec.pageSize !== null && total !== undefined && total > spec.pageSize)
        await checkList(page, path, spec, 2);
    }
  });
}

test("the users list keeps each row's state and its buttons", async ({ page, baseURL }) => {
  await loginAndWait(page, "county");
  // Enough accounts to fill the page: secretaries of the county's branches.
  const branches = rowsOf<{ id: number }>(
    await api(page.request, "orgs.list", { page: 1, pageSize: 25, category: "branch" }),
  );
  expect(branches.length).toBe(25);
  const stamp = unique();
  for (const [i, b] of branches.entries()) {
    const res = await page.request.post("/api/trpc/users.create", {
      // As a page of the portal sends it: a POST of another origin is refused (issue 16).
      headers: sameOrigin(baseURL),
      data: {
        json: {
          username: `walk${stamp}-${i}`,
          displayName: `巡检书记${i}`,
          password: "Walk@2026x",
          role: "secretary",
          orgId: b.id,
        },
      },
    });
    expect(res.status(), await res.text()).toBe(200);
  }
  const data = (await api(page.request, "users.list", { page: 1, pageSize: 30 })) as Rows<{
    username: string;
    isSelf: boolean;
  }>;
  expect(data.rows.length).toBe(30);
  await page.goto("/users");
  for (const u of data.rows) {
    await expect(page.getByTestId(`user-state-${u.username}`), u.username).toHaveText(/正常|已停用/);
    if (!u.isSelf)
      await expect(
        page.getByTestId(`user-actions-${u.username}`).getByRole("button", { name: /重置密码/ }),
        u.username,
      ).toBeVisible();
  }
});
