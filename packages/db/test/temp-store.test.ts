/**
 * `withTempStoreInMemory` (a city's import): a multi-row insert that fails midway inside a long write
 * transaction still undoes that statement alone — its statement journal kept in memory instead of a
 * temporary file — and the connection's setting and temporary tables are as they were afterwards.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { closeDb, openDb, withTempStoreInMemory, writeTransaction, type Db } from "../src/driver/index.ts";

const dirs: string[] = [];
function fileDb(): Db {
  const dir = mkdtempSync(path.join(tmpdir(), "lx-temp-store-"));
  dirs.push(dir);
  return openDb(path.join(dir, "t.db"));
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const tempStore = (db: Db) => Number(db.$client.pragma("temp_store", { simple: true }));

describe("withTempStoreInMemory", () => {
  it("keeps statement journals in memory: a failed multi-row insert undoes itself alone", async () => {
    const db = fileDb();
    const c = db.$client;
    c.exec("create table t (id integer primary key, k text not null unique, pad text)");
    const before = tempStore(db);
    const insertKeys = (keys: string[]) =>
      c
        .prepare(`insert into t (k, pad) values ${keys.map(() => "(?, ?)").join(", ")}`)
        .run(keys.flatMap((k) => [k, "填".repeat(200)]));
    const insert = (from: number, rows: number) =>
      insertKeys(Array.from({ length: rows }, (_, i) => `k${from + i}`));
    await withTempStoreInMemory(db, () =>
      writeTransaction(db, async () => {
        expect(tempStore(db)).toBe(2);
        // Statements of many pages each (their journals outgrow what SQLite keeps in memory by default).
        for (let i = 0; i < 20; i++) insert(i * 200, 200);
        // k3999 exists: the 199 new rows before it in the statement go again with it.
        const failing = [...Array.from({ length: 199 }, (_, i) => `k${5000 + i}`), "k3999"];
        expect(() => insertKeys(failing)).toThrow(/UNIQUE/);
        insert(4000, 10);
      }),
    );
    expect(c.prepare("select count(*) from t").pluck().get()).toBe(4010);
    expect(c.prepare("select count(*) from t where k = 'k4009'").pluck().get()).toBe(1);
    expect(c.prepare("select count(*) from t where length(k) = 5 and k like 'k5%'").pluck().get()).toBe(0);
    expect(tempStore(db)).toBe(before);
    closeDb(db);
  });

  it("leaves a connection with temporary tables as it is (changing the setting would drop them)", async () => {
    const db = fileDb();
    const c = db.$client;
    c.exec("create temp table notes (n integer)");
    c.exec("insert into notes values (1)");
    const before = tempStore(db);
    await withTempStoreInMemory(db, () => expect(tempStore(db)).toBe(before));
    expect(c.prepare("select count(*) from temp.notes").pluck().get()).toBe(1);
    closeDb(db);
  });
});
