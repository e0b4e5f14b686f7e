/**
 * The data version (data-version.ts): it moves with every committed write that changes figures, on both
 * engines, and stays for one that does not (a sign-in) or that is rolled back. A reader sees the version
 * of the moment its read transaction sees the data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeAudit, auditBatch } from "../src/audit.ts";
import { readDataVersion } from "../src/data-version.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { restoreDatabase } from "../src/backup.ts";
import { migrateDb, openDb, openTestDb, type Db } from "../src/driver/client.ts";
import { closeDatabase, closeDb } from "../src/driver/connection.ts";
import { openTestPglite } from "../src/driver/pg.ts";
import { pgliteDb } from "../src/driver/pg-db.ts";
import { readTransaction, selectValue, writeTransaction } from "../src/driver/query.ts";
import { sql } from "drizzle-orm";

const change = { action: "host.update", entity: "host", entityId: 1 };

function suite(name: string, open: () => Promise<Db>, close: (db: Db) => Promise<void>) {
  describe(`the data version on ${name}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await open();
    });
    afterAll(() => close(db));

    it("is 0 before any write and moves with an audited change, committed", async () => {
      const start = await readDataVersion(db);
      await writeTransaction(db, (tx) => writeAudit(tx, change));
      expect(await readDataVersion(db)).toBeGreaterThan(start);
    });

    it("does not move for a sign-in, a session or a rolled-back change", async () => {
      const start = await readDataVersion(db);
      await writeTransaction(db, async (tx) => {
        await writeAudit(tx, { action: "login", entity: "user", entityId: 1 });
        await writeAudit(tx, { action: "logout", entity: "session", entityId: 1 });
        await writeAudit(tx, { action: "member.unmask", entity: "member", entityId: 1 });
      });
      await expect(
        writeTransaction(db, async (tx) => {
          await writeAudit(tx, change);
          throw new Error("回滚");
        }),
      ).rejects.toThrow("回滚");
      expect(await readDataVersion(db)).toBe(start);
    });

    it("moves with a bulk audit (an import)", async () => {
      const start = await readDataVersion(db);
      await writeTransaction(db, async () => {
        const batch = auditBatch(db);
        for (let i = 0; i < 5; i++) await batch.add({ ...change, entityId: i });
        await batch.flush();
      });
      expect(await readDataVersion(db)).toBeGreaterThan(start);
    });

    it("is read with the data of the same moment", async () => {
      await readTransaction(db, async (tx) => {
        const v = await readDataVersion(tx);
        const audits = await selectValue<number>(tx, sql`select count(*) from audit_log`);
        expect(v).toBeGreaterThan(0);
        expect(Number(audits)).toBeGreaterThan(0);
      });
    });
  });
}

suite(
  "SQLite",
  async () => openTestDb(),
  async (db) => closeDatabase(db),
);

suite(
  "PostgreSQL (PGlite)",
  async () => pgliteDb((await openTestPglite()).$client),
  async (db) => closeDatabase(db),
);

describe("on PostgreSQL, once per transaction, at its commit", () => {
  it("moves by one for a transaction of many changes", async () => {
    const db = pgliteDb((await openTestPglite()).$client);
    try {
      const start = await readDataVersion(db);
      await writeTransaction(db, async (tx) => {
        for (let i = 0; i < 3; i++) await writeAudit(tx, { ...change, entityId: i });
        // Not yet: the version moves as the transaction commits.
        expect(await readDataVersion(tx)).toBe(start);
      });
      expect(await readDataVersion(db)).toBe(start + 1);
    } finally {
      await closeDatabase(db);
    }
  });
});

describe("a restore", () => {
  it("moves the version past both the backup's and the replaced database's", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lx-data-version-"));
    try {
      const make = async (file: string, writes: number) => {
        const db = openDb(file);
        migrateDb(db);
        for (let i = 0; i < writes; i++) await writeTransaction(db, (tx) => writeAudit(tx, change));
        const v = await readDataVersion(db);
        closeDb(db);
        return v;
      };
      const backup = await make(path.join(dir, "backup.db"), 2);
      const live = await make(path.join(dir, "live.db"), 5);
      await restoreDatabase(path.join(dir, "backup.db"), path.join(dir, "live.db"));
      const db = openDb(path.join(dir, "live.db"));
      try {
        expect(await readDataVersion(db)).toBeGreaterThan(Math.max(backup, live));
      } finally {
        closeDb(db);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
