import {
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
  closeSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { backupDatabase, checkDatabaseFile, restoreDatabase } from "@liangxin/db/backup";
import { migrateDb, openDb } from "@liangxin/db/driver";
import { seedDemo } from "../src/demo.ts";

const dir = mkdtempSync(path.join(tmpdir(), "liangxin-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const count = (file: string, sql: string) => {
  const c = new Database(file, { readonly: true });
  try {
    return c.prepare(sql).pluck().get() as number;
  } finally {
    c.close();
  }
};

describe("backup and restore", () => {
  const live = path.join(dir, "live.db");
  const db = openDb(live);
  migrateDb(db);
  beforeAll(async () => {
    await seedDemo(db);
  }, 120_000);

  it("takes a consistent copy while another connection keeps writing", async () => {
    const writer = new Database(live);
    writer.pragma("busy_timeout = 5000");
    const insert = writer.prepare(
      "insert into audit_log (action, entity, at) values ('during-backup', 'test', '2026-12-03T02:00:00.000Z')",
    );
    let writes = 0;
    const timer = setInterval(() => {
      insert.run();
      writes++;
    }, 1);
    const result = await backupDatabase(db, path.join(dir, "copy.db"));
    clearInterval(timer);
    writer.close();
    expect(writes).toBeGreaterThan(0);
    expect(result.bytes).toBeGreaterThan(100_000);
    expect(() => checkDatabaseFile(result.file)).not.toThrow();
    expect(count(result.file, "select count(*) from hosts")).toBe(count(live, "select count(*) from hosts"));
  });

  it("makes the folder a nightly backup names (the first night's folder does not exist yet)", async () => {
    const dated = path.join(dir, "backups", "2026", "liangxin-2026-12-03.db");
    const result = await backupDatabase(db, dated);
    expect(result.file).toBe(dated);
    expect(count(dated, "select count(*) from hosts")).toBe(count(live, "select count(*) from hosts"));
  });

  it("refuses a damaged file and leaves the target untouched", async () => {
    const good = path.join(dir, "copy.db");
    const bad = path.join(dir, "damaged.db");
    writeFileSync(bad, readFileSync(good));
    const size = statSync(bad).size;
    const fd = openSync(bad, "r+");
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const target = path.join(dir, "target.db");
    writeFileSync(target, readFileSync(good));
    const before = readFileSync(target);
    await expect(restoreDatabase(bad, target)).rejects.toThrow(/损坏|不是有效的数据库/);
    expect(readFileSync(target).equals(before)).toBe(true);
  });

  it("refuses a file that is not a database", async () => {
    const text = path.join(dir, "notes.db");
    writeFileSync(text, "这不是数据库".repeat(1000));
    await expect(restoreDatabase(text, path.join(dir, "t2.db"))).rejects.toThrow("不是有效的数据库");
  });

  it("restores a good backup in place of the target, keeping the previous file aside", async () => {
    const target = path.join(dir, "restore-into.db");
    const other = openDb(target);
    migrateDb(other);
    other.$client.close();
    const { previous } = await restoreDatabase(path.join(dir, "copy.db"), target);
    expect(previous).toBe(`${target}.before-restore`);
    expect(count(target, "select count(*) from hosts")).toBe(
      count(path.join(dir, "copy.db"), "select count(*) from hosts"),
    );
    expect(count(previous!, "select count(*) from hosts")).toBe(0);
  });
});
