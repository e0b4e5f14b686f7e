/**
 * Pages served again (issue 25, apps/portal/src/server/response-cache.ts), across portal processes: two
 * portals on one database file, as `npm start`'s cluster workers or two instances are. A page asked again
 * is served from what its portal kept (`X-Liangxin-Cache: hit`); once the other portal has acknowledged a
 * write, the page shows the write at its first request — never the kept page from before.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { loginAndWait } from "./helpers.ts";
import { dbFile, townshipHost } from "./accounts-kit.ts";
import { root, startExtraPortal, type ExtraPortal } from "./portal-kit.ts";

const dir = path.join(root, "e2e", ".tmp", "page-cache");
const file = path.join(dir, "city.db");
let a: ExtraPortal;
let b: ExtraPortal;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const source = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(file);
  } finally {
    source.close();
  }
  [a, b] = await Promise.all([
    startExtraPortal("page-cache-a", { DATABASE_URL: file }),
    startExtraPortal("page-cache-b", { DATABASE_URL: file }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

const cacheOf = (res: APIResponse) => res.headers()["x-liangxin-cache"];

async function twice(page: Page, url: string): Promise<string> {
  const first = await page.request.get(url);
  expect(first.status()).toBe(200);
  const body = await first.text();
  // Kept once the first answer has ended (a moment later): asked again, served as it was.
  await expect
    .poll(async () => {
      const again = await page.request.get(url);
      return cacheOf(again) === "hit" && (await again.text()) === body;
    })
    .toBe(true);
  return body;
}

test("a page kept by one portal is never served after a write through the other", async ({ browser }) => {
  test.setTimeout(120_000);
  const contextA = await browser.newContext({ baseURL: a.baseURL });
  const contextB = await browser.newContext({ baseURL: b.baseURL });
  try {
    const pageA = await contextA.newPage();
    const pageB = await contextB.newPage();
    await Promise.all([loginAndWait(pageA, "township"), loginAndWait(pageB, "township")]);
    const host = townshipHost(file);
    const detail = `/hosts/${host.id}`;

    const before = await twice(pageB, detail);
    await twice(pageB, "/");
    await twice(pageB, "/hosts");

    for (const [round, address] of ["页面复用测试路 1 号", "页面复用测试路 2 号"].entries()) {
      const { version } = townshipHost(file);
      const saved = await pageA.request.post("/api/trpc/hosts.updateContact", {
        headers: { origin: a.baseURL },
        data: { json: { id: host.id, contactPhone: null, address, version } },
      });
      expect(saved.status(), `第 ${round + 1} 轮:A 保存`).toBe(200);
      // Acknowledged by A: B's next answer of every kept page is rendered anew, with the new address.
      const now = await pageB.request.get(detail);
      expect(cacheOf(now), `第 ${round + 1} 轮:B 的详情页`).toBe("miss");
      const html = await now.text();
      expect(html).toContain(address);
      expect(html).not.toBe(before);
      for (const url of ["/", "/hosts"]) expect(cacheOf(await pageB.request.get(url)), url).toBe("miss");
      // And is kept again from then on.
      expect(await twice(pageB, detail)).toContain(address);
    }

    // The browser sees the same: B's page, then A's write, then B's page again.
    await pageB.goto(detail);
    await expect(pageB.getByTestId("host-detail")).toContainText("页面复用测试路 2 号");
  } finally {
    await Promise.all([contextA.close(), contextB.close()]);
  }
});
