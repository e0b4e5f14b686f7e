import { backupDatabase, restoreDatabase } from "@liangxin/db/backup";
import { closeDb, openDb } from "@liangxin/db/driver";
import { pgBackup, pgRestore } from "@liangxin/db/pg-backup";
import { databaseTarget, resolveDatabasePath, shownDatabaseUrl } from "@liangxin/db/paths";
import { cliMessages as m } from "../messages.ts";
import { progressBar } from "../progress.ts";

/** `backup <file>`: an online, consistent copy; safe while the portal runs. */
export async function backupCommand(args: string[]): Promise<number> {
  const [file] = args;
  if (!file) {
    console.error(m.backupUsage);
    return 2;
  }
  const where = databaseTarget();
  if (where.engine === "postgres") {
    const r = await pgBackup(where.url, file);
    console.log(m.backedUp(r.file, r.bytes, r.ms));
    return 0;
  }
  const db = openDb(resolveDatabasePath());
  const bar = progressBar("备份数据库");
  try {
    const r = await backupDatabase(db, file, (done, total) => bar.update(done, total, "复制页面"));
    bar.stop();
    console.log(m.backedUp(r.file, r.bytes, r.ms));
    return 0;
  } finally {
    bar.stop();
    closeDb(db);
  }
}

/** `restore <file>`: checks integrity first and refuses a damaged file. Stop the portal first. */
export async function restoreCommand(args: string[]): Promise<number> {
  const [file] = args;
  if (!file) {
    console.error(m.restoreUsage);
    return 2;
  }
  const where = databaseTarget();
  if (where.engine === "postgres") {
    await pgRestore(file, where.url);
    console.log(m.restoredPg(file, shownDatabaseUrl(where.url)));
    return 0;
  }
  const target = resolveDatabasePath();
  const { previous } = await restoreDatabase(file, target);
  console.log(m.restored(file, target, previous));
  return 0;
}
