/**
 * Prepared once, run many times: the snapshot's loads (`snapshot.ts`) through a statement kept per
 * connection and text. A scoped page loads a dozen small restricted sets per request (the facts of the 20
 * hosts of a page), and preparing those statements costs as much as running them; drizzle prepares a
 * `sql` template on every call. A template renders the same text whatever its parameters (they are bound),
 * and the snapshot's texts vary only with the number of dates asked for, so the cache stays small (it is
 * bounded anyway). Results are exactly those of `iterateRows` and `selectColumn` (`query.ts`).
 */
import type Database from "better-sqlite3";
import type { SQL } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import type { Db } from "./client.ts";

/** Renders a statement as the connection's own dialect does (snake_case columns). */
const dialect = new SQLiteSyncDialect({ casing: "snake_case" });

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
 * `iterateRows` on the connection's kept statement: rows as arrays, one at a time. Finish (or break out
 * of) the iteration before running the same statement again.
 */
export function iterateRowsPrepared<T extends unknown[]>(db: Db, query: SQL): IterableIterator<T> {
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
