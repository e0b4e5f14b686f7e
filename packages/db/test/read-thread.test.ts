/**
 * The read thread (read-thread.ts): a statement run on a second core answers what the caller's own
 * connection would — the same rows when both read the same data version, nothing (so that the caller runs
 * it itself) when a write committed between the two reads, and nothing where another connection cannot
 * see what the caller sees (an in-memory database, a write's uncommitted rows).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeAudit } from "../src/audit.ts";
import { readDataVersion } from "../src/data-version.ts";
import { migrateDb, openDb, openTestDb, type Db } from "../src/driver/client.ts";
import { closeDb } from "../src/driver/connection.ts";
import { readTransaction, selectAll, selectRows, writeTransaction } from "../src/driver/query.ts";
import { mayReadApart, readThreadSettled, readThreadStats, runApart } from "../src/driver/read-thread.ts";
import { openPort } from "../src/driver/port.ts";
import { restoreDatabase } from "../src/backup.ts";

const count = sql`select count(*) from audit_log`;
const change = { action: "host.update", entity: "host", entityId: 1 };

describe("the read thread", () => {
  let dir: string;
  let file: string;
  let db: Db;
  let other: Db;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "liangxin-read-thread-"));
    file = path.join(dir, "t.db");
    db = openDb(file);
    migrateDb(db);
    other = openDb(file);
    for (let i = 0; i < 3; i++) await writeTransaction(db, (tx) => writeAudit(tx, change));
  });
  afterAll(() => {
    closeDb(db);
    closeDb(other);
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers the caller's rows from its own connection when the version is the caller's", async () => {
    const before = { ...readThreadStats };
    const [apart, here] = await readTransaction(db, async (tx) => {
      const version = await readDataVersion(tx);
      const pending = runApart<[number]>(tx, count, version, true);
      expect(pending).not.toBeNull();
      await readThreadSettled();
      return [await pending, await selectRows<[number]>(tx, count)];
    });
    expect(apart).toEqual(here);
    expect(here).toEqual([[3]]);
    expect(readThreadStats.answered).toBe(before.answered + 1);
  });

  it("answers objects keyed by column, as selectAll does, when asked for objects", async () => {
    const q = sql`select action, entity, count(*) as n from audit_log group by action, entity`;
    const [apart, here] = await readTransaction(db, async (tx) => {
      const pending = runApart<{ action: string; entity: string; n: number }>(
        tx,
        q,
        await readDataVersion(tx),
        true,
        { objects: true },
      );
      await readThreadSettled();
      return [await pending, await selectAll(tx, q)];
    });
    expect(apart).toEqual(here);
    expect(here).toEqual([{ action: "host.update", entity: "host", n: 3 }]);
  });

  it("takes back a statement still waiting for the thread when it is awaited: the caller runs it, the thread's answers stay right", async () => {
    const before = { ...readThreadStats };
    const slow = sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 300000) select count(*) from n`;
    const [first, second, third, here] = await readTransaction(db, async (tx) => {
      const version = await readDataVersion(tx);
      const a = runApart<[number]>(tx, slow, version, true)!;
      const b = runApart<[number]>(tx, count, version, true)!;
      const c = runApart<[number]>(tx, count, version, true)!;
      // b and c wait for the thread while it runs a: c, awaited now, is taken back (null); a and b are
      // not awaited until the thread answered them.
      const took = await c;
      await readThreadSettled();
      return [await a, await b, took, await selectRows<[number]>(tx, count)];
    });
    expect(third).toBeNull();
    expect(readThreadStats.takenBack).toBe(before.takenBack + 1);
    expect(first).toEqual([[300000]]);
    expect(second).toEqual(here);
    expect(readThreadStats.answered).toBe(before.answered + 2);
  });

  it("gives nothing when a write committed in between, and the caller's snapshot keeps its count", async () => {
    const before = { ...readThreadStats };
    const [apart, here] = await readTransaction(db, async (tx) => {
      const version = await readDataVersion(tx);
      // Another connection (another portal process) closes a host now.
      await writeTransaction(other, (w) => writeAudit(w, change));
      const pending = runApart<[number]>(tx, count, version, true);
      await readThreadSettled();
      return [await pending, await selectRows<[number]>(tx, count)];
    });
    expect(apart).toBeNull();
    expect(here).toEqual([[3]]);
    expect(readThreadStats.stale).toBe(before.stale + 1);
    expect(await selectRows<[number]>(db, count)).toEqual([[4]]);
  });

  it("gives nothing for a statement that fails there: the caller runs it and gets the error itself", async () => {
    const before = { ...readThreadStats };
    const broken = sql`select nothing from audit_log`;
    const apart = await readTransaction(db, async (tx) => {
      const pending = runApart(tx, broken, await readDataVersion(tx), true);
      await readThreadSettled();
      return pending;
    });
    expect(apart).toBeNull();
    expect(readThreadStats.failed).toBe(before.failed + 1);
    await expect(selectRows(db, broken)).rejects.toThrow(/nothing/);
  });

  it("is used for a read of its own or a port's read, not inside a write, not on an in-memory database", async () => {
    expect(mayReadApart(db)).toBe(true);
    await writeTransaction(db, async (tx) => {
      await writeAudit(tx, change);
      expect(mayReadApart(tx)).toBe(false);
      expect(runApart(tx, count, await readDataVersion(tx), mayReadApart(tx))).toBeNull();
    });
    const port = openPort(file);
    try {
      expect(await port.read(async (r) => mayReadApart(r))).toBe(true);
      expect(await port.write(async (w) => mayReadApart(w))).toBe(false);
    } finally {
      port.close();
    }
    const memory = openTestDb();
    try {
      expect(runApart(memory, count, 0, true)).toBeNull();
    } finally {
      closeDb(memory);
    }
  });

  it("reads the restored database after a restore renamed another file into the path, not the replaced one", async () => {
    const live = path.join(dir, "live.db");
    const backup = path.join(dir, "backup.db");
    const audits = async (target: Db, n: number) => {
      for (let i = 0; i < n; i++) await writeTransaction(target, (tx) => writeAudit(tx, change));
    };
    const apartAndHere = (target: Db) =>
      readTransaction(target, async (tx) => {
        const pending = runApart<[number]>(tx, count, await readDataVersion(tx), true);
        await readThreadSettled();
        return [await pending, await selectRows<[number]>(tx, count)];
      });
    const saved = openDb(backup);
    migrateDb(saved);
    await audits(saved, 5);
    closeDb(saved);
    const before = openDb(live);
    migrateDb(before);
    await audits(before, 2);
    // The thread opens the live file and keeps its connection.
    expect(await apartAndHere(before)).toEqual([[[2]], [[2]]]);
    closeDb(before);
    await restoreDatabase(backup, live);
    const after = openDb(live);
    try {
      const answered = readThreadStats.answered;
      expect(await apartAndHere(after)).toEqual([[[5]], [[5]]]);
      expect(readThreadStats.answered).toBe(answered + 1);
    } finally {
      closeDb(after);
    }
  });
});
