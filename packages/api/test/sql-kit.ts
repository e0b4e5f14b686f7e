/**
 * The tests' own statements, on either engine the suites run on (issue 24): `LIANGXIN_TEST_ENGINE=pglite`
 * runs the files that support it on PostgreSQL (PGlite, in-process) instead of SQLite.
 *
 * A statement is written once, as SQLite text with `?` placeholders, and goes through the project's `Db`
 * (`selectRows`/`execute`): on PostgreSQL the driver translates it (`pgText`: placeholders, `like`, …) as it
 * does the program's own statements. So no test reaches better-sqlite3 directly; write portable SQL (a
 * subtree is `path like prefix || '%'`: paths are ids and slashes, so `like` matches what `glob` did).
 */
import { sql, type SQL } from "drizzle-orm";
import { execute, isPg, selectAll, selectColumn, selectRows, type Db } from "@liangxin/db/driver";

/** A parameter: what both engines bind (a Promise here is a missing `await`). */
export type Param = string | number | null;

export type Engine = "sqlite" | "pglite";

/** The engine of this run. */
export const ENGINE: Engine = process.env.LIANGXIN_TEST_ENGINE === "pglite" ? "pglite" : "sqlite";

/** SQLite text with `?` placeholders as a statement, its parameters bound (never spliced). */
export function statement(text: string, params: readonly Param[]): SQL {
  const parts = text.split("?");
  if (parts.length - 1 !== params.length)
    throw new Error(`${parts.length - 1} placeholders, ${params.length} parameters: ${text}`);
  const chunks: SQL[] = [sql.raw(parts[0]!)];
  params.forEach((p, i) => chunks.push(sql`${p}`, sql.raw(parts[i + 1]!)));
  return sql.join(chunks);
}

/** The first column of the first row; a missing row fails loudly rather than testing the wrong thing. */
export async function one<T = number>(db: Db, text: string, ...params: Param[]): Promise<T> {
  const rows = await selectRows<[T]>(db, statement(text, params));
  if (rows.length === 0) throw new Error(`fixture missing: ${text} ${JSON.stringify(params)}`);
  return rows[0]![0];
}

/** The first column of the first row, or undefined when there is no row. */
export async function first<T = number>(db: Db, text: string, ...params: Param[]): Promise<T | undefined> {
  const rows = await selectRows<[T]>(db, statement(text, params));
  return rows[0]?.[0];
}

/** The first row, as an object keyed by column name; a missing row fails loudly. */
export async function row<T>(db: Db, text: string, ...params: Param[]): Promise<T> {
  const rows = await selectAll<T>(db, statement(text, params));
  if (rows.length === 0) throw new Error(`fixture missing: ${text} ${JSON.stringify(params)}`);
  return rows[0]!;
}

/** Every row, as objects keyed by column name. */
export async function all<T>(db: Db, text: string, ...params: Param[]): Promise<T[]> {
  return selectAll<T>(db, statement(text, params));
}

/** The first column of every row. */
export async function column<T>(db: Db, text: string, ...params: Param[]): Promise<T[]> {
  return selectColumn<T>(db, statement(text, params));
}

/** Run a change; how many rows it changed. */
export async function run(db: Db, text: string, ...params: Param[]): Promise<number> {
  return (await execute(db, statement(text, params))).changes;
}

export { isPg };
