/**
 * The bulk-write path (the generators: a city of tens or hundreds of thousands of rows): rows given as
 * arrays in the order of their columns are inserted in multi-row statements, each statement shape prepared
 * once and run with its values bound. drizzle's builder (or a `sql` template) would render every value
 * through its statement tree on every insert — about ten times the time of the old one-row prepared
 * statements for a city — so the generators write through here, as the large reads go through
 * `iterateRows`.
 *
 * Values are given as stored (numbers, strings, null; 0/1 for booleans, JSON as text): nothing is mapped
 * through the schema, and columns not named take the table's SQL default. Run inside the caller's
 * transaction (`writeTransaction`).
 */
import type Database from "better-sqlite3";
import { getTableName } from "drizzle-orm";
import { CasingCache } from "drizzle-orm/casing";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import type { Db } from "./client.ts";

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

/** Queued rows of one table, in statement-sized chunks. */
class TableRows {
  readonly width: number;
  /** Rows of the largest statement: a power of two, so that any remainder is a few cached statements. */
  private readonly rowsPerStatement: number;
  private readonly valuesPerStatement: number;
  private readonly head: string;
  private readonly tuple: string;
  private readonly statements = new Map<number, Database.Statement>();
  /** Full chunks not yet written, and the chunk being filled (`filled` values so far). */
  private full: BulkValue[][] = [];
  private current: BulkValue[];
  private filled = 0;

  /** `immediate`: write each chunk as soon as it is full (nothing else waits to be written first). */
  constructor(
    private readonly sqlite: Database.Database,
    table: SQLiteTable,
    columns: readonly string[],
    private readonly immediate: boolean,
  ) {
    const all = table as unknown as Record<string, Parameters<CasingCache["getColumnCasing"]>[0]>;
    const names = columns.map((key) => {
      const column = all[key];
      if (!column) throw new Error(`表 ${getTableName(table)} 没有列 ${key}`);
      return dialect.escapeName(casing.getColumnCasing(column));
    });
    this.width = columns.length;
    let rows = MAX_ROWS_PER_STATEMENT;
    while (rows > 1 && rows * this.width > MAX_VALUES_PER_STATEMENT) rows /= 2;
    this.rowsPerStatement = rows;
    this.valuesPerStatement = rows * this.width;
    this.current = new Array<BulkValue>(this.valuesPerStatement);
    this.head = `insert into ${dialect.escapeName(getTableName(table))} (${names.join(", ")}) values `;
    this.tuple = `(${columns.map(() => "?").join(", ")})`;
  }

  /** Queue one row. */
  add(row: readonly BulkValue[]): void {
    if (row.length !== this.width) throw new Error(`一行应有 ${this.width} 个值,实有 ${row.length} 个`);
    for (let i = 0; i < row.length; i++) this.current[this.filled++] = row[i]!;
    if (this.filled === this.valuesPerStatement) {
      if (this.immediate) this.statement(this.rowsPerStatement).run(this.current);
      else {
        this.full.push(this.current);
        this.current = new Array<BulkValue>(this.valuesPerStatement);
      }
      this.filled = 0;
    }
  }

  /** Write every queued row, in the order queued: full statements, then the rest in halves. */
  flush(): void {
    for (const chunk of this.full) this.statement(this.rowsPerStatement).run(chunk);
    this.full = [];
    let at = 0;
    for (let rows = this.rowsPerStatement / 2; rows >= 1; rows /= 2) {
      const n = rows * this.width;
      if (this.filled - at >= n) {
        this.statement(rows).run(this.current.slice(at, at + n));
        at += n;
      }
    }
    this.filled = 0;
  }

  private statement(rows: number): Database.Statement {
    let s = this.statements.get(rows);
    if (!s) {
      s = this.sqlite.prepare(this.head + Array.from({ length: rows }, () => this.tuple).join(", "));
      this.statements.set(rows, s);
    }
    return s;
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
  into<T extends SQLiteTable>(table: T, columns: readonly ColumnKey<T>[]): (...values: BulkValue[]) => void {
    const rows = new TableRows(this.db.$client, table, columns, false);
    this.tables.push(rows);
    return (...values) => {
      rows.add(values);
      this.queued += values.length;
      if (this.queued >= MAX_QUEUED_VALUES) this.flush();
    };
  }

  /** Write everything queued. */
  flush(): void {
    for (const t of this.tables) t.flush();
    this.queued = 0;
  }
}

/** Insert `rows` into `table` (values in the order of `columns`) in multi-row statements. */
export function insertRows<T extends SQLiteTable>(
  db: Db,
  table: T,
  columns: readonly ColumnKey<T>[],
  rows: Iterable<readonly BulkValue[]>,
): void {
  const t = new TableRows(db.$client, table, columns, true);
  for (const row of rows) t.add(row);
  t.flush();
}
