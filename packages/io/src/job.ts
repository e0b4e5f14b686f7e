/**
 * An import run as a job: progress, errors and the summary go into the `jobs` row, so that a page can
 * poll it while the work runs in another process with its own database connection.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { trace } from "@opentelemetry/api";
import { and, eq, inArray } from "drizzle-orm";
import { jobs } from "@liangxin/db/schema";
import {
  advisoryLockFree,
  holdAdvisoryLock,
  inSpan,
  isPg,
  writeTransaction,
  type Db,
} from "@liangxin/db/driver";
import { applyImport, totalCounts, type ImportActor, type ImportSummary } from "./apply.ts";
import { writeErrorReport } from "./error-report.ts";
import { ioMessages as m } from "./messages.ts";
import { planImport, planImportFile, type ImportPlan } from "./plan/index.ts";
import { scopeGate } from "./scope-check.ts";
import { isCityNode } from "./scope.ts";
import type { Scope } from "@liangxin/db/scope";
import { readImport } from "./read.ts";
import type { ImportError } from "./tables.ts";
import { clock } from "@liangxin/domain";

export interface ImportJobResult {
  ok: boolean;
  errors: ImportError[];
  summary: ReturnType<typeof totalCounts> | null;
}

/** At most this many errors are kept in the job row (the report file has them all). */
export const JOB_ERROR_LIMIT = 1000;

/** The worker's pid, beside the uploaded file while the worker runs: lets a reader tell a dead worker. */
export const workerMarker = (file: string): string => `${file}.pid`;

/**
 * A queued job whose worker never started (no marker) is abandoned after this long — on PostgreSQL, this
 * long after an instance claimed it (a job waiting for a free worker is not abandoned).
 */
export const QUEUED_TIMEOUT_MS = 2 * 60 * 1000;

/**
 * Whether the worker with this pid still runs. Where /proc exists (Linux) the pid must still be an
 * `import-job` or `export-job` process, so that a pid reused after a reboot does not keep a dead job running.
 */
function workerAlive(pid: number): boolean {
  if (existsSync("/proc/self/cmdline")) {
    try {
      return /(import|export)-job/.test(readFileSync(`/proc/${pid}/cmdline`, "utf8"));
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The class of PostgreSQL advisory locks a job's worker holds while it runs (the object: the job's id). */
export const JOB_LOCK_CLASS = 0x4c58_4a42;

/**
 * Announce this process as job `jobId`'s worker until the returned release: a marker file with its pid
 * beside the job's file (SQLite: the portal and its workers share one machine) and, on PostgreSQL, the
 * job's advisory lock held on a connection of the worker's own — the server lets it go when the worker
 * dies, so any instance of a deployment, on any machine, tells a live worker from a dead one.
 */
export async function announceWorker(db: Db, jobId: number, file: string): Promise<() => Promise<void>> {
  const marker = workerMarker(file);
  writeFileSync(marker, String(process.pid));
  let release: (() => Promise<void>) | null = null;
  try {
    if (isPg(db)) release = await holdAdvisoryLock(db, JOB_LOCK_CLASS, jobId);
  } catch (e) {
    rmSync(marker, { force: true });
    throw e;
  }
  return async () => {
    rmSync(marker, { force: true });
    await release?.();
  };
}

/**
 * Whether the worker announced for a job (`announceWorker`) is gone, or none came in time. On PostgreSQL
 * (the queue any instance may run, see the portal's job queue) a job is:
 * - queued and unclaimed with its arguments set: waiting for a free worker, not abandoned however long;
 * - queued and claimed: gone when no worker holds its lock `QUEUED_TIMEOUT_MS` after the claim (the
 *   claiming instance died before its worker started, or the worker could not start);
 * - running: gone as soon as no worker holds its lock;
 * - queued without arguments (its upload was being stored): gone when no worker came in time, as on SQLite.
 */
async function workerGone(
  db: Db,
  row: { id: number; state: string; createdAt: string; claimedAt: string | null; workerArgs: unknown },
  file: string,
  now: number,
): Promise<boolean> {
  const since = (at: string) => now - Date.parse(at) > QUEUED_TIMEOUT_MS;
  if (isPg(db)) {
    let late: boolean;
    if (row.state === "running") late = true;
    else if (row.claimedAt !== null) late = since(row.claimedAt);
    else if (row.workerArgs !== null) return false;
    else late = since(row.createdAt);
    return late && (await advisoryLockFree(db, JOB_LOCK_CLASS, row.id));
  }
  const late = row.state === "running" || since(row.createdAt);
  const marker = workerMarker(file);
  if (existsSync(marker)) {
    const pid = Number(readFileSync(marker, "utf8"));
    return !(Number.isInteger(pid) && pid > 0 && workerAlive(pid));
  }
  // The worker writes its marker before it starts; a finished worker has already settled the job.
  return late;
}

/**
 * A job left `queued` or `running` by a worker that died (killed, crashed, machine restarted) would show
 * progress forever. The import writes all or nothing and marks the job succeeded in the same transaction,
 * so a job still running without a live worker wrote nothing: mark it failed with that message (an export
 * job likewise: its file counts only once the job says succeeded). Returns
 * whether it did. `file` is the uploaded workbook the worker was started with.
 */
export async function settleAbandonedJob(
  db: Db,
  jobId: number,
  file: string,
  now: number = clock.now().getTime(),
): Promise<boolean> {
  const [row] = await db
    .select({
      state: jobs.state,
      kind: jobs.kind,
      createdAt: jobs.createdAt,
      claimedAt: jobs.claimedAt,
      workerArgs: jobs.workerArgs,
    })
    .from(jobs)
    .where(eq(jobs.id, jobId))
    .limit(1);
  if (!row || (row.state !== "queued" && row.state !== "running")) return false;
  if (!(await workerGone(db, { id: jobId, ...row }, file, now))) return false;
  // An export writes its file before it marks the job succeeded: a dead export left no file to fetch.
  const reason = row.kind === "export" ? m.exportAbandoned : m.jobAbandoned;
  const changed = await db
    .update(jobs)
    .set({
      state: "failed",
      done: 100,
      stage: m.stage.done,
      errors: [{ sheet: "", row: null, column: "", value: "", reason }],
      finishedAt: new Date(now).toISOString(),
    })
    .where(and(eq(jobs.id, jobId), inArray(jobs.state, ["queued", "running"])))
    .returning({ id: jobs.id });
  return changed.length === 1;
}

export interface ImportJobOptions {
  dryRun?: boolean;
  today?: string;
  errorReportPath?: string;
  /** The caller's scope: below the city, scope first (scope-check.ts), then the rules on what is within. */
  scope?: Scope;
}

/** Run the import job `jobId` of `file` (one span, `job.import`, when tracing is on). */
export async function runImportJob(
  db: Db,
  jobId: number,
  file: string,
  actor: ImportActor,
  opts: ImportJobOptions = {},
): Promise<ImportJobResult> {
  const attributes = { "liangxin.job.id": jobId, "liangxin.job.dry_run": Boolean(opts.dryRun) };
  return inSpan("liangxin-io", "job.import", attributes, async () => {
    const res = await importJob(db, jobId, file, actor, opts);
    trace.getActiveSpan()?.setAttribute("liangxin.job.ok", res.ok);
    return res;
  });
}

async function importJob(
  db: Db,
  jobId: number,
  file: string,
  actor: ImportActor,
  opts: ImportJobOptions,
): Promise<ImportJobResult> {
  let last = 0;
  const update = async (fields: Partial<typeof jobs.$inferInsert>): Promise<void> => {
    await db.update(jobs).set(fields).where(eq(jobs.id, jobId));
  };
  // Progress over the whole run: read 0–10 %, plan 10–30 %, write 30–100 %.
  const progress = (from: number, span: number) => async (done: number, total: number, stage: string) => {
    const pct = Math.floor(from + (total > 0 ? (done / total) * span : span));
    const now = performance.now();
    if (pct === last && now - lastAt < 500) return;
    last = pct;
    lastAt = now;
    await update({ done: pct, total: 100, stage });
  };
  let lastAt = 0;
  const release = await announceWorker(db, jobId, file);
  try {
    await update({ state: "running", done: 0, total: 100, stage: m.stage.read });
    const planOpts = { onProgress: progress(10, 20), ...(opts.today ? { today: opts.today } : {}) };
    let plan: ImportPlan;
    let gate: { errors: ImportError[] } = { errors: [] };
    if (!opts.scope || (await isCityNode(db, opts.scope))) {
      // The whole city's: planned as it is read, table by table, never all the rows at once.
      plan = await planImportFile(db, file, { ...planOpts, onRead: progress(0, 10) });
    } else {
      // Below the city the scope is checked on every row first (scope-check.ts), then the rows are planned.
      const read = await readImport(file);
      await update({ done: 10, stage: m.stage.validate });
      const gated = await scopeGate(db, read, opts.scope, opts.today ?? clock.today());
      gate = gated;
      plan = await planImport(db, gated.parsed, planOpts);
    }
    if (gate.errors.length > 0) {
      plan.errors = [...gate.errors, ...plan.errors];
      plan.changes = [];
    }
    if (plan.errors.length > 0) {
      const reportPath = opts.errorReportPath ?? `${file}.errors.xlsx`;
      writeFileSync(reportPath, await writeErrorReport(plan.errors));
      await update({
        state: "failed",
        done: 100,
        stage: m.stage.done,
        errors: plan.errors.slice(0, JOB_ERROR_LIMIT),
        summary: { errorCount: plan.errors.length, rows: plan.rowCount },
        resultPath: reportPath,
        finishedAt: clock.nowIso(),
      });
      return { ok: false, errors: plan.errors, summary: null };
    }
    const succeed = (counts: ImportSummary) =>
      update({
        state: "succeeded",
        done: 100,
        stage: m.stage.done,
        summary: {
          ...totalCounts(counts),
          rows: plan.rowCount,
          tables: counts,
          dryRun: Boolean(opts.dryRun),
        },
        finishedAt: clock.nowIso(),
      });
    // The data and the job's success commit together: after a crash the job says exactly what is in.
    const counts = opts.dryRun
      ? plan.counts
      : await writeTransaction(db, async () => {
          const c = await applyImport(db, plan, actor, progress(30, 70));
          faultPause();
          await succeed(c);
          return c;
        });
    if (opts.dryRun) await succeed(counts);
    return { ok: true, errors: [], summary: totalCounts(counts) };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    await update({
      state: "failed",
      done: 100,
      stage: m.stage.done,
      errors: [{ sheet: "", row: null, column: "", value: "", reason }],
      finishedAt: clock.nowIso(),
    });
    return { ok: false, errors: [{ sheet: "", row: null, column: "", value: "", reason }], summary: null };
  } finally {
    await release();
  }
}

/**
 * Fault injection for the crash tests: with LIANGXIN_FAULT_IMPORT_PAUSE_MS set, the worker waits that long
 * with every row written and the transaction still open, so that a SIGKILL lands inside the write for
 * certain rather than by timing. Unset (always, outside tests) it does nothing.
 */
function faultPause(): void {
  const ms = Number(process.env.LIANGXIN_FAULT_IMPORT_PAUSE_MS ?? 0);
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
