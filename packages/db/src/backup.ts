/**
 * Online, consistent backups (SQLite's backup API: readers and writers go on while it copies) and a
 * restore that checks the file before it replaces anything.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { Db } from "./driver/client.ts";
import {
  backupConnection,
  checkpointDatabaseFile,
  copyDatabaseFile,
  moveDataVersionPast,
  openDatabaseFileCheck,
  type DatabaseFileCheck,
} from "./driver/backup.ts";

export const backupMessages = {
  notFound: (f: string) => `备份文件不存在:${f}`,
  notDatabase: (f: string) => `文件不是有效的数据库:${f}`,
  damaged: (f: string, detail: string) => `备份文件已损坏,拒绝恢复:${f}(${detail})`,
  notLiangxin: (f: string) => `文件不是本系统的数据库(缺少必要的数据表):${f}`,
  sameFile: "备份文件与目标数据库是同一个文件",
} as const;

const REQUIRED_TABLES = ["regions", "orgs", "hosts", "members", "users", "__drizzle_migrations"];

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
  ms: number;
}

/** Copy the live database into `file` while other connections keep reading and writing. */
export async function backupDatabase(
  db: Db,
  file: string,
  onProgress?: (done: number, total: number) => void,
): Promise<BackupResult> {
  const started = performance.now();
  const target = path.resolve(file);
  const tmp = `${target}.partial`;
  // A nightly job names a dated file in a backup folder: the folder is made on the first night.
  mkdirSync(path.dirname(target), { recursive: true });
  rmSync(tmp, { force: true });
  let pages = 0;
  // All remaining pages in one step: a stepwise backup restarts whenever another connection writes,
  // and under a steady stream of edits would never finish. One step is one read transaction; in WAL
  // mode writers go on meanwhile.
  await backupConnection(db, tmp, ({ totalPages, remainingPages }) => {
    pages = totalPages;
    onProgress?.(totalPages - remainingPages, totalPages);
    return Math.max(remainingPages, 1);
  });
  checkDatabaseFile(tmp);
  renameSync(tmp, target);
  return { file: target, bytes: statSync(target).size, pages, ms: Math.round(performance.now() - started) };
}

/** Throws a Chinese error unless `file` is an intact Liangxin database. */
export function checkDatabaseFile(file: string): void {
  if (!existsSync(file)) throw new Error(backupMessages.notFound(file));
  let conn: DatabaseFileCheck;
  try {
    conn = openDatabaseFileCheck(file);
  } catch (error) {
    throw new Error(backupMessages.notDatabase(file), { cause: error });
  }
  try {
    let lines: string[];
    try {
      lines = conn.integrityCheck();
    } catch (error) {
      const msg = error instanceof Error ? error.message : String(error);
      if (/not a database|file is encrypted/i.test(msg))
        throw new Error(backupMessages.notDatabase(file), { cause: error });
      throw new Error(backupMessages.damaged(file, msg), { cause: error });
    }
    if (lines.length !== 1 || lines[0] !== "ok")
      throw new Error(backupMessages.damaged(file, lines.slice(0, 3).join(";")));
    const tables = new Set(conn.tableNames());
    if (!REQUIRED_TABLES.every((t) => tables.has(t))) throw new Error(backupMessages.notLiangxin(file));
  } finally {
    conn.close();
  }
}

/**
 * Replace the database at `target` with the backup `file`, after checking it. The portal must be
 * stopped while restoring. The previous database is kept beside it as `<target>.before-restore`.
 */
export async function restoreDatabase(file: string, target: string): Promise<{ previous: string | null }> {
  const source = path.resolve(file);
  const dest = path.resolve(target);
  if (source === dest) throw new Error(backupMessages.sameFile);
  checkDatabaseFile(source);
  const tmp = `${dest}.restoring`;
  rmSync(tmp, { force: true });
  await copyDatabaseFile(source, tmp);
  checkDatabaseFile(tmp);
  // Figures a process kept under the backup's data version are of other records: the version moves past
  // both the backup's and the replaced database's.
  moveDataVersionPast(tmp, moveDataVersionPast(dest));
  let previous: string | null = null;
  if (existsSync(dest)) {
    // Fold the live WAL into the old file before moving it aside.
    checkpointDatabaseFile(dest);
    previous = `${dest}.before-restore`;
    rmSync(previous, { force: true });
    renameSync(dest, previous);
  }
  for (const suffix of ["-wal", "-shm"]) rmSync(dest + suffix, { force: true });
  renameSync(tmp, dest);
  return { previous };
}
