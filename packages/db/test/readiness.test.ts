/**
 * The portal serves a database only when it exists and is migrated to the latest schema, and never creates
 * or migrates one itself (migrations are a step of `npm start` and `liangxin migrate`).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, describe, expect, it } from "vitest";
import { databaseStatus, migrateDb, openDb } from "../src/driver/client.ts";
import { getPort } from "../src/driver/port.ts";
import { migrationsFolder } from "../src/paths.ts";

const dir = mkdtempSync(path.join(tmpdir(), "liangxin-ready-"));
let n = 0;
const fresh = () => path.join(dir, `db-${++n}.db`);

function firstMigrationOnly(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "liangxin-mig-"));
  mkdirSync(path.join(folder, "meta"));
  const journal = JSON.parse(
    readFileSync(path.join(migrationsFolder(), "meta", "_journal.json"), "utf8"),
  ) as {
    entries: { tag: string }[];
  };
  const first = journal.entries[0]!;
  writeFileSync(path.join(folder, "meta", "_journal.json"), JSON.stringify({ ...journal, entries: [first] }));
  copyFileSync(path.join(migrationsFolder(), `${first.tag}.sql`), path.join(folder, `${first.tag}.sql`));
  return folder;
}

const tables = (file: string) => {
  const db = new Database(file, { fileMustExist: true });
  try {
    return db.prepare("select count(*) from sqlite_master where type = 'table'").pluck().get();
  } finally {
    db.close();
  }
};

afterEach(() => {
  delete process.env.DATABASE_URL;
});

describe("databaseStatus", () => {
  it("a missing file is not ready, and is not created by asking", () => {
    const file = fresh();
    expect(databaseStatus(file)).toMatchObject({ ready: false, code: "missing", reason: "数据库文件不存在" });
    expect(existsSync(file)).toBe(false);
  });

  it("an empty database is not migrated, and asking migrates nothing", () => {
    const file = fresh();
    writeFileSync(file, "");
    expect(databaseStatus(file)).toMatchObject({ ready: false, code: "unmigrated" });
    expect(tables(file)).toBe(0);
  });

  it("a database behind the committed migrations says by how many", () => {
    const file = fresh();
    const db = openDb(file);
    migrate(db, { migrationsFolder: firstMigrationOnly() });
    db.$client.close();
    const status = databaseStatus(file);
    expect(status).toMatchObject({ ready: false, code: "behind" });
    expect(status.ready ? "" : status.reason).toMatch(/^数据库未迁移到最新版本\(缺 \d+ 个迁移\)$/);
  });

  it("a migrated database is ready; one migrated by a newer program is not", () => {
    const file = fresh();
    const db = openDb(file);
    migrateDb(db);
    expect(databaseStatus(file)).toEqual({ ready: true, file });
    db.$client.prepare("insert into __drizzle_migrations (hash, created_at) values ('newer', ?)").run(9e12);
    db.$client.close();
    expect(databaseStatus(file)).toMatchObject({ ready: false, code: "ahead" });
  });

  it("a file that is not a database is unreadable", () => {
    const file = fresh();
    writeFileSync(file, "这不是数据库".repeat(200));
    expect(databaseStatus(file)).toMatchObject({ ready: false, code: "unreadable" });
  });
});

describe("getPort", () => {
  it("refuses a missing or unmigrated database without creating or migrating it, and opens it once migrated", () => {
    const file = fresh();
    process.env.DATABASE_URL = file;
    expect(() => getPort()).toThrow(expect.objectContaining({ name: "AppError", code: "UNAVAILABLE" }));
    expect(() => getPort()).toThrow(
      /^数据库未就绪:数据库文件不存在。请系统管理员运行 npm run cli -- migrate/,
    );
    expect(existsSync(file)).toBe(false);

    writeFileSync(file, "");
    expect(() => getPort()).toThrow(/数据库尚未迁移/);
    expect(tables(file)).toBe(0);

    const migrator = openDb(file);
    migrateDb(migrator);
    migrator.$client.close();
    const port = getPort();
    expect(port.file).toBe(file);
    expect(getPort()).toBe(port);
    expect(databaseStatus(file)).toEqual({ ready: true, file });
  });
});
