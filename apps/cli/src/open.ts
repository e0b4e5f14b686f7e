import { migrateDb, openDb, openPgDb, type Db } from "@liangxin/db/driver";
import { databaseTarget, resolveDatabasePath, shownDatabaseUrl } from "@liangxin/db/paths";
import { migratePg } from "@liangxin/db/pg";

/**
 * The database of DATABASE_URL, migrated: an SQLite file (created when missing) or a PostgreSQL server
 * (its migrations applied under the advisory lock, see `migratePg`).
 */
export async function openMigrated(): Promise<{ db: Db; file: string }> {
  const target = databaseTarget();
  if (target.engine === "postgres") {
    await migratePg(target.url);
    return { db: openPgDb(target.url), file: shownDatabaseUrl(target.url) };
  }
  const file = resolveDatabasePath();
  const db = openDb(file);
  migrateDb(db);
  return { db, file };
}
