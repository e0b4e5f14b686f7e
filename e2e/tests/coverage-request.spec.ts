/**
 * Issue 15, finding 4, as the users meet it: covering a host of another township is a request. The branch
 * secretary (柳林镇's joint branch) proposes covering a host of 石桥镇 by its credit code; the host's township
 * administrator finds it in 待办, accepts it on 覆盖申请; the coverage shows on both sides.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_NOW, E2E_TODAY } from "./clock.ts";
import { loginAndWait, selectOption } from "./helpers.ts";

/** 石桥镇's administrator's password (the rule of issue 16: 10+ characters, letters and digits). */
const SHIQIAO_PASSWORD = "Shiqiao2026x";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const dbFile = path.join(root, "e2e", ".tmp", "e2e.db");

/** The 组织代码 of 石桥镇's committee in the served database. */
function shiqiaoCode(): string {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare("select code from orgs where name like '%石桥镇委员会'").pluck().get() as string;
  } finally {
    db.close();
  }
}

async function api<T>(request: APIRequestContext, procedure: string, input?: unknown): Promise<T> {
  const q = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res = await request.get(`/api/trpc/${procedure}${q}`);
  expect(res.status(), `${procedure}: ${await res.text()}`).toBe(200);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

test.beforeAll(() => {
  // 石桥镇's administrator (the demo city has accounts for 柳林镇 only), made as an operator would: the CLI,
  // on the database the test server serves (e2e/server.mjs).
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, "apps", "cli", "bin", "liangxin.mjs"),
      "create-user",
      "--username",
      "shiqiao",
      "--password",
      SHIQIAO_PASSWORD,
      "--name",
      "石桥镇管理员",
      "--role",
      "admin",
      "--org",
      shiqiaoCode(),
    ],
    {
      env: { ...process.env, DATABASE_URL: dbFile, LIANGXIN_NOW: E2E_NOW },
      encoding: "utf8",
    },
  );
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
});

test("a branch secretary proposes covering another township's host; its township administrator accepts it from 待办; the coverage shows on both sides", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const shiqiao = await (await browser.newContext()).newPage();
  await loginAndWait(shiqiao, "shiqiao", SHIQIAO_PASSWORD);
  const {
    rows: [host],
  } = await api<{ rows: { id: number; name: string; creditCode: string }[] }>(shiqiao.request, "hosts.list", {
    page: 1,
    pageSize: 1,
    coverage: "uncovered",
  });
  expect(host).toBeDefined();

  // The branch: not its host to cover directly, so it proposes, from its menu.
  await loginAndWait(page, "branch");
  await page.getByTestId("nav-menu").getByRole("link", { name: "覆盖申请" }).click();
  await expect(page).toHaveURL(/\/coverage-requests$/);
  const form = page.getByTestId("propose-coverage");
  await selectOption(page, form, "覆盖党组织", "柳林镇非公企业第一联合支部");
  await form.getByLabel("两新组织的统一社会信用代码").fill(host!.creditCode);
  await expect(form.getByLabel("开始日期")).toHaveValue(E2E_TODAY);
  await form.getByLabel("申请理由").fill("区域相邻、行业相近");
  await form.getByTestId("propose-coverage-submit").click();
  await expect(form.getByTestId("form-notice")).toContainText(host!.name);
  const made = page.getByTestId("coverage-requests-made").locator("tr", { hasText: host!.name });
  await expect(made).toContainText("待确认");
  // Not covered yet: the host is still not the branch's to see.
  expect(
    (
      await api<{ rows: unknown[] }>(page.request, "hosts.list", {
        page: 1,
        pageSize: 5,
        q: host!.creditCode,
      })
    ).rows,
  ).toHaveLength(0);

  // 石桥镇's administrator: in 待办, then on 覆盖申请.
  await shiqiao.getByTestId("nav-menu").getByRole("link", { name: "待办" }).click();
  const item = shiqiao.getByTestId("inbox-table").locator("tr", { hasText: host!.name });
  await expect(item).toContainText("覆盖申请待确认");
  await item.getByRole("link", { name: "处理" }).click();
  await expect(shiqiao).toHaveURL(/\/coverage-requests$/);
  const waiting = shiqiao.getByTestId("coverage-requests-waiting").locator("tr", { hasText: host!.name });
  await expect(waiting).toContainText("中共柳林镇非公企业第一联合支部委员会");
  await waiting.getByTestId("decide-coverage-accept").click();
  await expect(waiting).toContainText("已确认");

  // Both sides: the host's page names its covering organization; the branch now lists the host it covers.
  await shiqiao.goto(`/hosts/${host!.id}`);
  await expect(shiqiao.getByTestId("host-detail")).toContainText("柳林镇非公企业第一联合支部");
  await page.reload();
  await expect(made).toContainText("已确认");
  await page.getByTestId("nav-menu").getByRole("link", { name: "两新组织" }).click();
  await expect(page.getByTestId("hosts-table")).toBeVisible();
  await page.goto(`/hosts?q=${encodeURIComponent(host!.creditCode)}`);
  await expect(page.getByTestId("hosts-table").locator("tr", { hasText: host!.name })).toBeVisible();
});
