import { existsSync } from "node:fs";
import path from "node:path";

/**
 * The repository root: the nearest folder upwards from `start` (the working directory) holding `turbo.json`;
 * when there is none — the command line run from elsewhere, `node /srv/liangxin/apps/cli/bin/liangxin.mjs`
 * in a cron job's home — the nearest upwards from the script the process runs (`process.argv[1]`).
 */
export function repoRoot(start: string = process.cwd()): string {
  const script = process.argv[1];
  return (
    rootAbove(start) ??
    (script ? rootAbove(path.dirname(/*turbopackIgnore: true*/ script)) : null) ??
    path.resolve(/*turbopackIgnore: true*/ start)
  );
}

function rootAbove(start: string): string | null {
  let dir = path.resolve(/*turbopackIgnore: true*/ start);
  for (;;) {
    if (existsSync(path.join(/*turbopackIgnore: true*/ dir, "turbo.json"))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** Where the data lives: an SQLite file (the embedded default) or a PostgreSQL server. */
export type DatabaseTarget = { engine: "sqlite"; file: string } | { engine: "postgres"; url: string };

/** The schemes of a PostgreSQL server's URL. */
const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;
/** Any URL scheme (`name://`), which is neither a file path nor `file:`. */
const ANY_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/** A URL as shown in a message: its password hidden. */
export function shownDatabaseUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@/\s]*@/i, "$1***@");
}

/**
 * What `DATABASE_URL` chooses: a file path (relative to the repository root), `file:…` or `:memory:` is
 * SQLite; `postgres://…` / `postgresql://…` is PostgreSQL; any other URL is refused (it used to be taken
 * for a file path: `migrate` made an SQLite file in a folder named `postgres:`). Unset: `./data/liangxin.db`.
 */
export function databaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const raw = env.DATABASE_URL?.trim();
  if (raw && POSTGRES_URL.test(raw)) {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new Error(
        `DATABASE_URL“${shownDatabaseUrl(raw)}”不是有效的 PostgreSQL 地址(形如 postgres://用户:密码@主机:端口/库名)`,
      );
    }
    if (!parsed.hostname && !parsed.searchParams.get("host"))
      throw new Error(`DATABASE_URL“${shownDatabaseUrl(raw)}”缺少 PostgreSQL 服务器的主机名`);
    return { engine: "postgres", url: raw };
  }
  if (raw && raw !== ":memory:" && !raw.startsWith("file:") && ANY_URL.test(raw))
    throw new Error(
      `DATABASE_URL“${shownDatabaseUrl(raw)}”无效:须为 SQLite 数据库文件路径(或 file:…)、:memory:,或 postgres://… 的 PostgreSQL 地址`,
    );
  return { engine: "sqlite", file: sqliteFile(raw) };
}

function sqliteFile(raw: string | undefined): string {
  if (raw === ":memory:") return raw;
  const file = raw ? raw.replace(/^file:/, "") : "data/liangxin.db";
  return path.resolve(/*turbopackIgnore: true*/ repoRoot(), file);
}

/**
 * The database file: `DATABASE_URL` (a file path, relative to the repository root, or `:memory:`),
 * else `./data/liangxin.db` at the repository root. Portal and CLI resolve it the same way.
 */
export function resolveDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  const target = databaseTarget(env);
  if (target.engine !== "sqlite")
    throw new Error(
      `DATABASE_URL 指向 PostgreSQL(${shownDatabaseUrl(target.url)}),此处需要 SQLite 数据库文件,见 docs/configuration.md`,
    );
  return target.file;
}

/**
 * Where job files live (uploaded workbooks and error reports in `imports/`, finished exports in
 * `exports/`): `LIANGXIN_STORAGE_DIR` (relative to the repository root, or absolute) — a directory every
 * portal instance and worker can read and write when several share one database — else beside the SQLite
 * database file `dbFile` (the connection's), else `./data`.
 */
export function storageDir(dbFile: string, env: NodeJS.ProcessEnv = process.env): string {
  const root = repoRoot();
  const configured = env.LIANGXIN_STORAGE_DIR?.trim();
  if (configured) return path.resolve(/*turbopackIgnore: true*/ root, configured);
  if (dbFile !== ":memory:" && dbFile !== "") return path.dirname(dbFile);
  return path.join(/*turbopackIgnore: true*/ root, "data");
}

/** The committed drizzle-kit migrations (SQLite). */
export function migrationsFolder(): string {
  return path.join(/*turbopackIgnore: true*/ repoRoot(), "packages", "db", "drizzle");
}

/** The committed drizzle-kit migrations of PostgreSQL, generated from the same tables. */
export function pgMigrationsFolder(): string {
  return path.join(/*turbopackIgnore: true*/ repoRoot(), "packages", "db", "drizzle-pg");
}
