/**
 * The one place where a subtree becomes SQL. Every organization and region stores a materialized path of
 * ids (`/1/5/23/`); a subtree is every path that starts with its root's path. Paths hold only digits and
 * slashes, so the subtree of P is exactly the range [P, P || '~') of an indexed text column: the same
 * condition on SQLite and on PostgreSQL (with a C-collated column), and one the planner answers with an
 * index range. Nothing outside `scope/` writes a path condition (an ESLint rule holds that line).
 */
import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/** Greater than every character of a path. */
export const PATH_END = "~";

/** A range that contains no path (for a caller without an organization or a territory). */
export const NO_PATH = { from: PATH_END, to: PATH_END } as const;

export interface PathRange {
  from: string;
  to: string;
}

/** The range of the subtree rooted at `path`; the empty range when there is none. */
export function subtreeRange(path: string | null | undefined): PathRange {
  return path ? { from: path, to: path + PATH_END } : { ...NO_PATH };
}

/** SQL text: `column` lies in the range bound to the named parameters `@from` and `@to`. */
export function pathWithin(column: string, fromParam: string, toParam: string): string {
  return `(${column} >= @${fromParam} and ${column} < @${toParam})`;
}

/** SQL text: `column` lies in the subtree of the path held by `rootColumn` (a join between trees). */
export function pathUnder(column: string, rootColumn: string): string {
  return `(${column} >= ${rootColumn} and ${column} < ${rootColumn} || '${PATH_END}')`;
}

/** A drizzle predicate: `column` lies in `range`. */
export function pathInRange(column: AnyColumn, range: PathRange): SQL {
  return sql`(${column} >= ${range.from} and ${column} < ${range.to})`;
}

/** SQL: the path column named by `column` (text, e.g. `o.path`) lies in `range`. */
export function pathIn(column: string, range: PathRange): SQL {
  return sql`(${sql.raw(column)} >= ${range.from} and ${sql.raw(column)} < ${range.to})`;
}

/** Whether a path lies in the subtree rooted at `root` (the same rule in JavaScript). */
export function isUnder(path: string | null | undefined, root: string | null | undefined): boolean {
  return !!path && !!root && path.startsWith(root);
}
