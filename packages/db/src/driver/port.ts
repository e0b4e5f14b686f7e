/**
 * The port: how a process that serves many requests at once (the portal) reaches the database. Async and
 * transaction-explicit, so that a request may `await` between statements without seeing, or undoing,
 * another request's work:
 * - `read(fn)`: a connection of its own that cannot write (`query_only`), in one read transaction, so `fn`
 *   sees one committed state of the database — never another request's uncommitted rows;
 * - `write(fn)`: the one write connection, held by `fn` alone until it settles, in one immediate
 *   transaction: committed when `fn` resolves, rolled back when it throws. Only this request's statements
 *   run in it, so a rollback never undoes another request's write;
 * - `writer(fn)`: the write connection held by `fn` alone, without an enclosing transaction: `fn` opens its
 *   own (`writeTransaction`) — for use cases that commit (or roll back) their own transactions and may
 *   record a refusal (an audit row, a throttle hit) that must stay.
 * Inside `write`/`writer`, `read` and `write` run on the held connection (a use case may call another).
 * Inside `read`, a `write` is its own write transaction on the write connection (the read's snapshot does
 * not see it): a read that must record something (settling a job whose worker died) asks for it.
 * Across processes (the import worker, several portal processes) SQLite's own locking decides: a write
 * waits for the busy timeout and then answers busy (`isBusyError`), as before.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type Database from "better-sqlite3";
import { databaseNotReady, databaseStatus, openDb, type DatabaseStatus, type Db } from "./client.ts";
import { writeTransaction } from "./query.ts";
import { databaseTarget, shownDatabaseUrl } from "../paths.ts";
import { openPgDb, outsideTransactions, pgLinkOf } from "./pg-db.ts";

export interface Port {
  read<T>(fn: (db: Db) => T | Promise<T>): Promise<T>;
  write<T>(fn: (tx: Db) => T | Promise<T>): Promise<T>;
  writer<T>(fn: (db: Db) => T | Promise<T>): Promise<T>;
  /** The database file (":memory:" for a single-connection test port). */
  readonly file: string;
  close(): void;
}

/** Which connection of which port the current async call chain holds, if any. */
interface Held {
  port: Port;
  kind: "read" | "write";
  db: Db;
}

/**
 * One storage for every port. Node keeps each AsyncLocalStorage that ever ran in a list it walks on every
 * promise created afterwards, for ever: a storage per port made a process that opens many ports (the API
 * tests open one per request) slower with every request — the hostile-input file took 5 minutes instead of
 * 1.5.
 */
const held = new AsyncLocalStorage<Held>();

/** One at a time, in arrival order. */
class Queue {
  private tail: Promise<void> = Promise.resolve();
  /** Resolves when it is the caller's turn; call the returned function to end the turn. */
  turn(): Promise<() => void> {
    let release!: () => void;
    const ended = new Promise<void>((r) => (release = r));
    const mine = this.tail.then(() => release);
    this.tail = this.tail.then(() => ended);
    return mine;
  }
}

function sqlite(db: Db): Database.Database {
  return db.$client;
}

function makePort(file: string, writerDb: Db, openReader: () => Db, close: () => void): Port {
  const writes = new Queue();
  const idle: Db[] = [];

  async function holdWriter<T>(fn: (db: Db) => T | Promise<T>, transaction: boolean): Promise<T> {
    const current = held.getStore();
    if (current?.port === port && current.kind === "write") return fn(current.db);
    const release = await writes.turn();
    try {
      return await held.run({ port, kind: "write", db: writerDb }, () =>
        transaction ? writeTransaction(writerDb, fn) : fn(writerDb),
      );
    } finally {
      release();
    }
  }

  const port: Port = {
    file,
    async read(fn) {
      const current = held.getStore();
      if (current?.port === port) return fn(current.db);
      const db = idle.pop() ?? openReader();
      const client = sqlite(db);
      const own = db !== writerDb;
      if (own) client.exec("BEGIN");
      try {
        return await held.run({ port, kind: "read", db }, () => fn(db));
      } finally {
        if (own && client.inTransaction) client.exec("COMMIT");
        if (own) idle.push(db);
      }
    },
    write: (fn) => holdWriter(fn, true),
    writer: (fn) => holdWriter(fn, false),
    close() {
      for (const db of idle.splice(0)) sqlite(db).close();
      close();
    },
  };
  return port;
}

/**
 * The port of a database file: one write connection and read connections opened as requests need them
 * (kept for reuse), each read-only. The file must exist and be migrated.
 */
export function openPort(file: string): Port {
  const writerDb = openDb(file);
  return makePort(
    file,
    writerDb,
    () => {
      const reader = openDb(file);
      sqlite(reader).pragma("query_only = ON");
      return reader;
    },
    () => sqlite(writerDb).close(),
  );
}

/**
 * A port over one connection, for an in-memory test database (which a second connection cannot open):
 * writes are still one at a time and transactional, but a read shares the connection (and the test's own
 * setup writes), so it could see an open write's rows if the two overlapped, and it is not read-only.
 * Never used by the portal, whose reads are refused any write (tested in packages/db/test/port.test.ts).
 */
export function singleConnectionPort(db: Db): Port {
  let port = singlePorts.get(db);
  if (!port) {
    port = makePort(
      sqlite(db).name,
      db,
      () => db,
      () => {},
    );
    singlePorts.set(db, port);
  }
  return port;
}

/**
 * The one port of each connection: every caller of `singleConnectionPort(db)` shares its write queue, so two
 * requests on the same connection never interleave their transactions.
 */
const singlePorts = new WeakMap<Db, Port>();

/**
 * The port of a PostgreSQL database (a pool): `read` in a REPEATABLE READ READ ONLY transaction of its own
 * connection, `write` in a transaction of its own connection — no queue: the server locks rows, two
 * requests wait for each other only where they touch the same rows, and a save on a stale version changes
 * no row whoever commits first; `writer` hands the pool to use cases that open their own transactions.
 * Inside `write`/`writer`, `read` and `write` join the open transaction (a savepoint for a write); inside
 * `read`, a `write` is a transaction of its own on another connection, as on SQLite.
 */
export function pgPort(db: Db, label: string): Port {
  const link = pgLinkOf(db);
  if (!link) throw new Error("pgPort 需要 PostgreSQL 连接");
  const port: Port = {
    file: label,
    async read(fn) {
      const current = held.getStore();
      if (current?.port === port) return fn(current.db);
      return held.run({ port, kind: "read", db }, () => link.transaction(async (tx) => fn(tx), "read"));
    },
    async write(fn) {
      const current = held.getStore();
      if (current?.port === port && current.kind === "write") return fn(current.db);
      return held.run({ port, kind: "write", db }, () =>
        link.transaction(async (tx) => fn(tx), "write", { separate: true }),
      );
    },
    async writer(fn) {
      const current = held.getStore();
      if (current?.port === port && current.kind === "write") return fn(current.db);
      return held.run({ port, kind: "write", db }, () => fn(db));
    },
    close() {
      void link.close();
    },
  };
  return port;
}

/**
 * `port.read(fn)` on a connection and in a read transaction of its own even when called inside a read or
 * write of the port (whose connection and transaction `read` would otherwise share): for reads that outlive
 * the call that starts them — a list's download, streamed after the request's procedure has returned.
 * (On a single-connection port there is only the one connection.)
 */
export function readApart<T>(port: Port, fn: (db: Db) => T | Promise<T>): Promise<T> {
  return detachedFromRequest(() => port.read(fn));
}

let shared: Port | undefined;

/**
 * The portal's process-wide port. The database is never created or migrated here (migrations are a step of
 * `npm start` and `liangxin migrate`, never part of a request): while the file is missing or not migrated to
 * the latest schema this throws an AppError UNAVAILABLE (`databaseNotReady`), and it opens the port once it is.
 */
export function getPort(): Port {
  if (shared) return shared;
  const target = databaseTarget();
  if (target.engine === "postgres") {
    shared = pgPort(openPgDb(target.url), shownDatabaseUrl(target.url));
    return shared;
  }
  const status = databaseStatus(target.file);
  if (!status.ready) throw databaseNotReady(status);
  shared = openPort(status.file);
  return shared;
}

/**
 * Whether the portal serves its database, for the banner every page shows: ready as soon as this process's
 * port is open (`getPort` opens it once the database is ready and keeps it, so the API serves from then
 * on), else the database's status checked now. Checking the file on every page opened a connection of its
 * own and read the migrations table on every request (issue 25: a few ms of CPU per page).
 */
export function servingStatus(): DatabaseStatus {
  if (shared) return { ready: true, file: shared.file };
  return databaseStatus();
}

/**
 * Run `fn` outside the connection and transaction the current request holds, as work of its own that may
 * outlive the request (a long report computed in the background): a `port.read` inside it opens a read
 * transaction of its own instead of joining the request's, which ends with the request.
 */
export function detachedFromRequest<T>(fn: () => T): T {
  return held.exit(() => outsideTransactions(fn));
}
