import { parseArgs } from "node:util";
import { copyToPostgres } from "@liangxin/db/copy";
import { closeDb, databaseStatus, openDb } from "@liangxin/db/driver";
import { databaseTarget, shownDatabaseUrl } from "@liangxin/db/paths";
import { cliMessages as m } from "../messages.ts";
import { progressBar } from "../progress.ts";

/**
 * `copy --to postgres://…`: moves the city of the SQLite file (DATABASE_URL) into a migrated, empty
 * PostgreSQL database, keeping every id (the audit names them) and setting the identity sequences past
 * them. Stop the portal first, or its writes after the copy began stay behind in the file.
 */
export async function copyCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { to: { type: "string" } } });
  const to = values.to?.trim();
  const target = to ? databaseTarget({ DATABASE_URL: to }) : undefined;
  if (!target || target.engine !== "postgres") {
    console.error(m.copyUsage);
    return 2;
  }
  const source = databaseTarget();
  if (source.engine !== "sqlite") {
    console.error(m.copyNeedsSqlite);
    return 2;
  }
  const status = databaseStatus(source.file);
  if (!status.ready) {
    console.error(m.copySourceNotReady(status.reason));
    return 1;
  }
  const db = openDb(source.file);
  const bar = progressBar("复制到 PostgreSQL");
  const started = performance.now();
  try {
    const tables = await copyToPostgres(db, target.url, (p) => bar.update(p.done, p.total, p.table));
    bar.stop();
    const rows = tables.reduce((a, t) => a + t.rows, 0);
    console.log(
      m.copied(source.file, shownDatabaseUrl(target.url), tables.length, rows, performance.now() - started),
    );
    return 0;
  } finally {
    bar.stop();
    closeDb(db);
  }
}
