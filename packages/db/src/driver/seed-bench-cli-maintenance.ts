/**
 * What the command line and the bench do to a connection itself rather than through a statement: close
 * it when a command is done, and ask the engine whether the file is intact.
 */
import type { Db } from "./client.ts";

/** Close the connection (a command or a bench step that opened its own). The `db` is unusable after. */
export function closeDb(db: Db): void {
  db.$client.close();
}

/**
 * SQLite's integrity check of the whole file: "ok" when intact, else the first problem it reports (as
 * `PRAGMA integrity_check` answers in its first row).
 */
export function integrityCheck(db: Db): string {
  return String(db.$client.pragma("integrity_check", { simple: true }));
}
