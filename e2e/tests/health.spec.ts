/**
 * Health endpoints for a load balancer or a monitor. live: the process answers. ready: the database file
 * exists and is migrated to the latest schema; otherwise 503 with the reason, a banner on every page and a
 * refusal from the API — and the portal never creates or migrates the file itself (issue 17).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { E2E_NOW } from "./clock.ts";
import { cli, root, startExtraPortal } from "./portal-kit.ts";

test("the suite's portal is live and ready, and says nothing more", async ({ request }) => {
  const live = await request.get("/api/health/live");
  expect(live.status()).toBe(200);
  expect(await live.json()).toEqual({ status: "live" });
  expect(live.headers()["x-liangxin-instance"]).toBe(process.env.E2E_INSTANCE);
  expect((await request.get("/api/health/live?instance=another")).status()).toBe(404);

  const ready = await request.get("/api/health/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready" });
  expect(ready.headers()["cache-control"]).toBe("no-store");
  expect(ready.headers()["set-cookie"]).toBeUndefined();
});

const tablesIn = (file: string) => {
  const db = new Database(file, { fileMustExist: true });
  try {
    return db.prepare("select count(*) from sqlite_master where type = 'table'").pluck().get() as number;
  } finally {
    db.close();
  }
};

test("a portal on a missing, empty or outdated database answers 503 with the reason until it is migrated", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dir = path.join(root, "e2e", ".tmp", "health");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "health.db");
  const portal = await startExtraPortal("health", { DATABASE_URL: file });
  const get = (p: string) => fetch(`${portal.baseURL}${p}`);
  const readiness = async () => {
    const res = await get("/api/health/ready");
    return { status: res.status, body: (await res.json()) as { status: string; reason?: string } };
  };
  try {
    // Missing: live answers, ready does not; a page says why; the API refuses; no file appears.
    expect((await get("/api/health/live")).status).toBe(200);
    expect(await readiness()).toEqual({
      status: 503,
      body: { status: "not-ready", reason: "数据库文件不存在" },
    });
    await page.goto(`${portal.baseURL}/login`);
    const banner = page.getByTestId("service-banner");
    await expect(banner).toContainText("系统暂停服务");
    await expect(banner).toContainText("数据库文件不存在");
    await expect(banner).toContainText("npm run cli -- migrate");
    const api = await get("/api/trpc/home.me");
    expect(api.status).toBe(503);
    expect(((await api.json()) as { error: { json: { message: string } } }).error.json.message).toMatch(
      /^数据库未就绪:数据库文件不存在/,
    );
    expect(existsSync(file)).toBe(false);

    // Empty: not migrated, and still not migrated after pages and API calls.
    writeFileSync(file, "");
    expect(await readiness()).toEqual({
      status: 503,
      body: { status: "not-ready", reason: "数据库尚未迁移(没有迁移记录)" },
    });
    await page.goto(`${portal.baseURL}/`);
    expect((await get("/api/trpc/home.me")).status).toBe(503);
    expect(tablesIn(file)).toBe(0);

    // Migrated by the command line: ready, without a restart.
    const env = { ...process.env, DATABASE_URL: file, LIANGXIN_NOW: E2E_NOW };
    expect(spawnSync(process.execPath, [cli, "migrate"], { env, stdio: "ignore" }).status).toBe(0);
    expect(await readiness()).toEqual({ status: 200, body: { status: "ready" } });
    await page.goto(`${portal.baseURL}/login`);
    await expect(page.getByTestId("service-banner")).toHaveCount(0);

    // Behind the program by one migration (its record removed): not ready again; back when it returns.
    const db = new Database(file);
    // (drizzle's `id SERIAL` is no rowid alias in SQLite: rows are told apart by created_at.)
    const last = db
      .prepare("select hash, created_at from __drizzle_migrations order by created_at desc limit 1")
      .get() as { hash: string; created_at: number };
    db.prepare("delete from __drizzle_migrations where created_at = ?").run(last.created_at);
    expect(await readiness()).toEqual({
      status: 503,
      body: { status: "not-ready", reason: "数据库未迁移到最新版本(缺 1 个迁移)" },
    });
    db.prepare("insert into __drizzle_migrations (hash, created_at) values (?, ?)").run(
      last.hash,
      last.created_at,
    );
    db.close();
    expect((await readiness()).status).toBe(200);
  } finally {
    await portal.stop();
  }
});
