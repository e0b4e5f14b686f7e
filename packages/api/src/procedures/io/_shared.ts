/** What several procedures of the import and export share: the right to full citizen IDs, file names, job files and worker processes. */
import { type Scope } from "@liangxin/db/scope";
import path from "node:path";
import { storageDir } from "@liangxin/db/paths";
import { mkdirSync } from "node:fs";
import { databaseFile, jobsQueued, queueJob, setJobWorkerArgs } from "@liangxin/db/queries";
import type { Db } from "@liangxin/db/driver";
import { clock } from "@liangxin/domain";
import { jobQueue, startJobProcess } from "../../job-queue.ts";

/** City and county administrators (a node with a territory at city or county level). */
export function mayExportFullIds(scope: Scope): boolean {
  return scope.role === "admin" && (scope.region?.level === "city" || scope.region?.level === "county");
}

export const ioFileNames = {
  template: "两新组织党建导入模板.xlsx",
  ledger: (scope: string, date: string) => `非公企业党建工作台账-${scope}-${date}.xlsx`,
  importFormat: (scope: string, date: string) => `台账数据(导入格式)-${scope}-${date}.xlsx`,
  errors: (name: string) => `导入错误报告-${name.replace(/\.xlsx$/i, "")}.xlsx`,
} as const;

/**
 * Where uploads and error reports (`imports`) and finished exports (`exports`) live: the storage directory
 * (`LIANGXIN_STORAGE_DIR`, shared by the instances of a deployment), else beside the database file.
 */
function jobsDir(dbFile: string, kind: "import" | "export"): string {
  const dir = path.join(storageDir(dbFile), `${kind}s`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The file a job's worker was started with: the uploaded workbook of an import, the export's workbook. */
export const jobFile = (dbFile: string, kind: "import" | "export", id: number) =>
  path.join(jobsDir(dbFile, kind), `${id}.xlsx`);

/**
 * Queue a job of the caller and have its worker run: `prepare` is handed the job's id and file (it writes
 * an upload there) and answers the worker's command-line arguments. On SQLite the worker is started here,
 * directly. On PostgreSQL the job goes through the queue (job-queue.ts): with a free worker on this
 * instance the job is claimed as it is inserted and its worker started here at once; otherwise it waits,
 * its arguments stored, until an instance with a free worker claims it. Either way a job becomes claimable
 * only once `prepare` is done, so no instance starts a worker before its file is written.
 */
export async function launchJob(
  db: Db,
  job: Parameters<typeof queueJob>[1],
  prepare: (id: number, file: string) => string[],
): Promise<number> {
  const dbFile = databaseFile(db);
  if (!jobsQueued(db)) {
    const id = await queueJob(db, job);
    startJobProcess(dbFile, prepare(id, jobFile(dbFile, job.kind, id)));
    return id;
  }
  const queue = jobQueue();
  const slot = queue?.reserve() ?? null;
  try {
    const id = await queueJob(db, job, slot ? { by: queue!.name, at: clock.nowIso() } : undefined);
    const args = prepare(id, jobFile(dbFile, job.kind, id));
    await setJobWorkerArgs(db, id, args);
    if (slot) slot.run(args);
    else queue?.poke();
    return id;
  } catch (e) {
    slot?.cancel();
    throw e;
  }
}
