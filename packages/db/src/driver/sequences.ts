/**
 * PostgreSQL's identity sequences after rows were written with their ids given (the seeds' bulk inserts,
 * a copy): each is set past its table's largest id, so that the next row written without an id takes a new
 * one (on SQLite the next rowid already follows the largest, and this does nothing).
 */
import { getTableConfig, SQLiteTable, type SQLiteTable as Table } from "drizzle-orm/sqlite-core";
import { is } from "drizzle-orm";
import * as schema from "../schema.ts";
import type { Db } from "./client.ts";
import { pgLinkOf } from "./pg-db.ts";

/** The names of the tables whose id is generated (an identity on PostgreSQL). */
export function identityTables(): string[] {
  return (Object.values(schema) as unknown[])
    .filter((v): v is Table => is(v, SQLiteTable))
    .map((t) => getTableConfig(t))
    .filter((c) =>
      c.columns.some(
        (col) =>
          col.primary &&
          (col as unknown as { config: { autoIncrement?: boolean } }).config.autoIncrement === true,
      ),
    )
    .map((c) => c.name);
}

/** Set every identity sequence of `db` past its table's largest id (PostgreSQL); nothing on SQLite. */
export async function syncIdSequences(db: Db): Promise<void> {
  const link = pgLinkOf(db);
  if (!link) return;
  for (const name of identityTables()) {
    const table = `"${name.replace(/"/g, '""')}"`;
    await link.runner.query(
      `select setval(pg_get_serial_sequence($1, 'id'), coalesce((select max(id) from ${table}), 0) + 1, false)`,
      [name],
      true,
    );
  }
}

/**
 * Before rows are written with ids chosen by the writer (an import's plan numbers its new rows past the
 * largest id it saw), move each table's identity sequence past the largest of them, so that a row written
 * meanwhile without an id (a form, another instance) takes one beyond them — never lowered: `nextval` is
 * the floor. PostgreSQL only; nothing on SQLite (its next rowid follows the largest by itself).
 */
export async function reserveIds(db: Db, largest: ReadonlyMap<string, number>): Promise<void> {
  const link = pgLinkOf(db);
  if (!link) return;
  const identities = new Set(identityTables());
  for (const [name, max] of largest) {
    if (!identities.has(name)) continue;
    await link.runner.query(
      "select setval(pg_get_serial_sequence($1, 'id'), greatest(nextval(pg_get_serial_sequence($1, 'id')), $2))",
      [name, max],
      true,
    );
  }
}
