/**
 * How the data layer runs a statement: drizzle's builder for plain reads and writes of one table, and these
 * functions for `sql` templates (joins, subqueries, the scope's conditions). Every statement is a drizzle
 * `SQL` value, so its parameters are bound by the dialect (never spliced into the text) and a second
 * dialect renders the same statement with its own placeholders. Results are typed by the caller's row type.
 *
 * They run on the connection (or the transaction) they are given and answer a Promise whatever the engine (better-sqlite3
 * answers at once; a server engine over the network), so every caller awaits them: the data layer is async.
 */
import type { SQL } from "drizzle-orm";
import type Database from "better-sqlite3";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import type { Db } from "./client.ts";
import { pgLinkOf, pgText } from "./pg-db.ts";

/** Renders a statement for the bulk path, as the connection's own dialect does (snake_case columns). */
const dialect = new SQLiteSyncDialect({ casing: "snake_case" });

/** On PostgreSQL: the statement as the server takes it, run on `db`'s connection. */
async function onPg(
  db: Db,
  query: SQL,
  arrays: boolean,
): Promise<{ rows: unknown[]; count: number } | undefined> {
  const link = pgLinkOf(db);
  if (!link) return undefined;
  const { sql: text, params } = dialect.sqlToQuery(query);
  return link.runner.query(pgText(text), params, arrays);
}

/** Every row, as objects keyed by the statement's column names (aliases). */
export async function selectAll<T>(db: Db, query: SQL): Promise<T[]> {
  const pg = await onPg(db, query, false);
  if (pg) return pg.rows as T[];
  const { sql: text, params } = dialect.sqlToQuery(query);
  return objectRows(prepared(db, text)).all(...params) as T[];
}

/** The first row, or undefined. */
export async function selectOne<T>(db: Db, query: SQL): Promise<T | undefined> {
  const pg = await onPg(db, query, false);
  if (pg) return pg.rows[0] as T | undefined;
  const { sql: text, params } = dialect.sqlToQuery(query);
  return (objectRows(prepared(db, text)).get(...params) ?? undefined) as T | undefined;
}

/** The first column of every row (ids, names). */
export async function selectColumn<T>(db: Db, query: SQL): Promise<T[]> {
  return (await selectRows<[T]>(db, query)).map((r) => r[0]);
}

/** The first column of the first row (a count, a max), or undefined when there is no row. */
export async function selectValue<T>(db: Db, query: SQL): Promise<T | undefined> {
  const row = (await selectRows<[T]>(db, query))[0];
  return row === undefined ? undefined : row[0];
}

/** Every row as an array of its columns, in the statement's order (large loads: no per-row object keys). */
export async function selectRows<T extends unknown[]>(db: Db, query: SQL): Promise<T[]> {
  const pg = await onPg(db, query, true);
  if (pg) return pg.rows as T[];
  const { sql: text, params } = dialect.sqlToQuery(query);
  return prepared(db, text)
    .raw(true)
    .all(...params) as T[];
}

/**
 * Run a change; how many rows it changed and, on SQLite, an insert's new row id (PostgreSQL has none:
 * write `returning id` and read it with `selectValue` where the id is needed).
 */
export async function execute(db: Db, query: SQL): Promise<{ changes: number; lastInsertRowid: number }> {
  const pg = await onPg(db, query, true);
  if (pg) return { changes: pg.count, lastInsertRowid: Number.NaN };
  const { sql: text, params } = dialect.sqlToQuery(query);
  const r = prepared(db, text).run(...params);
  return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
}

/**
 * Statements kept per connection and text, for every statement these functions run (issue 25): a page's
 * request runs a few dozen (the session, the scope, the page's reads, the snapshot's restricted sets),
 * and preparing one costs about as much as running it. A template renders the same text whatever its
 * (bound) parameters. A kept statement keeps the row mode its last user set (raw, pluck): each user sets
 * the one it needs (`objectRows`, `.raw(true)`, `.pluck(true)`). Only a loop that runs to its end in one
 * synchronous stretch may step a kept statement (a statement stepped by an unfinished loop is busy):
 * `iterateRows`, whose loop spans awaits, prepares its own.
 */
/** More texts than this on one connection: something renders varying text; start over rather than grow. */
const MAX_STATEMENTS = 256;

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function prepared(db: Db, text: string): Database.Statement {
  let map = statements.get(db.$client);
  if (!map) statements.set(db.$client, (map = new Map()));
  let stmt = map.get(text);
  if (!stmt) {
    if (map.size >= MAX_STATEMENTS) map.clear();
    map.set(text, (stmt = db.$client.prepare(text)));
  }
  return stmt;
}

/** A kept statement answering rows as objects keyed by column name (whatever mode its last user set). */
function objectRows(stmt: Database.Statement): Database.Statement {
  return stmt.reader ? stmt.raw(false).pluck(false).expand(false) : stmt;
}

/**
 * The bulk-read path (the report's and the ledger's large loads): every row as an array of its columns,
 * made into `T` by `make` one at a time on the connection's kept statement, without an object per row in
 * between (and, on a server engine, fetched in batches rather than one promise per row).
 */
export async function selectMapped<R extends unknown[], T>(
  db: Db,
  query: SQL,
  make: (row: R) => T,
): Promise<T[]> {
  if (pgLinkOf(db)) return (await selectRows<R>(db, query)).map(make);
  const { sql: text, params } = dialect.sqlToQuery(query);
  const out: T[] = [];
  for (const row of prepared(db, text)
    .raw(true)
    .iterate(...params) as IterableIterator<R>)
    out.push(make(row));
  return out;
}

/** Cursors declared on PostgreSQL by `iterateRows` (names unique in the process, so per connection too). */
let cursors = 0;

/**
 * The streaming read (a download of a whole list): every row of `query` as an array of its columns, handed
 * out in batches of at most `batch` rows while the statement runs, so memory holds one batch whatever the
 * number of rows. Ending the loop early (`break`, an error, `return()`) closes the statement.
 * - SQLite: the statement steps as batches are asked for (better-sqlite3's `iterate`). Other reads may run
 *   on the connection between two batches; a write, BEGIN or COMMIT may not until the loop has ended — so
 *   run it inside a read transaction (`readTransaction`, a port's read) opened before it.
 * - PostgreSQL: a cursor declared in the current transaction (required: a port's read, `readTransaction`),
 *   fetched `batch` rows at a time and closed at the end.
 */
export async function* iterateRows<R extends unknown[]>(
  db: Db,
  query: SQL,
  batch = 1000,
): AsyncGenerator<R[], void, undefined> {
  const size = Math.max(1, Math.floor(batch));
  const { sql: text, params } = dialect.sqlToQuery(query);
  const link = pgLinkOf(db);
  if (link) {
    if (link.depth < 0) throw new Error("iterateRows 须在事务内运行(PostgreSQL 的游标只存在于事务中)");
    const name = `lx_rows_${++cursors}`;
    await link.runner.query(`declare ${name} no scroll cursor for ${pgText(text)}`, params, true);
    try {
      for (;;) {
        const { rows } = await link.runner.query(`fetch forward ${size} from ${name}`, [], true);
        if (rows.length > 0) yield rows as R[];
        if (rows.length < size) return;
      }
    } finally {
      await link.runner.query(`close ${name}`, [], true);
    }
  }
  // A statement of its own (not the kept one of `prepared`): another flow may run the same text meanwhile.
  const rows = db.$client
    .prepare(text)
    .raw(true)
    .iterate(...params) as IterableIterator<R>;
  try {
    let out: R[] = [];
    for (const row of rows) {
      out.push(row);
      if (out.length >= size) {
        yield out;
        out = [];
      }
    }
    if (out.length > 0) yield out;
  } finally {
    rows.return?.();
  }
}

/** `selectColumn` on the connection's kept statement: the first column of every row. */
export async function selectColumnPrepared<T>(db: Db, query: SQL): Promise<T[]> {
  if (pgLinkOf(db)) return selectColumn<T>(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  return prepared(db, text)
    .pluck(true)
    .all(...params) as T[];
}

/** Savepoints open on a connection inside its transaction (their names are unique per connection). */
const depth = new WeakMap<Database.Database, number>();

/** What runs in a write transaction just before it commits (report-facts.ts registers its recount). */
const beforeCommit: ((db: Db) => Promise<void>)[] = [];

/**
 * Run `fn` at the end of every outermost write transaction of SQLite (`writeTransaction`), inside it,
 * before the commit; a failure rolls the transaction back.
 */
export function onBeforeCommit(fn: (db: Db) => Promise<void>): void {
  if (!beforeCommit.includes(fn)) beforeCommit.push(fn);
}

/**
 * Run `fn` in one write transaction (BEGIN IMMEDIATE): all or nothing — committed when `fn` resolves,
 * rolled back when it throws. Inside another one it is a savepoint of it (rolled back alone when `fn`
 * throws), so a use case may call another. `fn` may await the data layer's statements; only one flow may
 * use a connection's transaction at a time (the port holds the write connection for one request).
 */
export async function writeTransaction<T>(db: Db, fn: (tx: Db) => T | Promise<T>): Promise<T> {
  const link = pgLinkOf(db);
  if (link) return link.transaction(async (tx) => fn(tx), "write");
  const client = db.$client;
  if (client.inTransaction) {
    const level = (depth.get(client) ?? 0) + 1;
    const name = `lx_${level}`;
    depth.set(client, level);
    client.exec(`SAVEPOINT ${name}`);
    try {
      const out = await fn(db);
      client.exec(`RELEASE ${name}`);
      return out;
    } catch (e) {
      if (client.inTransaction) {
        client.exec(`ROLLBACK TO ${name}`);
        client.exec(`RELEASE ${name}`);
      }
      throw e;
    } finally {
      depth.set(client, level - 1);
    }
  }
  client.exec("BEGIN IMMEDIATE");
  try {
    const out = await fn(db);
    for (const hook of beforeCommit) await hook(db);
    client.exec("COMMIT");
    return out;
  } catch (e) {
    if (client.inTransaction) client.exec("ROLLBACK");
    throw e;
  }
}

/**
 * Run `fn` in one read transaction (BEGIN, deferred: no lock is taken before the first read): every
 * statement of `fn` sees the database as of one moment, even with writers on other connections. Inside a
 * transaction already open on the connection (a port's read or write) `fn` simply runs in it, which gives
 * it one moment already. Nothing in `fn` should write.
 */
export async function readTransaction<T>(db: Db, fn: (tx: Db) => T | Promise<T>): Promise<T> {
  const link = pgLinkOf(db);
  if (link) return link.depth >= 0 ? fn(db) : link.transaction(async (tx) => fn(tx), "read");
  const client = db.$client;
  if (client.inTransaction) return fn(db);
  client.exec("BEGIN");
  try {
    const out = await fn(db);
    if (client.inTransaction) client.exec("COMMIT");
    return out;
  } catch (e) {
    if (client.inTransaction) client.exec("ROLLBACK");
    throw e;
  }
}

/** Whether `db` is inside an open transaction. */
export function inTransactionNow(db: Db): boolean {
  const link = pgLinkOf(db);
  if (link) return link.depth >= 0;
  return db.$client.inTransaction;
}
