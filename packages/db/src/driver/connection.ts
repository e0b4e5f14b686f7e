/**
 * What the data layer needs of a connection itself rather than of a statement, all of it engine-specific
 * (better-sqlite3 here): settings a use case changes for a while (pragmas, restored before it returns),
 * the connection a library runs its own statements on, the file it works on (the worker processes open the
 * same one), a copy in memory (tests), closing it, and the engine's integrity check.
 */
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "../schema.ts";
import type { Db } from "./client.ts";
import { pgInReadTransaction, pgLinkOf } from "./pg-db.ts";

/**
 * Run `fn` with a page cache of `kib` KiB on this connection (a bulk import inserts millions of index
 * entries; SQLite's default is 2 MB), then put the previous size back.
 */
export async function withPageCache<T>(db: Db, kib: number, fn: () => T | Promise<T>): Promise<T> {
  if (pgLinkOf(db)) return fn(); // the server's shared buffers are its own affair
  const previous = Number(db.$client.pragma("cache_size", { simple: true }));
  db.$client.pragma(`cache_size = ${-Math.abs(Math.trunc(kib))}`);
  try {
    return await fn();
  } finally {
    db.$client.pragma(`cache_size = ${previous}`);
  }
}

/**
 * Run `fn` with the connection's temporary storage in memory (`PRAGMA temp_store = MEMORY`), then put the
 * previous setting back. A multi-row insert keeps a statement journal (the pages it changes, to undo the
 * statement alone); in a long transaction that journal spills to a temporary file once a statement
 * outgrows 64 KiB, and from then on every statement writes its pages there — a city's import spent about
 * a tenth of its time in those writes. In memory, a statement's journal lasts only as long as the
 * statement. Set for transactions begun inside `fn`; left as it is inside a transaction (SQLite cannot
 * change it there) and on a connection with temporary tables (changing it would drop them).
 */
export async function withTempStoreInMemory<T>(db: Db, fn: () => T | Promise<T>): Promise<T> {
  if (pgLinkOf(db)) return fn();
  const client = db.$client;
  const MEMORY = 2;
  const previous = Number(client.pragma("temp_store", { simple: true }));
  const hasTempObjects = () =>
    Number(client.prepare("select count(*) from temp.sqlite_master").pluck().get()) > 0;
  if (previous === MEMORY || client.inTransaction || hasTempObjects()) return fn();
  client.pragma(`temp_store = ${MEMORY}`);
  try {
    return await fn();
  } finally {
    if (!client.inTransaction && !hasTempObjects()) client.pragma(`temp_store = ${previous}`);
  }
}

/**
 * Run `fn` without waiting for the write lock (busy timeout 0, then the previous one again): a write that
 * meets another connection's lock fails at once with SQLITE_BUSY (`isBusyError`) instead of waiting.
 */
export async function withoutBusyWait<T>(db: Db, fn: () => T | Promise<T>): Promise<T> {
  if (pgLinkOf(db)) return fn(); // PostgreSQL locks rows, not the database: nothing to wait for here
  const previous = Number(db.$client.pragma("busy_timeout", { simple: true }));
  db.$client.pragma("busy_timeout = 0");
  try {
    return await fn();
  } finally {
    db.$client.pragma(`busy_timeout = ${previous}`);
  }
}

/**
 * The better-sqlite3 connection under `db`, for rate-limiter-flexible's SQLite store (`storeType:
 * "better-sqlite3"`), which runs its own statements on it; also the key of what is kept per connection.
 */
export function rateLimiterStoreClient(db: Db): Database.Database {
  return db.$client;
}

/**
 * The database file the connection works on; "" or ":memory:" for a database in memory, and "" on
 * PostgreSQL (a server: its workers open DATABASE_URL, their files live in the storage directory).
 */
export function connectionFile(db: Db): string {
  if (pgLinkOf(db)) return "";
  return db.$client.name;
}

/** A copy of the whole database (as it stands now) in a new in-memory connection, with foreign keys on. */
export function copyInMemory(db: Db): Db {
  const sqlite = new Database(db.$client.serialize());
  sqlite.pragma("foreign_keys = ON");
  return drizzle({ client: sqlite, schema, casing: "snake_case" }) as Db;
}

/** Close the connection (a command or a bench step that opened its own). The `db` is unusable after. */
export function closeDb(db: Db): void {
  const link = pgLinkOf(db);
  if (link) void link.close();
  else db.$client.close();
}

/** `closeDb` for either engine, resolved when the connections are closed (a PostgreSQL pool ends). */
export async function closeDatabase(db: Db): Promise<void> {
  const link = pgLinkOf(db);
  if (link) await link.close();
  else db.$client.close();
}

/**
 * SQLite's integrity check of the whole file: "ok" when intact, else the first problem it reports (as
 * `PRAGMA integrity_check` answers in its first row).
 */
export function integrityCheck(db: Db): string {
  return String(db.$client.pragma("integrity_check", { simple: true }));
}

/**
 * Whether `db` is a read-only connection inside its read transaction (a port's `read`: what an API query
 * runs on), where every statement sees one committed moment and nothing uncommitted — what may be computed
 * once and kept per data version. False on a write connection (its own uncommitted rows could be seen) and
 * on a single-connection test port's shared connection.
 */
export function inReadOnlyTransaction(db: Db): boolean {
  if (pgLinkOf(db)) return pgInReadTransaction(db);
  const client = db.$client;
  return client.inTransaction && Number(client.pragma("query_only", { simple: true })) === 1;
}
