/**
 * SQLite's online backup API and the file-level checks of a database file (better-sqlite3), for
 * backup.ts: what needs a connection of its own or the driver's backup call, and nothing else.
 */
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import type { Db } from "./client.ts";

/** Progress of a backup step: pages in all, pages still to copy. Returns how many pages the next step copies. */
export type BackupProgress = (info: { totalPages: number; remainingPages: number }) => number;

/**
 * Copy the live database of `db` into `file` with SQLite's backup API (other connections keep reading
 * and writing meanwhile). `progress` is called after every step and says how many pages the next copies.
 */
export async function backupConnection(db: Db, file: string, progress?: BackupProgress): Promise<void> {
  await db.$client.backup(file, progress ? { progress } : undefined);
}

/** Copy the database file `source` into `file` with the backup API, through a read-only connection. */
export async function copyDatabaseFile(source: string, file: string): Promise<void> {
  const conn = new Database(source, { readonly: true });
  try {
    await conn.backup(file);
  } finally {
    conn.close();
  }
}

/** Fold the write-ahead log of the database file into it (a TRUNCATE checkpoint), on a connection of its own. */
export function checkpointDatabaseFile(file: string): void {
  const conn = new Database(file);
  conn.pragma("wal_checkpoint(TRUNCATE)");
  conn.close();
}

/** A database file opened read-only for checking. */
export interface DatabaseFileCheck {
  /** The lines of SQLite's `integrity_check` (`["ok"]` for an intact file); throws on a file it cannot read. */
  integrityCheck(): string[];
  /** The names of the file's tables. */
  tableNames(): string[];
  close(): void;
}

/** Open an existing database file read-only; throws when it cannot be opened. */
export function openDatabaseFileCheck(file: string): DatabaseFileCheck {
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  return {
    integrityCheck: () =>
      (conn.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check),
    tableNames: () =>
      conn.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[],
    close: () => conn.close(),
  };
}

/**
 * Set the data version of the database file `file` beyond both `past` and its own (a restored copy: a
 * process may have kept figures of other records under the version the backup carries). Returns the
 * file's version before, or 0 when it has none (`file` missing: 0).
 */
export function moveDataVersionPast(file: string, past?: number): number {
  if (!existsSync(file)) return 0;
  const conn = new Database(file, { fileMustExist: true });
  try {
    const has = conn
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'data_version'")
      .get();
    if (!has) return 0;
    const own = Number(conn.prepare("select version from data_version where id = 1").pluck().get() ?? 0);
    if (past !== undefined)
      conn
        .prepare(
          `insert into data_version (id, version) values (1, @past + 1)
           on conflict (id) do update set version = max(data_version.version, @past) + 1`,
        )
        .run({ past });
    return own;
  } finally {
    conn.close();
  }
}
