/**
 * Upgrading a database that holds a city: migrations after the first keep every row, id and foreign key,
 * and keep AUTOINCREMENT counters at their high-water marks. Since 0001, timestamps have no SQLite default
 * (they come from the one clock): a hand-written insert that forgets one fails instead of reading 'now'.
 * Since 0002 the lock columns of `users` are gone (throttling), 0003 adds `sessions`, 0004 adds
 * `users.must_change_password` (off for every existing account).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { describe, expect, it } from "vitest";
import { migrateDb, openDb, openTestDb, type Db } from "@liangxin/db/driver";
import { migrationsFolder } from "@liangxin/db/paths";
import { COUNTED_TABLES, seedDemo } from "../src/demo.ts";

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

const columnsOf = (db: Db, table: string) =>
  (db.$client.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[]).map(
    (c) => `"${c}"`,
  );

/**
 * The demo city as an installation of the first migration holds it: seeded by today's code into a current
 * database, then copied row by row (ids included) into one of the first migration only. Columns added
 * later are left behind; columns dropped later take their old defaults.
 */
async function demoInFirstSchema(): Promise<Db> {
  const current = openTestDb();
  await seedDemo(current);
  const old = openDb(":memory:");
  migrate(old, { migrationsFolder: firstMigrationOnly() });
  old.$client.pragma("foreign_keys = OFF");
  for (const t of COUNTED_TABLES) {
    const theirs = new Set(columnsOf(old, t));
    // A table added by a later migration: not there yet (the upgrade creates it).
    if (theirs.size === 0) continue;
    const cols = columnsOf(current, t).filter((c) => theirs.has(c));
    const insert = old.$client.prepare(
      `insert into ${t} (${cols.join(", ")}) values (${cols.map(() => "?").join(", ")})`,
    );
    for (const row of current.$client
      .prepare(`select ${cols.join(", ")} from ${t}`)
      .raw()
      .all())
      insert.run(...(row as unknown[]));
  }
  old.$client.pragma("foreign_keys = ON");
  expect(old.$client.pragma("foreign_key_check")).toEqual([]);
  current.$client.close();
  return old;
}

describe("upgrading a populated database", () => {
  it("keeps every row, id and reference, and the AUTOINCREMENT high-water marks", async () => {
    const db = await demoInFirstSchema();
    const sqlite = db.$client;
    // The columns of the first schema that the last one keeps (the lock columns are dropped by 0002).
    const latest = openTestDb();
    const kept = Object.fromEntries(
      COUNTED_TABLES.map((t) => {
        const now = new Set(columnsOf(latest, t));
        return [t, columnsOf(db, t).filter((c) => now.has(c))];
      }),
    );
    latest.$client.close();
    // A deleted row leaves a gap at the end that an upgrade must not hand out again.
    sqlite.prepare("delete from audit_log where id = (select max(id) from audit_log)").run();
    // Tables added by later migrations hold nothing of the first schema's.
    const dump = () =>
      Object.fromEntries(
        COUNTED_TABLES.filter((t) => kept[t]!.length > 0).map((t) => [
          t,
          JSON.stringify(
            sqlite
              .prepare(`select ${kept[t]!.join(", ")} from ${t} order by rowid`)
              .raw()
              .all(),
          ),
        ]),
      );
    const sequences = () =>
      sqlite.prepare("select name, seq from sqlite_sequence where seq > 0 order by name").all() as {
        name: string;
        seq: number;
      }[];
    const before = dump();
    const seqBefore = sequences();
    // A table a later migration adds with a row of its own (data_version) starts its own sequence; the
    // first schema's tables keep theirs.
    const firstSchema = new Set(seqBefore.map((s) => s.name));

    migrateDb(db);

    expect(dump()).toEqual(before);
    expect(sequences().filter((s) => firstSchema.has(s.name))).toEqual(seqBefore);
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(columnsOf(db, "users")).not.toContain('"failed_logins"');
    expect(sqlite.prepare("select count(*) from users where must_change_password <> 0").pluck().get()).toBe(
      0,
    );
    expect(sqlite.prepare("select count(*) from sessions").pluck().get()).toBe(0);
    expect(sqlite.prepare("select count(*) from rate_limits").pluck().get()).toBe(0);
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
