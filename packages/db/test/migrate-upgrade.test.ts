/**
 * Upgrading a database that holds a city: migrations after the first keep every row, id and foreign key,
 * and keep AUTOINCREMENT counters at their high-water marks. Since 0001, timestamps have no SQLite default
 * (they come from the one clock): a hand-written insert that forgets one fails instead of reading 'now'.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { describe, expect, it } from "vitest";
import { migrateDb, openDb } from "../src/client.ts";
import { migrationsFolder } from "../src/paths.ts";
import { COUNTED_TABLES, seedDemo } from "../src/seed/demo.ts";

/** A migrations folder with only the first migration (the schema before the upgrade). */
function firstMigrationOnly(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "liangxin-mig-"));
  mkdirSync(path.join(dir, "meta"));
  const journal = JSON.parse(
    readFileSync(path.join(migrationsFolder(), "meta", "_journal.json"), "utf8"),
  ) as {
    entries: { tag: string }[];
  };
  const first = journal.entries[0]!;
  writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify({ ...journal, entries: [first] }));
  copyFileSync(path.join(migrationsFolder(), `${first.tag}.sql`), path.join(dir, `${first.tag}.sql`));
  return dir;
}

describe("upgrading a populated database", () => {
  it("keeps every row, id and reference, and the AUTOINCREMENT high-water marks", () => {
    const db = openDb(":memory:");
    migrate(db, { migrationsFolder: firstMigrationOnly() });
    seedDemo(db);
    const sqlite = db.$client;
    // A deleted row leaves a gap at the end that an upgrade must not hand out again.
    sqlite.prepare("delete from audit_log where id = (select max(id) from audit_log)").run();
    const dump = () =>
      Object.fromEntries(
        COUNTED_TABLES.map((t) => [
          t,
          JSON.stringify(sqlite.prepare(`select * from ${t} order by rowid`).raw().all()),
        ]),
      );
    const sequences = () =>
      sqlite.prepare("select name, seq from sqlite_sequence where seq > 0 order by name").all();
    const before = dump();
    const seqBefore = sequences();

    migrateDb(db);

    expect(dump()).toEqual(before);
    expect(sequences()).toEqual(seqBefore);
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    const defaults = sqlite
      .prepare("select dflt_value from pragma_table_info('meetings') where name = 'created_at'")
      .pluck()
      .get();
    expect(defaults).toBeNull();
    expect(() =>
      sqlite
        .prepare("insert into meetings (org_id, kind, held_on) values (1, 'themeDay', '2026-12-01')")
        .run(),
    ).toThrow(/NOT NULL constraint failed: meetings.created_at/);
  });
});
