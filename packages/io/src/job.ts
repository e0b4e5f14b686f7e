/**
 * An import run as a job: progress, errors and the summary go into the `jobs` row, so that a page can
 * poll it while the work runs in another process with its own database connection.
 */
import { writeFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { jobs, type Db } from "@liangxin/db";
import { applyImport, totalCounts, type ImportActor } from "./apply.ts";
import { writeErrorReport } from "./error-report.ts";
import { ioMessages as m } from "./messages.ts";
import { planImport } from "./plan.ts";
import { scopeErrors } from "./scope-check.ts";
import type { Scope } from "@liangxin/db";
import { readImport } from "./read.ts";
import type { ImportError } from "./tables.ts";

export interface ImportJobResult {
  ok: boolean;
  errors: ImportError[];
  summary: ReturnType<typeof totalCounts> | null;
}

/** At most this many errors are kept in the job row (the report file has them all). */
export const JOB_ERROR_LIMIT = 1000;

export async function runImportJob(
  db: Db,
  jobId: number,
  file: string,
  actor: ImportActor,
  opts: {
    dryRun?: boolean;
    today?: string;
    errorReportPath?: string;
    scope?: Pick<Scope, "org" | "region">;
  } = {},
): Promise<ImportJobResult> {
  let last = 0;
  const update = (fields: Partial<typeof jobs.$inferInsert>) =>
    db.update(jobs).set(fields).where(eq(jobs.id, jobId)).run();
  // Progress over the whole run: read 0–10 %, plan 10–30 %, write 30–100 %.
  const progress = (from: number, span: number) => (done: number, total: number, stage: string) => {
    const pct = Math.floor(from + (total > 0 ? (done / total) * span : span));
    const now = Date.now();
    if (pct === last && now - lastAt < 500) return;
    last = pct;
    lastAt = now;
    update({ done: pct, total: 100, stage });
  };
  let lastAt = 0;
  try {
    update({ state: "running", done: 0, total: 100, stage: m.stage.read });
    const parsed = await readImport(file);
    update({ done: 10, stage: m.stage.validate });
    const plan = planImport(db, parsed, {
      onProgress: progress(10, 20),
      ...(opts.today ? { today: opts.today } : {}),
    });
    if (opts.scope && plan.errors.length === 0) {
      for (const e of scopeErrors(db, plan, opts.scope)) plan.errors.push(e);
      if (plan.errors.length > 0) plan.changes = [];
    }
    if (plan.errors.length > 0) {
      const reportPath = opts.errorReportPath ?? `${file}.errors.xlsx`;
      writeFileSync(reportPath, await writeErrorReport(plan.errors));
      update({
        state: "failed",
        done: 100,
        stage: m.stage.done,
        errors: plan.errors.slice(0, JOB_ERROR_LIMIT),
        summary: { errorCount: plan.errors.length, rows: plan.rowCount },
        resultPath: reportPath,
        finishedAt: new Date().toISOString(),
      });
      return { ok: false, errors: plan.errors, summary: null };
    }
    const counts = opts.dryRun ? plan.counts : applyImport(db, plan, actor, progress(30, 70));
    const summary = totalCounts(counts);
    update({
      state: "succeeded",
      done: 100,
      stage: m.stage.done,
      summary: { ...summary, rows: plan.rowCount, tables: counts, dryRun: Boolean(opts.dryRun) },
      finishedAt: new Date().toISOString(),
    });
    return { ok: true, errors: [], summary };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    update({
      state: "failed",
      done: 100,
      stage: m.stage.done,
      errors: [{ sheet: "", row: null, column: "", value: "", reason }],
      finishedAt: new Date().toISOString(),
    });
    return { ok: false, errors: [{ sheet: "", row: null, column: "", value: "", reason }], summary: null };
  }
}
