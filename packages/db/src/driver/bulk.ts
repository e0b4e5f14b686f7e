/**
 * The bulk-write path: the generators (a city of hundreds of thousands of rows) and an import (up to a
 * million rows and their audit rows in one transaction), where compiling a statement costs more than
 * running it. drizzle's builder or a `sql` template renders every value through its statement tree on
 * every insert (about ten times the time for a city), so bulk writes come through here, as the large reads
 * go through `selectMapped`:
 * - `BulkInsert` / `insertRows`: rows given as arrays in the order of their columns, inserted in multi-row
 *   statements, each statement shape prepared once per connection and run with its values bound;
 * - `prepareRun`: a drizzle `sql` template whose varying values are `sql.placeholder(name)`s, rendered by
 *   the dialect and prepared once, then run for every row of values.
 *
 * Values are given as stored (numbers, strings, null; 0/1 for booleans, JSON as text): nothing is mapped
 * through the schema, and columns not named take the table's SQL default. Run inside the caller's
 * transaction (`writeTransaction`).
 */
import type Database from "better-sqlite3";
import { fillPlaceholders, getTableName, type SQL } from "drizzle-orm";
import { CasingCache } from "drizzle-orm/casing";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import type { Db } from "./client.ts";
import { pgLinkOf, pgText } from "./pg-db.ts";

/** A value as the database stores it. */
export type BulkValue = string | number | bigint | null;

/** The schema's keys (camelCase) of a table's columns. */
export type ColumnKey<T extends SQLiteTable> = keyof T["_"]["columns"] & string;

/** Names as the connection renders them (snake_case columns, quoted identifiers). */
const dialect = new SQLiteSyncDialect({ casing: "snake_case" });
const casing = new CasingCache("snake_case");

/** SQLite binds at most 32,766 parameters to a statement; a statement stays well below. */
const MAX_VALUES_PER_STATEMENT = 4_096;
const MAX_ROWS_PER_STATEMENT = 32;
/** Values queued over all the tables of a `BulkInsert` before they are written. */
const MAX_QUEUED_VALUES = 64_000;

/** Statements kept per connection, by text (a handful of shapes per table). */
const kept = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function keptStatement(sqlite: Database.Database, text: string): Database.Statement {
  let byText = kept.get(sqlite);
  if (!byText) kept.set(sqlite, (byText = new Map()));
  let s = byText.get(text);
  if (!s) byText.set(text, (s = sqlite.prepare(text)));
  return s;
}

/**
 * Insert statements' texts by their head and number of rows, each built once: the same string each time
 * is also looked up in `kept` without hashing its text again (an import runs a hundred thousand inserts).
 */
const texts = new Map<string, string[]>();

function insertText(head: string, tuple: string, rows: number): string {
  let byRows = texts.get(head);
  if (!byRows) texts.set(head, (byRows = []));
  return (byRows[rows] ??= head + Array.from({ length: rows }, () => tuple).join(", "));
}

/** The largest number of rows of `columns` columns in one insert statement (a power of two). */
export function rowsPerInsert(columns: number): number {
  let rows = MAX_ROWS_PER_STATEMENT;
  while (rows > 1 && rows * Math.max(1, columns) > MAX_VALUES_PER_STATEMENT) rows /= 2;
  return rows;
}

/** The names (as stored) of a table and of the columns of some of its keys. */
function namesOf(table: SQLiteTable, columns: readonly string[]): { table: string; columns: string[] } {
  const all = table as unknown as Record<string, Parameters<CasingCache["getColumnCasing"]>[0]>;
  return {
    table: getTableName(table),
    columns: columns.map((key) => {
      const column = all[key];
      if (!column) throw new Error(`表 ${getTableName(table)} 没有列 ${key}`);
      return casing.getColumnCasing(column);
    }),
  };
}

/** Queued rows of one table, in statement-sized chunks. */
class TableRows {
  readonly width: number;
  /** Rows of the largest statement: a power of two, so that any remainder is a few cached statements. */
  private readonly rowsPerStatement: number;
  private readonly valuesPerStatement: number;
  private readonly head: string;
  private readonly tuple: string;
  /** Full chunks not yet written, and the chunk being filled (`filled` values so far). */
  private full: BulkValue[][] = [];
  private current: BulkValue[];
  private filled = 0;

  /** `immediate`: write each chunk as soon as it is full (nothing else waits to be written first). */
  /** `table` and `columns` as stored (snake_case), the program's own names, never input. */
  constructor(
    private readonly db: Db,
    table: string,
    columns: readonly string[],
    private readonly immediate: boolean,
  ) {
    this.width = columns.length;
    this.rowsPerStatement = rowsPerInsert(this.width);
    this.valuesPerStatement = this.rowsPerStatement * this.width;
    this.current = new Array<BulkValue>(this.valuesPerStatement);
    const names = columns.map((c) => dialect.escapeName(c));
    this.head = `insert into ${dialect.escapeName(table)} (${names.join(", ")}) values `;
    this.tuple = `(${columns.map(() => "?").join(", ")})`;
  }

  /** Queue one row; on SQLite an `immediate` table writes each chunk as soon as it is full. */
  add(row: readonly BulkValue[]): void {
    if (row.length !== this.width) throw new Error(`一行应有 ${this.width} 个值,实有 ${row.length} 个`);
    for (let i = 0; i < row.length; i++) this.current[this.filled++] = row[i]!;
    if (this.filled === this.valuesPerStatement) {
      if (this.immediate && !this.pg) void this.run(this.rowsPerStatement, this.current);
      else {
        this.full.push(this.current);
        this.current = new Array<BulkValue>(this.valuesPerStatement);
      }
      this.filled = 0;
    }
  }

  /** Full chunks waiting (PostgreSQL's statements are awaited: its `immediate` table flushes every few). */
  get waiting(): number {
    return this.full.length;
  }

  /** Write every queued row, in the order queued: full statements, then the rest in halves. */
  async flush(): Promise<void> {
    for (const chunk of this.full) await this.run(this.rowsPerStatement, chunk);
    this.full = [];
    let at = 0;
    for (let rows = this.rowsPerStatement / 2; rows >= 1; rows /= 2) {
      const n = rows * this.width;
      if (this.filled - at >= n) {
        await this.run(rows, this.current.slice(at, at + n));
        at += n;
      }
    }
    this.filled = 0;
  }

  private get pg(): boolean {
    return pgLinkOf(this.db) !== undefined;
  }

  /** On SQLite at once (the statement kept per connection); on PostgreSQL a promise of the server. */
  private run(rows: number, values: BulkValue[]): Promise<unknown> | undefined {
    const text = insertText(this.head, this.tuple, rows);
    const link = pgLinkOf(this.db);
    if (link) return link.runner.query(pgText(text), values, true);
    keptStatement(this.db.$client, text).run(values);
    return undefined;
  }
}

/**
 * Inserts into several tables, queued and written in multi-row statements. When enough values are
 * queued, every table's queue is written, in the order the tables were named here (name a referenced table
 * before the tables that reference it), so that a row's references are written before it. Call `flush()`
 * before reading what was queued, and at the end.
 */
export class BulkInsert {
  private readonly tables: TableRows[] = [];
  private queued = 0;

  constructor(private readonly db: Db) {}

  /** A function that queues one row of `table`, its values in the order of `columns`. */
  into<T extends SQLiteTable>(
    table: T,
    columns: readonly ColumnKey<T>[],
  ): (...values: BulkValue[]) => Promise<void> {
    const names = namesOf(table, columns);
    const rows = new TableRows(this.db, names.table, names.columns, false);
    this.tables.push(rows);
    return async (...values) => {
      rows.add(values);
      this.queued += values.length;
      if (this.queued >= MAX_QUEUED_VALUES) await this.flush();
    };
  }

  /** Write everything queued. */
  async flush(): Promise<void> {
    for (const t of this.tables) await t.flush();
    this.queued = 0;
  }
}

/** Insert `rows` into `table` (values in the order of `columns`) in multi-row statements. */
export async function insertRows<T extends SQLiteTable>(
  db: Db,
  table: T,
  columns: readonly ColumnKey<T>[],
  rows: Iterable<readonly BulkValue[]>,
): Promise<void> {
  const names = namesOf(table, columns);
  await insertNamedRows(db, names.table, names.columns, rows);
}

/**
 * `insertRows` for a table and columns given by their stored names (an import, which plans by table name).
 * The names are the program's, never input.
 */
export async function insertNamedRows(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly BulkValue[]>,
): Promise<void> {
  const t = new TableRows(db, table, columns, true);
  for (const row of rows) {
    t.add(row);
    if (t.waiting >= 16) await t.flush();
  }
  await t.flush();
}

/**
 * Prepare `query` once; the returned function runs it with the values of its placeholders
 * (`sql.placeholder(name)` → `values[name]`, as the driver takes them) and returns how many rows changed.
 * Use it for one statement run many times (a bulk import), inside the caller's transaction.
 */
export function prepareRun(db: Db, query: SQL): (values: Record<string, unknown>) => Promise<number> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const link = pgLinkOf(db);
  if (link) {
    const pgQuery = pgText(text);
    return async (values) => (await link.runner.query(pgQuery, fillPlaceholders(params, values), true)).count;
  }
  const statement = keptStatement(db.$client, text);
  return async (values) => statement.run(...fillPlaceholders(params, values)).changes;
}
