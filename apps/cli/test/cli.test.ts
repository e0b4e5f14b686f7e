import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";

const bin = path.resolve(import.meta.dirname, "..", "bin", "liangxin.mjs");
const dir = mkdtempSync(path.join(tmpdir(), "liangxin-cli-"));
const dbFile = path.join(dir, "cli.db");

function cli(...args: string[]) {
  return cliIn(undefined, ...args);
}

/** The command line started in the folder `cwd` (the test's own when undefined). */
function cliIn(cwd: string | undefined, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, DATABASE_URL: dbFile },
    encoding: "utf8",
    ...(cwd ? { cwd } : {}),
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the command line, on a real database file named by DATABASE_URL", () => {
  it("prints help in Chinese", () => {
    const r = cli("--help");
    expect(r.code).toBe(0);
    expect(r.out).toContain("migrate");
    expect(r.out).toContain("create-user");
    expect(r.out).toContain("载入演示城市");
  });

  it("refuses an unknown command", () => {
    const r = cli("frobnicate");
    expect(r.code).toBe(2);
    expect(r.err).toContain("未知命令");
  });

  it("migrates, seeds the demo city once, and skips it when the database is not empty", () => {
    expect(cli("migrate").code).toBe(0);
    const seeded = cli("seed", "--demo");
    expect(seeded.code).toBe(0);
    expect(seeded.out).toContain("city");
    const hosts = () =>
      new Database(dbFile, { readonly: true }).prepare("select count(*) from hosts").pluck().get();
    const before = hosts();
    expect(before).toBeGreaterThanOrEqual(2000);
    const again = cli("seed", "--demo", "--if-empty");
    expect(again.code).toBe(0);
    expect(again.out).toContain("跳过");
    const refused = cli("seed", "--demo");
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("已有数据");
    expect(hosts()).toBe(before);
  });

  it("runs from a folder outside the repository (a cron job, a restore drill in /tmp): migrates and reports", () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), "liangxin-cli-elsewhere-"));
    try {
      expect(cliIn(elsewhere, "migrate")).toMatchObject({ code: 0 });
      const code = new Database(dbFile, { readonly: true })
        .prepare("select code from orgs where parent_id is null")
        .pluck()
        .get() as string;
      const report = cliIn(elsewhere, "report", "--year", "2025", "--unit", code);
      expect(report.err).toBe("");
      expect(report.code).toBe(0);
      expect(JSON.parse(report.out).rows.length).toBeGreaterThan(0);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it("creates a user bound to an organization, and explains what is wrong otherwise", () => {
    const db = new Database(dbFile, { readonly: true });
    const code = db
      .prepare("select code from orgs where category = 'countyCommittee' limit 1")
      .pluck()
      .get() as string;
    db.close();
    const ok = cli(
      "create-user",
      "--username",
      "zhang",
      "--password",
      "Secret#123",
      "--name",
      "张三",
      "--role",
      "admin",
      "--org",
      code,
    );
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("用户已创建");
    const dup = cli(
      "create-user",
      "--username",
      "zhang",
      "--password",
      "Secret#123",
      "--role",
      "admin",
      "--org",
      code,
    );
    expect(dup.code).toBe(1);
    expect(dup.err).toContain("用户名已存在");
    const missing = cli("create-user", "--username", "li", "--role", "admin");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("--password");
  });
});

describe("backup and restore from the command line", () => {
  it("backs up the live database and restores it, refusing a damaged file", () => {
    const file = path.join(dir, "backup.db");
    const b = cli("backup", file);
    expect(b.code).toBe(0);
    expect(b.out).toContain("完整性校验通过");
    const junk = path.join(dir, "junk.db");
    writeFileSync(junk, "not a database at all".repeat(500));
    const bad = cli("restore", junk);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("不是有效的数据库");
    const ok = cli("restore", file);
    expect(ok.code).toBe(0);
    const db = new Database(dbFile, { readonly: true });
    expect(db.prepare("select count(*) from users where username = 'zhang'").pluck().get()).toBe(1);
    db.close();
  });
});
