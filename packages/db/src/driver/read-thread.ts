/**
 * A second core for a long read (issue 25). better-sqlite3 runs a statement on the calling thread, so a
 * report's statements ran one after the other on one core while the other idled. On a SQLite file, one
 * statement can instead run on a worker thread's own read-only connection to the same file while the
 * caller's thread runs the rest; on two cores the city's report then takes about as long as its longest
 * statement.
 *
 * Two connections read two snapshots. Both read the data version first in their read transaction (it moves
 * with every committed write that changes figures, see data-version.ts): the worker's rows are used only
 * when its version is the caller's, otherwise the statement runs again on the caller's connection, in the
 * caller's snapshot. So the answer is always the one a single connection would give.
 *
 * Used only where that holds: a SQLite file (not `:memory:`), read in a read transaction of its own — not
 * inside a write transaction, whose uncommitted rows no other connection sees. Elsewhere (PostgreSQL, a
 * test's in-memory database, a write) `runApart` answers null and the caller runs the statement itself.
 *
 * A statement the thread has not started when its caller awaits it is taken back: the caller runs it on its
 * own connection (its answer is null, as for another version), so neither core idles while the other has
 * statements waiting — the year-end report's board, host and instructor statements waited behind one another
 * on the thread while the caller's thread waited for them, about a second at 200,000 hosts. Each statement
 * has a slot in memory both threads share; whichever thread changes it from "waiting" first (an atomic
 * compare-and-exchange) runs the statement, the other skips it.
 *
 * The worker is plain JavaScript evaluated from a string that loads only better-sqlite3 (no TypeScript, no
 * bundler involved: the portal's server bundle, the CLI and the tests start it alike); it is created on
 * first use, keeps a connection to the last file it read (reopened when another file was renamed into that
 * path, as a restore does), and does not keep the process alive.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { sql, type SQL } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import type { Db } from "./client.ts";
import { inReadOnlyTransaction } from "./connection.ts";
import { outsideTransactions, pgLinkOf, pgPoolOf } from "./pg-db.ts";
import { inTransactionNow, selectAll, selectRows, selectValue } from "./query.ts";
import { endStatementSpan, liveTracer, startStatementSpan } from "./trace.ts";

const dialect = new SQLiteSyncDialect({ casing: "snake_case" });

const VERSION_SQL = "select version from data_version where id = 1";

/** A statement's slot: free, waiting for the thread, run by the thread, taken back by the caller. */
const FREE = 0;
const WAITING = 1;
const RUNNING = 2;
const TAKEN = 3;
/** Statements asked of the thread at once, at most (more: the caller runs them). */
const SLOTS = 256;

const WORKER_SOURCE = `
const { parentPort, workerData, receiveMessageOnPort } = require("node:worker_threads");
const { statSync } = require("node:fs");
const Database = require(workerData.driver);
const slots = new Int32Array(workerData.slots);
let db = null;
let opened = "";
// Statements received and not yet run: the next is the first of the highest priority.
const waiting = [];
function next() {
  let best = 0;
  for (let i = 1; i < waiting.length; i++) if (waiting[i].priority > waiting[best].priority) best = i;
  return waiting.splice(best, 1)[0];
}
parentPort.on("message", (first) => {
  waiting.push(first);
  for (;;) {
    // Every statement asked meanwhile, so that the priority is among all of them.
    for (let m; (m = receiveMessageOnPort(parentPort)); ) waiting.push(m.message);
    if (waiting.length === 0) return;
    run(next());
  }
});
function run({ id, slot, file, sql, params, objects }) {
  // Taken back by the caller (it runs the statement itself) unless this thread starts it first.
  if (Atomics.compareExchange(slots, slot, ${WAITING}, ${RUNNING}) !== ${WAITING}) {
    parentPort.postMessage({ id, skipped: true });
    return;
  }
  try {
    // The file itself, not its name: a restore renames another file into place, and a connection kept
    // open would go on reading the replaced one.
    const st = statSync(file);
    const identity = file + ":" + st.dev + ":" + st.ino;
    if (!db || opened !== identity) {
      if (db) db.close();
      db = null;
      db = new Database(file, { readonly: true, fileMustExist: true });
      db.pragma("busy_timeout = 5000");
      opened = identity;
    }
    db.exec("BEGIN");
    const version = Number(db.prepare(${JSON.stringify(VERSION_SQL)}).pluck().get() ?? 0);
    const statement = db.prepare(sql);
    const rows = objects ? statement.all(...params) : statement.raw(true).all(...params);
    db.exec("COMMIT");
    parentPort.postMessage({ id, version, rows });
  } catch (e) {
    try { if (db && db.inTransaction) db.exec("ROLLBACK"); } catch {}
    parentPort.postMessage({ id, error: String((e && e.message) || e) });
  }
}
`;

interface Pending {
  resolve: (v: { version: number; rows: unknown[] }) => void;
  reject: (e: Error) => void;
}

let worker: Worker | null | undefined;

/** What the read thread did so far in this process: rows given, rows of another version, failures. */
export const readThreadStats = { answered: 0, stale: 0, failed: 0, takenBack: 0 };
let nextId = 0;
const pending = new Map<number, Pending & { slot: number }>();
/** Called once when nothing is pending on the thread any more (`readThreadSettled`). */
const settledWaiters: (() => void)[] = [];

/** Nothing pending on the thread any more (answered, skipped, or failed): wake `readThreadSettled`'s waiters. */
function settled(): void {
  for (const wake of settledWaiters.splice(0)) wake();
}

/**
 * Resolves once the thread has answered or skipped every statement asked of it so far: for a test that
 * wants the thread's own answer (awaiting a statement the thread has not started takes it back).
 */
export function readThreadSettled(): Promise<void> {
  if (pending.size === 0) return Promise.resolve();
  return new Promise((resolve) => settledWaiters.push(resolve));
}

/** The slots shared with the thread, and those free. */
let slots = new Int32Array(new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT));
let freeSlots: number[] = [];

/** Where better-sqlite3 is, for the worker: from this module, else from the working directory. */
function driverPath(): string | null {
  for (const from of [import.meta.url, path.join(process.cwd(), "index.js")]) {
    try {
      return createRequire(from).resolve("better-sqlite3");
    } catch {
      // try the next place
    }
  }
  return null;
}

let warned = false;
/** Said once per process in the log: the statements then run on the calling thread, correct but slower. */
function warnUnavailable(why: string): void {
  if (warned) return;
  warned = true;
  console.warn(`读取线程不可用(${why}),统计语句改在调用线程上逐条执行`);
}

function fail(error: Error): void {
  warnUnavailable(error.message);
  for (const p of pending.values()) p.reject(error);
  pending.clear();
  settled();
  worker = undefined;
}

function theWorker(): Worker | null {
  if (worker !== undefined) return worker;
  const driver = driverPath();
  if (!driver) {
    warnUnavailable("找不到 better-sqlite3");
    return (worker = null);
  }
  // A new thread, new slots: one that failed may have left some marked.
  slots = new Int32Array(new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT));
  freeSlots = Array.from({ length: SLOTS }, (_, i) => i);
  const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, slots: slots.buffer } });
  w.unref();
  w.on(
    "message",
    (m: { id: number; version?: number; rows?: unknown[]; error?: string; skipped?: boolean }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      // The thread is done with the slot (ran or skipped the statement): free again.
      Atomics.store(slots, p.slot, FREE);
      freeSlots.push(p.slot);
      if (pending.size === 0) {
        w.unref();
        settled();
      }
      if (m.skipped) return;
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve({ version: m.version!, rows: m.rows! });
    },
  );
  w.on("error", (e) => fail(e instanceof Error ? e : new Error(String(e))));
  w.on("exit", () => fail(new Error("读取线程已退出")));
  return (worker = w);
}

/**
 * Whether a read about to start on `db` would see only committed rows, so that another connection reading
 * the same data version sees what it sees: no transaction open yet (the read opens its own), or a read-only
 * one (a port's read). False inside a write. Ask before opening the read transaction.
 */
export function mayReadApart(db: Db): boolean {
  return !inTransactionNow(db) || inReadOnlyTransaction(db);
}

/** A statement asked of the read thread: awaiting it answers its rows, or null (the caller runs it itself). */
export type Apart<T> = PromiseLike<T[] | null>;

/**
 * Ask for `query` on the read thread, to be compared with `version` (the data version the caller's read
 * transaction on `db` reads). Awaiting the answer gives the rows when the thread read the same version, null
 * when it read another or when the statement was still waiting for the thread (taken back, see above: the
 * caller runs it itself, now); `runApart` answers null at once when the statement cannot run apart here (see
 * above). `inOwnReadTransaction`: `mayReadApart` of the caller's connection, asked before its read
 * transaction opened. Rows as arrays of their columns (`selectRows`), or with `objects` as objects keyed by
 * column name (`selectAll`). `first`: the thread runs it before the statements waiting without (the
 * longest statement of a read, so that it is not the one left for the end).
 */
export function runApart<T>(
  db: Db,
  query: SQL,
  version: number,
  inOwnReadTransaction: boolean,
  { objects = false, first = false }: { objects?: boolean; first?: boolean } = {},
): Apart<T> | null {
  if (!inOwnReadTransaction) return null;
  const link = pgLinkOf(db);
  if (link) return pgPoolOf(db) ? onAnotherConnection<T>(db, query, version, objects) : null;
  const client = db.$client;
  if (client.memory || !client.name || client.name === ":memory:") return null;
  const w = theWorker();
  if (!w) return null;
  const slot = freeSlots.pop();
  if (slot === undefined) return null;
  Atomics.store(slots, slot, WAITING);
  const { sql: text, params } = dialect.sqlToQuery(query);
  const id = nextId++;
  w.ref();
  const answer = new Promise<{ version: number; rows: unknown[] }>((resolve, reject) =>
    pending.set(id, { resolve, reject, slot }),
  );
  // The statement's span on the caller's side (the thread has no tracer): from asking to answering.
  const tracer = liveTracer();
  const span = tracer ? startStatementSpan(tracer, "sqlite", text, "read") : undefined;
  const rows = answer.then(
    (r) => {
      if (span) endStatementSpan(span, r.rows.length);
      return counted(r.version === version ? (r.rows as T[]) : null);
    },
    (e: unknown) => {
      if (span) endStatementSpan(span, undefined, e);
      return failed();
    },
  );
  w.postMessage({ id, slot, file: client.name, sql: text, params, objects, priority: first ? 1 : 0 });
  let awaited: Promise<T[] | null> | undefined;
  return {
    then(onFulfilled, onRejected) {
      if (!awaited) {
        // The slot is this statement's until the thread's message about it came (then free, or another's).
        if (pending.has(id) && Atomics.compareExchange(slots, slot, WAITING, TAKEN) === WAITING) {
          readThreadStats.takenBack++;
          if (span) endStatementSpan(span, undefined);
          awaited = Promise.resolve(null);
        } else awaited = rows;
      }
      return awaited.then(onFulfilled, onRejected);
    },
  };
}

/** Count what the thread gave: rows, or null for another version. */
function counted<T>(rows: T[] | null): T[] | null {
  if (rows) readThreadStats.answered++;
  else readThreadStats.stale++;
  return rows;
}

function failed(): null {
  readThreadStats.failed++;
  return null;
}

/** On a PostgreSQL server: `query` on another connection of the pool, in a read transaction of its own. */
function onAnotherConnection<T>(db: Db, query: SQL, version: number, objects: boolean): Promise<T[] | null> {
  const link = pgLinkOf(db)!;
  return outsideTransactions(() =>
    link.transaction(async (tx) => {
      const v = Number((await selectValue<number>(tx, sql.raw(VERSION_SQL))) ?? 0);
      if (v !== version) return counted<T>(null);
      return counted(objects ? await selectAll<T>(tx, query) : ((await selectRows(tx, query)) as T[]));
    }, "read"),
  ).catch(failed);
}
