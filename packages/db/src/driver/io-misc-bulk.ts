/**
 * Bulk writes (an import and its audit rows: up to a million rows in one transaction), where compiling a
 * statement costs more than running it (an update of a table with many foreign keys, several times more):
 * - `prepareRun`: a drizzle `sql` template whose varying values are `sql.placeholder(name)`s, rendered by
 *   the dialect and prepared once, then run for every row of values;
 * - `insertRows`: multi-row inserts, chunked under the engine's limit on bound parameters, the statement of
 *   a full chunk prepared once per connection.
 */
import { fillPlaceholders, type SQL } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import type Database from "better-sqlite3";
import type { Db } from "./client.ts";

/** Renders a statement as the connection's own dialect does (snake_case columns). */
const dialect = new SQLiteSyncDialect({ casing: "snake_case" });

/** SQLite binds at most 32,766 parameters in one statement; stay under it with room to spare. */
const MAX_PARAMS = 32_000;
/** Rows per insert statement at most (longer statements cost more to compile than they save). */
const MAX_ROWS = 100;

/** How many rows of `columns` columns go into one insert statement. */
export function rowsPerInsert(columns: number): number {
  return Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / Math.max(1, columns))));
}

/**
 * Prepare `query` once; the returned function runs it with the values of its placeholders
 * (`sql.placeholder(name)` → `values[name]`, as the driver takes them) and returns how many rows changed.
 * Use it for one statement run many times (a bulk import), inside the caller's transaction.
 */
export function prepareRun(db: Db, query: SQL): (values: Record<string, unknown>) => number {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const statement = db.$client.prepare(text);
  return (values) => statement.run(...fillPlaceholders(params, values)).changes;
}

/** The insert statements of full chunks, per connection, by table and columns. */
const fullChunks = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A multi-row insert of `count` rows, every value a parameter in row order, written with the dialect's
 * own quoting of names and parameters (rendering thousands of placeholders through `sql` templates would
 * cost more than the insert).
 */
function prepareInsert(db: Db, table: string, columns: readonly string[], count: number): Database.Statement {
  let p = 0;
  const tuples: string[] = [];
  for (let r = 0; r < count; r++) tuples.push(`(${columns.map(() => dialect.escapeParam(p++)).join(", ")})`);
  const names = columns.map((c) => dialect.escapeName(c)).join(", ");
  return db.$client.prepare(
    `insert into ${dialect.escapeName(table)} (${names}) values ${tuples.join(", ")}`,
  );
}

/**
 * Insert `rows` (values in the order of `columns`, as the driver takes them: strings, numbers, null) into
 * `table`, in statements of `rowsPerInsert(columns.length)` rows, in the order given. The table and column
 * names are the program's (snake_case), never input. Call it inside the caller's transaction.
 */
export function insertRows(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): void {
  if (rows.length === 0) return;
  const per = rowsPerInsert(columns.length);
  let byShape = fullChunks.get(db.$client);
  if (!byShape) fullChunks.set(db.$client, (byShape = new Map()));
  const run = (statement: Database.Statement, from: number, to: number) => {
    const values: unknown[] = [];
    for (let i = from; i < to; i++) for (const v of rows[i]!) values.push(v);
    statement.run(values);
  };
  let start = 0;
  if (rows.length >= per) {
    const shape = `${table}(${columns.join(",")})`;
    let full = byShape.get(shape);
    if (!full) byShape.set(shape, (full = prepareInsert(db, table, columns, per)));
    for (; start + per <= rows.length; start += per) run(full, start, start + per);
  }
  if (start < rows.length) run(prepareInsert(db, table, columns, rows.length - start), start, rows.length);
}
