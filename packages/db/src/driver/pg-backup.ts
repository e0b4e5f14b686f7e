/**
 * Backups of a PostgreSQL database: PostgreSQL's own tools, as an operator would run them.
 * - `pgBackup`: `pg_dump --format=custom` (a consistent snapshot, safe while the portals run);
 * - `pgRestore`: the archive is read first (`pg_restore --list`) and a damaged one refused, then restored
 *   over the database in one transaction (`--clean --if-exists --single-transaction`): all or nothing.
 * The tools come from Debian's newest `/usr/lib/postgresql/<n>/bin`, else the PATH (pg_dump must be at
 * least the server's version). A password in the URL is passed in `PGPASSWORD`, never on the command line.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

/**
 * A PostgreSQL client tool (`pg_dump`, `pg_restore`): Debian's newest `/usr/lib/postgresql/<n>/bin`, else
 * the bare name, found on the PATH when it runs.
 */
export function pgTool(name: "pg_dump" | "pg_restore"): string {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => /^\d+$/.test(v) && existsSync(path.join(base, v, "bin", name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions.length > 0 ? path.join(base, versions[0]!, "bin", name) : name;
}

/** The URL without its password, and the password for `PGPASSWORD`. */
function connection(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return { url: u.toString(), env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } };
}

function failure(tool: string, e: unknown): Error {
  if ((e as { code?: string }).code === "ENOENT")
    return new Error(`找不到 PostgreSQL 的 ${tool}:请安装 postgresql-client(Debian)`);
  const stderr = (e as { stderr?: string }).stderr?.trim();
  return new Error(`${tool} 失败:${stderr || (e instanceof Error ? e.message : String(e))}`);
}

/** Dump the database at `url` into `file` (custom format). */
export async function pgBackup(
  url: string,
  file: string,
): Promise<{ file: string; bytes: number; ms: number }> {
  const started = performance.now();
  const c = connection(url);
  const target = path.resolve(file);
  mkdirSync(path.dirname(target), { recursive: true });
  try {
    await run(pgTool("pg_dump"), ["--format=custom", "--no-owner", "--file", target, c.url], { env: c.env });
  } catch (e) {
    throw failure("pg_dump", e);
  }
  return { file: target, bytes: statSync(target).size, ms: performance.now() - started };
}

/** Restore `file` (a `pgBackup` archive) over the database at `url`, all or nothing; refuses a damaged file. */
export async function pgRestore(file: string, url: string): Promise<{ ms: number }> {
  const started = performance.now();
  if (!existsSync(file)) throw new Error(`备份文件不存在:${file}`);
  const tool = pgTool("pg_restore");
  try {
    await run(tool, ["--list", file]);
  } catch {
    throw new Error(`备份文件 ${file} 不是完好的 PostgreSQL 备份(pg_restore 无法读取),未恢复`);
  }
  const c = connection(url);
  const before = await pgDataVersion(url);
  try {
    await run(
      tool,
      [
        "--clean",
        "--if-exists",
        "--single-transaction",
        "--no-owner",
        "--exit-on-error",
        "--dbname",
        c.url,
        file,
      ],
      { env: c.env },
    );
  } catch (e) {
    throw failure("pg_restore", e);
  }
  // The restored version may be one a running instance already keyed figures of other records by: past both.
  await pgDataVersion(url, before);
  return { ms: performance.now() - started };
}

/**
 * The data version of the database at `url` (0 without one); with `past`, first set it beyond both
 * `past` and its own (a restore).
 */
async function pgDataVersion(url: string, past?: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if ((await client.query("select to_regclass('data_version') as t")).rows[0]?.t == null) return 0;
    if (past !== undefined)
      await client.query(
        `insert into data_version (id, version) values (1, $1 + 1)
         on conflict (id) do update set version = greatest(data_version.version, $1) + 1`,
        [past],
      );
    const r = await client.query<{ version: number }>("select version from data_version where id = 1");
    return Number(r.rows[0]?.version ?? 0);
  } finally {
    await client.end();
  }
}
