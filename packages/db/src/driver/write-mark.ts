/**
 * The write mark: a value that changes once anyone — this process, another portal process, the command
 * line, an import worker — has committed a write to the database, whatever it wrote. The data version
 * (data-version.ts) moves only with writes that change figures; a rendered page also shows accounts,
 * sessions and the signed-in user, so what keeps a whole page must be keyed by this mark instead.
 *
 * - SQLite: `PRAGMA data_version` of a connection of its own, which never writes: SQLite changes the value
 *   whenever another connection, in any process, has committed to the file since the last read. Reading
 *   it costs microseconds and no I/O when nothing changed.
 * - PostgreSQL: the server's current snapshot (`pg_current_snapshot()`: the oldest transaction still
 *   running, the next transaction id, and the ids running). A transaction gets an id at its first write;
 *   the snapshot changes when one is given out and when one ends, so a commit by any instance changes it,
 *   and a write running on both sides of the reading (not committed, so not seen) does not. Reads get no id
 *   and leave it as it is. (The WAL position is no mark: reads move it too, setting hint bits and pruning.)
 *
 * A keeper of rendered output reads the mark before the output is computed and keeps it only if the mark is
 * still the same afterwards; it serves it again only while the mark is unchanged: no commit can have
 * happened between the computation's start and the moment it is served.
 */
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { closeDb } from "./connection.ts";
import { openPgDb } from "./pg-db.ts";
import { selectValue } from "./query.ts";
import { databaseTarget } from "../paths.ts";

export interface WriteMark {
  /** The mark now: equal to an earlier reading only if no write was committed in between. */
  read(): Promise<string>;
  close(): void;
}

/** The write mark of an SQLite file, through a read-only connection of its own. */
export function sqliteWriteMark(file: string): WriteMark {
  const client = new Database(file, { readonly: true, fileMustExist: true });
  const statement = client.prepare("PRAGMA data_version").pluck();
  return {
    read: async () => String(statement.get()),
    close: () => client.close(),
  };
}

/** The write mark of a PostgreSQL database, read through `db` (outside any transaction of its own). */
export function pgWriteMark(db: Db, close: () => void = () => {}): WriteMark {
  return {
    read: async () => String(await selectValue<string>(db, sql`select pg_current_snapshot()::text`)),
    close,
  };
}

/** The write mark of the database the environment names (DATABASE_URL), as the portal serves it. */
export function openWriteMark(env: NodeJS.ProcessEnv = process.env): WriteMark {
  const target = databaseTarget(env);
  if (target.engine === "postgres") {
    const db = openPgDb(target.url, 1);
    return pgWriteMark(db, () => closeDb(db));
  }
  return sqliteWriteMark(target.file);
}
