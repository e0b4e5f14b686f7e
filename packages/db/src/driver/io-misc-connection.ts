/**
 * Settings of one connection that a use case changes for a while (SQLite pragmas), and the connection a
 * library runs its own statements on. Each is restored before the function returns.
 */
import type Database from "better-sqlite3";
import type { Db } from "./client.ts";

/**
 * Run `fn` with a page cache of `kib` KiB on this connection (a bulk import inserts millions of index
 * entries; SQLite's default is 2 MB), then put the previous size back.
 */
export function withPageCache<T>(db: Db, kib: number, fn: () => T): T {
  const previous = Number(db.$client.pragma("cache_size", { simple: true }));
  db.$client.pragma(`cache_size = ${-Math.abs(Math.trunc(kib))}`);
  try {
    return fn();
  } finally {
    db.$client.pragma(`cache_size = ${previous}`);
  }
}

/**
 * Run `fn` without waiting for the write lock (busy timeout 0, then the previous one again): a write that
 * meets another connection's lock fails at once with SQLITE_BUSY (`isBusyError`) instead of waiting.
 */
export function withoutBusyWait<T>(db: Db, fn: () => T): T {
  const previous = Number(db.$client.pragma("busy_timeout", { simple: true }));
  db.$client.pragma("busy_timeout = 0");
  try {
    return fn();
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
