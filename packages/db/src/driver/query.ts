/**
 * How the data layer runs a statement: drizzle's builder for plain reads and writes of one table, and these
 * functions for `sql` templates (joins, subqueries, the scope's conditions). Every statement is a drizzle
 * `SQL` value, so its parameters are bound by the dialect (never spliced into the text) and a second
 * dialect renders the same statement with its own placeholders. Results are typed by the caller's row type.
 *
 * They run on the connection (or the transaction) they are given — today synchronously on better-sqlite3.
 */
import type { SQL } from "drizzle-orm";
import type Database from "better-sqlite3";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import type { Db } from "./client.ts";

/** Renders a statement for the bulk path, as the connection's own dialect does (snake_case columns). */
const dialect = new SQLiteSyncDialect({ casing: "snake_case" });

/** Every row, as objects keyed by the statement's column names (aliases). */
export function selectAll<T>(db: Db, query: SQL): T[] {
  return db.all<T>(query);
}

/** The first row, or undefined. */
export function selectOne<T>(db: Db, query: SQL): T | undefined {
  return (db.get<T>(query) ?? undefined) as T | undefined;
}

/** The first column of every row (ids, names). */
export function selectColumn<T>(db: Db, query: SQL): T[] {
  return db.values<[T]>(query).map((r) => r[0]);
}

/** The first column of the first row (a count, a max), or undefined when there is no row. */
export function selectValue<T>(db: Db, query: SQL): T | undefined {
  const row = db.values<[T]>(query)[0];
  return row === undefined ? undefined : row[0];
}

/** Every row as an array of its columns, in the statement's order (large loads: no per-row object keys). */
export function selectRows<T extends unknown[]>(db: Db, query: SQL): T[] {
  return db.values<T>(query);
}

/** Run a change; how many rows it changed and, for an insert, the new row's id. */
export function execute(db: Db, query: SQL): { changes: number; lastInsertRowid: number } {
  const r = db.run(query);
  return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
}

/**
 * Statements kept per connection and text, for the loads a page runs a dozen times per request (the
 * snapshot's restricted sets: the facts of the 20 hosts of a page), where preparing a statement costs as
 * much as running it. A template renders the same text whatever its (bound) parameters.
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

/**
 * The bulk-read path (the report's and the ledger's large loads): rows as arrays, one at a time, without
 * holding the whole result, on the connection's kept statement. Finish (or break out of) the iteration
 * before running the same statement again.
 */
export function iterateRows<T extends unknown[]>(db: Db, query: SQL): IterableIterator<T> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return prepared(db, text)
    .raw(true)
    .iterate(...params) as IterableIterator<T>;
}

/** `selectColumn` on the connection's kept statement: the first column of every row. */
export function selectColumnPrepared<T>(db: Db, query: SQL): T[] {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return prepared(db, text)
    .pluck(true)
    .all(...params) as T[];
}

/**
 * Run `fn` in one write transaction (BEGIN IMMEDIATE): all or nothing. Inside another one it is a
 * savepoint of it (better-sqlite3's nesting), so a use case may call another.
 */
export function writeTransaction<T>(db: Db, fn: (tx: Db) => T): T {
  return db.$client.transaction(() => fn(db)).immediate();
}

/** Whether `db` is inside an open transaction. */
export function inTransactionNow(db: Db): boolean {
  return db.$client.inTransaction;
}
