import { existsSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { setFlagsFromString } from "node:v8";
import { loadScope } from "@liangxin/db/scope";
import type { Db } from "@liangxin/db/driver";
import { openMigrated } from "../open.ts";
import {
  applyImport,
  formatError,
  planImportFile,
  runImportJob,
  writeErrorReport,
  type ImportActor,
  type ImportSummary,
} from "@liangxin/io";
import { progressBar } from "../progress.ts";
import { ioCliMessages as m } from "./io-messages.ts";

const SHOWN_ERRORS = 50;

/**
 * An import's process keeps its heap near what is alive. The plan of a 100,000-host city holds about
 * 450 MB at most (measured with a full collection at each step), but V8's default heap growth let the
 * garbage of reading and writing pile up to 1.3–1.6 GB of RSS before a full collection ran. Growing the
 * heap by 20 % over the live objects after each full collection (the factor is read at each collection,
 * so setting it once the process runs works) keeps the peak near 0.83 GB; the more frequent full
 * collections cost CPU time (about +20–30 % in single runs under load: docs/performance.md, goal 8).
 * Only this process: the command runs alone or as a job's own child process.
 */
function boundHeapGrowth(): void {
  setFlagsFromString("--heap-growing-percent=20");
}

async function actorOf(db: Db, username: string | undefined): Promise<ImportActor | null> {
  if (!username) return { userId: null, username: "cli" };
  const u = await db.query.users.findFirst({
    columns: { id: true, username: true, orgId: true },
    where: (users, { eq }) => eq(users.username, username),
  });
  return u ? { userId: u.id, username: u.username, scopeOrgId: u.orgId } : null;
}

function printCounts(counts: ImportSummary): void {
  const h = m.countsHeader;
  console.table(
    Object.entries(counts).map(([table, c]) => ({
      [h.table]: table,
      [h.created]: c.created,
      [h.updated]: c.updated,
      [h.unchanged]: c.unchanged,
    })),
  );
}

/** `import <file.xlsx | folder> [--dry-run] [--errors FILE] [--user NAME]`: all or nothing. */
export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { "dry-run": { type: "boolean" }, errors: { type: "string" }, user: { type: "string" } },
  });
  const source = positionals[0];
  if (!source) {
    console.error(m.importUsage);
    return 2;
  }
  boundHeapGrowth();
  const input = path.resolve(source);
  if (!existsSync(input)) {
    console.error(m.notFound(input));
    return 2;
  }
  const { db } = await openMigrated();
  const actor = await actorOf(db, values.user);
  if (!actor) {
    console.error(m.userNotFound(values.user ?? ""));
    return 2;
  }
  const started = performance.now();
  const bar = progressBar(m.progressImport);
  let plan;
  try {
    bar.update(0, 3, "读取文件");
    // Planned as it is read, table by table: a city's million rows are never all held (planImportFile).
    plan = await planImportFile(db, input, {
      onRead: (d, t, s) => bar.update(d, t, s),
      onProgress: (d, t, s) => bar.update(d, t, s),
    });
    if (plan.errors.length === 0 && !values["dry-run"])
      await applyImport(db, plan, actor, (d, t, s) => bar.update(d, t, s));
  } finally {
    bar.stop();
  }
  if (plan.errors.length > 0) {
    console.error(m.errorsTitle(plan.errors.length));
    for (const e of plan.errors.slice(0, SHOWN_ERRORS)) console.error(`  ${formatError(e)}`);
    if (plan.errors.length > SHOWN_ERRORS) console.error(m.moreErrors(plan.errors.length - SHOWN_ERRORS));
    const base = statSync(input).isDirectory()
      ? input.replace(/[\\/]+$/, "")
      : input.replace(/\.[^.\\/]+$/, "");
    const reportFile = path.resolve(values.errors ?? `${base}.errors.xlsx`);
    writeFileSync(reportFile, await writeErrorReport(plan.errors));
    console.error(m.errorReport(reportFile));
    return 1;
  }
  console.log(values["dry-run"] ? m.dryRunOk : m.imported(performance.now() - started));
  printCounts(plan.counts);
  return 0;
}

/** `import-job --job ID --file PATH [--user ID]`: the portal's import, run in this separate process. */
export async function importJobCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { job: { type: "string" }, file: { type: "string" }, user: { type: "string" } },
  });
  if (!values.job || !values.file) {
    console.error(m.jobArgs);
    return 2;
  }
  boundHeapGrowth();
  const { db } = await openMigrated();
  const userId = values.user ? Number(values.user) : null;
  const u =
    userId === null
      ? undefined
      : await db.query.users.findFirst({
          columns: { username: true, orgId: true },
          where: (users, { eq }) => eq(users.id, userId),
        });
  const scope = userId === null ? null : await loadScope(db, userId);
  const res = await runImportJob(
    db,
    Number(values.job),
    values.file,
    { userId, username: u?.username ?? null, scopeOrgId: u?.orgId ?? null },
    scope ? { scope } : {},
  );
  return res.ok ? 0 : 1;
}
