/**
 * The async port (driver/port.ts) on a real database file: what one request's open transaction shows or
 * does to another's, and a save while another process (an import) holds the write lock.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeAudit } from "../src/audit.ts";
import { migrateDb, openDb, type Db } from "../src/driver/client.ts";
import { openPort, type Port } from "../src/driver/port.ts";
import { selectValue } from "../src/driver/query.ts";
import { throttledCheck } from "../src/throttle.ts";

let dir: string;
let file: string;
let port: Port;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "lx-port-"));
  file = path.join(dir, "port.db");
  const db = openDb(file);
  migrateDb(db);
  db.$client.close();
  port = openPort(file);
});
afterAll(() => {
  port.close();
  rmSync(dir, { recursive: true, force: true });
});

const note = (db: Db, action: string) => writeAudit(db, { action, entity: "test" });
const count = async (db: Db, action: string) =>
  (await selectValue<number>(db, sql`select count(*) from audit_log where action = ${action}`)) ?? 0;
/** Lets every other pending task of the event loop run. */
const otherRequestsRun = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe("the async port", () => {
  it("a read does not see an open write transaction's rows, and sees them once committed", async () => {
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const writing = port.write(async (tx) => {
      await note(tx, "port.open");
      await gate;
    });
    await otherRequestsRun();
    expect(await port.read((db) => count(db, "port.open"))).toBe(0);
    finish();
    await writing;
    expect(await port.read((db) => count(db, "port.open"))).toBe(1);
  });

  it("a sign-in's password check does not hold the write connection: another request's save goes on", async () => {
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    let entered!: () => void;
    const checking = new Promise<void>((resolve) => (entered = resolve));
    const attempt = throttledCheck(port, { username: "port-user", clientAddress: "127.0.0.9" }, async () => {
      entered();
      await gate; // the bcrypt comparison, held open
      return { ok: false, value: null };
    });
    await checking;
    // Were the write connection held during the check, this save would wait for ever (the test times out).
    await port.write((tx) => note(tx, "port.during-sign-in"));
    expect(await port.read((db) => count(db, "port.during-sign-in"))).toBe(1);
    finish();
    expect(await attempt).toMatchObject({ outcome: "checked", ok: false });
  });

  it("a rollback does not undo another request's write", async () => {
    const failing = port.write(async (tx) => {
      await note(tx, "port.rolled-back");
      await otherRequestsRun();
      throw new Error("规则拒绝");
    });
    const other = port.write(async (tx) => {
      await note(tx, "port.kept");
      await otherRequestsRun();
    });
    await expect(failing).rejects.toThrow("规则拒绝");
    await other;
    expect(
      await port.read(async (db) => [await count(db, "port.rolled-back"), await count(db, "port.kept")]),
    ).toEqual([0, 1]);
  });

  it("a read cannot write, a write asked for inside a read is its own, and a write inside a write joins it", async () => {
    await expect(port.read((db) => note(db, "port.read-write"))).rejects.toThrow(/readonly/);
    const seenByRead = await port.read(async (db) => {
      await count(db, "port.write-in-read");
      await port.write((tx) => note(tx, "port.write-in-read"));
      return count(db, "port.write-in-read");
    });
    expect(seenByRead).toBe(0);
    expect(await port.read((db) => count(db, "port.write-in-read"))).toBe(1);
    await expect(
      port.write(async (tx) => {
        await port.write((inner) => note(inner, "port.nested"));
        expect(await inner(tx)).toBe(1);
        throw new Error("整体撤销");
      }),
    ).rejects.toThrow("整体撤销");
    expect(await port.read((db) => count(db, "port.nested"))).toBe(0);
    function inner(tx: Db) {
      return count(tx, "port.nested");
    }
  });

  it("reads at the same time use connections of their own", async () => {
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const connections: Db[] = [];
    const first = port.read(async (db) => {
      connections.push(db);
      await gate;
    });
    const second = port.read((db) => connections.push(db));
    await second;
    finish();
    await first;
    expect(connections[0]).not.toBe(connections[1]);
  });

  it("a save while another process (an import) holds the write lock waits for it, and both are kept", async () => {
    const importer = spawn(
      process.execPath,
      [
        "-e",
        `const Database = require("better-sqlite3");
         const db = new Database(process.argv[1]);
         db.pragma("busy_timeout = 5000");
         db.exec("begin immediate");
         db.prepare("insert into audit_log (action, entity, at) values ('port.import', 'test', '2026-12-03T00:00:00Z')").run();
         process.stdout.write("locked\\n");
         setTimeout(() => { db.exec("commit"); db.close(); }, 700);`,
        file,
      ],
      { cwd: fileURLToPath(new URL("..", import.meta.url)), stdio: ["ignore", "pipe", "inherit"] },
    );
    const exited = new Promise<number | null>((resolve) => importer.on("exit", resolve));
    await new Promise<void>((resolve) => importer.stdout.on("data", () => resolve()));

    await port.write(async (tx) => {
      // The lock was the importer's until it committed: its row is already there when this save runs.
      expect(await count(tx, "port.import")).toBe(1);
      await note(tx, "port.save-during-import");
    });
    expect(await exited).toBe(0);
    expect(
      await port.read(async (db) => [
        await count(db, "port.import"),
        await count(db, "port.save-during-import"),
      ]),
    ).toEqual([1, 1]);
  });
});
