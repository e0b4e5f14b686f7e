/**
 * The few pieces of SQL that differ between database engines, for SQLite (the embedded default). A second
 * dialect (PostgreSQL) supplies the same functions; nothing outside `driver/` and `dialect/` names an
 * engine's error codes or functions for these.
 */
import { sql, type SQL } from "drizzle-orm";

/**
 * A list of ids as a subquery, for `x in ${idList(ids)}`: one parameter however long the list (SQLite
 * binds at most 32,766 parameters), as a JSON array read by `json_each`.
 */
export function idList(ids: Iterable<number>): SQL {
  // The cast is a no-op on SQLite; on PostgreSQL, whose array elements come as text, it makes them ids.
  return sql`(select cast(value as integer) from json_each(${JSON.stringify([...ids])}))`;
}

/** A list of texts as a subquery, for `x in ${textList(codes)}`. */
export function textList(values: Iterable<string>): SQL {
  return sql`(select value from json_each(${JSON.stringify([...values])}))`;
}

/**
 * A fragment written once with named parameters (`@today`, `@orgFrom`) as a drizzle `SQL` value: each
 * `@name` becomes a bound parameter of `params[name]`. For the scope's conditions, which are composed as
 * text in one module and bound here; statements elsewhere are `sql` templates.
 */
export function named(text: string, params: Readonly<Record<string, unknown>>): SQL {
  const parts: SQL[] = [];
  let last = 0;
  for (const m of text.matchAll(/@([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const name = m[1]!;
    if (!(name in params)) throw new Error(`SQL 片段的参数 @${name} 没有值`);
    parts.push(sql.raw(text.slice(last, m.index)), sql`${params[name]}`);
    last = m.index + m[0].length;
  }
  parts.push(sql.raw(text.slice(last)));
  return sql.join(parts);
}

/** SQLite answered "database is locked" after the busy timeout (another connection held the write lock). */
export function isBusyError(e: unknown): boolean {
  return e instanceof Error && "code" in e && typeof e.code === "string" && e.code.startsWith("SQLITE_BUSY");
}

/** The codes of `e` and of its causes (drizzle wraps a driver's error as the cause of its own). */
function codes(e: unknown): string[] {
  const out: string[] = [];
  for (let x: unknown = e; x instanceof Error; x = (x as { cause?: unknown }).cause)
    if ("code" in x && typeof x.code === "string") out.push(x.code);
  return out;
}

/**
 * A unique-constraint violation (SQLite's, or PostgreSQL's 23505); with `column` (snake_case), only one of
 * the unique index on that column — a caller that turns it into "this code is taken" must not say so for
 * another key (an id taken by a row an import numbered was once refused as "统一社会信用代码已登记").
 * SQLite names it in the message ("UNIQUE constraint failed: hosts.credit_code"), PostgreSQL in the
 * detail ("Key (credit_code)=(…) already exists.").
 */
export function isUniqueViolation(e: unknown, column?: string): boolean {
  if (!codes(e).some((c) => c === "SQLITE_CONSTRAINT_UNIQUE" || c === "23505")) return false;
  if (column === undefined) return true;
  const sqlite = new RegExp(`^UNIQUE constraint failed: \\w+\\.${column}$`);
  for (let x: unknown = e; x instanceof Error; x = (x as { cause?: unknown }).cause) {
    if (sqlite.test(x.message)) return true;
    const detail = (x as { detail?: unknown }).detail;
    if (typeof detail === "string" && detail.startsWith(`Key (${column})=`)) return true;
  }
  return false;
}

/**
 * PostgreSQL refused a row by an exclusion constraint (23P01): two dated intervals that must not overlap
 * (a host's coverages, an organization's secretaries, a member's relationships) were written at once by two
 * requests, each checked before the other committed. SQLite serialises writes, so it never answers this.
 */
export function isExclusionViolation(e: unknown): boolean {
  return codes(e).includes("23P01");
}
