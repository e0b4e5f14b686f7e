/**
 * The write mark (driver/write-mark.ts): it moves once anyone commits any write — a figure, an account, a session —
 * through another connection or process, and stays while only reads happen; on PostgreSQL too (PGlite).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDb, openDb, type Db } from "../src/driver/client.ts";
import { closeDatabase, closeDb } from "../src/driver/connection.ts";
import { openTestPglite } from "../src/driver/pg.ts";
import { pgliteDb } from "../src/driver/pg-db.ts";
import { execute, readTransaction, selectValue, writeTransaction } from "../src/driver/query.ts";
import { pgWriteMark, sqliteWriteMark, type WriteMark } from "../src/driver/write-mark.ts";

const insertUser = (db: Db, name: string) =>
  execute(
    db,
    sql`insert into users (username, display_name, password_hash, role, created_at)
        values (${name}, ${name}, 'x', 'admin', '2026-12-03T02:00:00.000Z')`,
  );

function suite(name: string, open: () => Promise<{ db: Db; mark: WriteMark; close: () => Promise<void> }>) {
  describe(`the write mark on ${name}`, () => {
    let db: Db;
    let mark: WriteMark;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ db, mark, close } = await open());
    });
    afterAll(() => close());

    it("stays while only reads happen", async () => {
      const start = await mark.read();
      await readTransaction(db, (tx) => selectValue(tx, sql`select count(*) from users`));
      await selectValue(db, sql`select count(*) from hosts`);
      expect(await mark.read()).toBe(start);
    });

    it("moves with a committed account write (which the data version ignores), not with a rolled-back one", async () => {
      const start = await mark.read();
      await expect(
        writeTransaction(db, async (tx) => {
          await insertUser(tx, "rolled-back");
          throw new Error("回滚");
        }),
      ).rejects.toThrow("回滚");
      if (name === "SQLite") expect(await mark.read()).toBe(start);
      await writeTransaction(db, (tx) => insertUser(tx, "committed"));
      const after = await mark.read();
      expect(after).not.toBe(start);
      expect(await mark.read()).toBe(after);
    });
  });
}

suite("SQLite", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "lx-write-mark-"));
  const file = path.join(dir, "mark.db");
  const db = openDb(file);
  migrateDb(db);
  const mark = sqliteWriteMark(file);
  return {
    db,
    mark,
    close: async () => {
      mark.close();
      closeDb(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

suite("PostgreSQL (PGlite)", async () => {
  const db = pgliteDb((await openTestPglite()).$client);
  return { db, mark: pgWriteMark(db), close: () => closeDatabase(db) };
});
