/**
 * Sign-in throttling instead of an account lock: failures are counted by username + client address, and
 * by client address alone, in the database (rate-limiter-flexible's SQLite store on the `rate_limits`
 * table of the migrations). After 5 failures of a pair, that pair waits 15 minutes (even the right
 * password is not checked); 50 failures from one address within an hour make the address wait an hour.
 * Another address may still sign in as the same user: nobody can lock anyone else out. Unknown usernames
 * are counted exactly like existing ones.
 *
 * The library reads the wall clock itself (Date.now): the windows and waits are real time, not the pinned
 * clock, and so is the pruning of rows whose window has run out (by SQLite's own time, the same clock).
 */
import { sql } from "drizzle-orm";
import { RateLimiterPostgres, RateLimiterSQLite } from "rate-limiter-flexible";
import type { Db } from "./driver/client.ts";
import type { Port } from "./driver/port.ts";
import { rateLimiterStoreClient } from "./driver/connection.ts";
import { execute } from "./driver/query.ts";
import { pgLinkOf, pgPoolOf } from "./driver/pg-db.ts";

export const THROTTLE = {
  /** Failures of one username from one address before that pair waits … */
  pairFailures: 5,
  /** … this long (seconds). */
  pairWaitSeconds: 15 * 60,
  /** Failures of a pair are forgotten this long after the first one (a success forgets them at once). */
  pairWindowSeconds: 24 * 60 * 60,
  /** Failures from one address within `addressWindowSeconds` before the address waits … */
  addressFailures: 50,
  addressWindowSeconds: 60 * 60,
  /** … this long (seconds). */
  addressWaitSeconds: 60 * 60,
} as const;

interface Limiters {
  pair: RateLimiterSQLite | RateLimiterPostgres;
  address: RateLimiterSQLite | RateLimiterPostgres;
}

type MakeLimiter = (o: { keyPrefix: string; points: number; duration: number }) => Limiters["pair"];

const limitersByClient = new WeakMap<object, Limiters>();

/**
 * The store's client: the server's pool on PostgreSQL (rate-limiter-flexible's Postgres store: an upsert
 * that adds and reads the points in one statement, atomic across portal instances), the connection on
 * SQLite. On PGlite (the tests), the same Postgres store on its one connection, through the link: inside
 * an open transaction its statements run in it (going around it would wait for the connection for ever).
 */
function storeOf(db: Db): { client: object; make: MakeLimiter } {
  const pool = pgPoolOf(db);
  const common = { tableName: "rate_limits", tableCreated: true };
  if (pool)
    return {
      client: pool,
      make: (o) => new RateLimiterPostgres({ storeClient: pool, storeType: "pool", ...common, ...o }),
    };
  const link = pgLinkOf(db);
  if (link) {
    const client = {
      async query(q: { text: string; values?: unknown[] }) {
        const r = await link.runner.query(q.text, q.values ?? [], false);
        return { rows: r.rows, rowCount: r.count };
      },
    };
    return {
      client: link,
      make: (o) => new RateLimiterPostgres({ storeClient: client, storeType: "client", ...common, ...o }),
    };
  }
  const client = rateLimiterStoreClient(db);
  return {
    client,
    make: (o) => new RateLimiterSQLite({ storeClient: client, storeType: "better-sqlite3", ...common, ...o }),
  };
}

function limiters(db: Db): Limiters {
  const store = storeOf(db);
  let l = limitersByClient.get(store.client);
  if (!l) {
    l = {
      pair: store.make({
        keyPrefix: "login-pair",
        points: THROTTLE.pairFailures,
        duration: THROTTLE.pairWindowSeconds,
      }),
      address: store.make({
        keyPrefix: "login-address",
        points: THROTTLE.addressFailures,
        duration: THROTTLE.addressWindowSeconds,
      }),
    };
    limitersByClient.set(store.client, l);
  }
  return l;
}

export interface AttemptKey {
  username: string;
  clientAddress: string;
}

const pairKey = (k: AttemptKey) => `${k.username.trim().toLowerCase()}|${k.clientAddress}`;

/** How often (at most) rows whose window has run out are removed, in milliseconds. */
const PRUNE_EVERY_MS = 5 * 60_000;
const prunedAt = new WeakMap<object, number>();

/**
 * Remove rows whose window has run out (the library's own clearing is off by default for SQLite), at most
 * every few minutes per database. `expire` is the library's wall-clock epoch milliseconds, so it is
 * compared with the database's wall clock, not with the product's (possibly pinned) one.
 */
async function pruneExpired(db: Db): Promise<void> {
  const client = storeOf(db).client;
  const last = prunedAt.get(client);
  const t = performance.now();
  if (last !== undefined && t - last < PRUNE_EVERY_MS) return;
  prunedAt.set(client, t);
  await execute(db, sql`delete from rate_limits where expire < unixepoch('subsec') * 1000`);
}

/** Milliseconds the pair or its address must still wait; 0 when an attempt may be checked. */
export async function throttleWait(db: Db, key: AttemptKey): Promise<number> {
  const { pair, address } = limiters(db);
  const [p, a] = await Promise.all([pair.get(pairKey(key)), address.get(key.clientAddress)]);
  let wait = 0;
  if (p && p.consumedPoints >= THROTTLE.pairFailures) wait = Math.max(wait, p.msBeforeNext);
  if (a && a.consumedPoints >= THROTTLE.addressFailures) wait = Math.max(wait, a.msBeforeNext);
  return wait;
}

export type Throttled<T> =
  { outcome: "checked"; ok: boolean; value: T } | { outcome: "wait"; waitMs: number };

/**
 * Run a password check for an attempt unless the pair or the address must wait. The attempt is counted
 * before the check — so that parallel attempts cannot pass the limit — and given back when the check
 * succeeds (a success also forgets the pair's failures). The failure that reaches a limit starts the wait.
 */
export async function throttledCheck<T>(
  on: Db | Port,
  key: AttemptKey,
  check: () => Promise<{ ok: boolean; value: T }>,
): Promise<Throttled<T>> {
  const hold = holdWriteConnection(on);
  const pk = pairKey(key);
  const before = await hold(async (db) => {
    await pruneExpired(db);
    const waitMs = await throttleWait(db, key);
    if (waitMs > 0) return { waitMs };
    const { pair, address } = limiters(db);
    const p = await pair.penalty(pk);
    const a = await address.penalty(key.clientAddress);
    if (p.consumedPoints > THROTTLE.pairFailures || a.consumedPoints > THROTTLE.addressFailures) {
      // Parallel attempts took the last tries of the window: this one waits, unchecked.
      if (p.consumedPoints > THROTTLE.pairFailures) await pair.block(pk, THROTTLE.pairWaitSeconds);
      if (a.consumedPoints > THROTTLE.addressFailures)
        await address.block(key.clientAddress, THROTTLE.addressWaitSeconds);
      return { waitMs: await throttleWait(db, key) };
    }
    return { waitMs: 0, pairUsed: p.consumedPoints, addressUsed: a.consumedPoints };
  });
  if (before.waitMs > 0 || before.pairUsed === undefined) return { outcome: "wait", waitMs: before.waitMs };
  // The check (a bcrypt comparison, ~0.1 s) runs without holding the write connection: other requests'
  // writes and sign-ins go on meanwhile; the try is already counted.
  const result = await check();
  await hold(async (db) => {
    const { pair, address } = limiters(db);
    if (result.ok) {
      await pair.delete(pk);
      await address.reward(key.clientAddress);
    } else {
      if (before.pairUsed >= THROTTLE.pairFailures) await pair.block(pk, THROTTLE.pairWaitSeconds);
      if (before.addressUsed >= THROTTLE.addressFailures)
        await address.block(key.clientAddress, THROTTLE.addressWaitSeconds);
    }
  });
  return { outcome: "checked", ...result };
}

/**
 * Run on the write connection: a port's, held for `fn` alone (its store writes are not one transaction),
 * or a connection given directly (tests, the command line).
 */
export function holdWriteConnection(on: Db | Port): <R>(fn: (db: Db) => Promise<R>) => Promise<R> {
  return isPort(on) ? (fn) => on.writer(fn) : (fn) => fn(on);
}

function isPort(on: Db | Port): on is Port {
  return typeof (on as Partial<Port>).writer === "function";
}

/** Whole minutes to wait (at least 1), as users read it. */
export const waitMinutes = (waitMs: number): number => Math.max(1, Math.ceil(waitMs / 60_000));
