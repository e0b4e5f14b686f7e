/**
 * An export run as a job, on the import's machinery (job.ts): the `jobs` row holds the state, the progress
 * (rows written of the total) and, once done, the path of the finished workbook, so that a page can poll it
 * while the work runs in another process with its own database connection. The workbook is written for
 * the scope given by the same writers as the command line's `export` (`ledger.ts`, `export-import.ts`).
 */
import { rmSync } from "node:fs";
import { eq } from "drizzle-orm";
import { jobs } from "@liangxin/db/schema";
import { writeAudit } from "@liangxin/db/audit";
import { inSpan, writeTransaction, type Db } from "@liangxin/db/driver";
import { type Scope } from "@liangxin/db/scope";
import { clock } from "@liangxin/domain";
import { exportImportWorkbook } from "./export-import.ts";
import { announceWorker } from "./job.ts";
import { writeLedgerWorkbook } from "./ledger.ts";
import { ioMessages as m } from "./messages.ts";

export type ExportFormat = "ledger" | "import";

/** What an export job keeps in its summary: the format (for the page's wording) and, once done, the rows. */
export interface ExportJobSummary {
  format: ExportFormat;
  rows?: number;
}

export interface ExportJobResult {
  ok: boolean;
  rows: number;
  error?: string;
}

/**
 * Write the export of `format` for `scope` as of `today` into `file`, updating job `jobId` as it goes.
 * Progress: the ledger counts its rows (hosts) written of those in scope; the import format, its sheets.
 * The import format (full citizen IDs) is audited with its row count in the same transaction that marks
 * the job succeeded, so the file a user can fetch is always on the audit log. One span (`job.export`) when
 * tracing is on.
 */
export async function runExportJob(
  db: Db,
  jobId: number,
  file: string,
  opts: { format: ExportFormat; scope: Scope; today: string },
): Promise<ExportJobResult> {
  const attributes = { "liangxin.job.id": jobId, "liangxin.job.format": opts.format };
  return inSpan("liangxin-io", "job.export", attributes, () => exportJob(db, jobId, file, opts));
}

async function exportJob(
  db: Db,
  jobId: number,
  file: string,
  opts: { format: ExportFormat; scope: Scope; today: string },
): Promise<ExportJobResult> {
  const update = async (fields: Partial<typeof jobs.$inferInsert>): Promise<void> => {
    await db.update(jobs).set(fields).where(eq(jobs.id, jobId));
  };
  const onProgress = (done: number, total: number, stage: string) => update({ done, total, stage });
  const release = await announceWorker(db, jobId, file);
  try {
    await update({ state: "running", done: 0, total: 0, stage: m.stage.prepare });
    const rows =
      opts.format === "import"
        ? (await exportImportWorkbook(db, opts.scope, file, { today: opts.today, onProgress })).rows
        : (await writeLedgerWorkbook(db, opts.scope, file, { asOf: opts.today, onProgress })).rows;
    await writeTransaction(db, async () => {
      if (opts.format === "import")
        await writeAudit(db, {
          userId: opts.scope.userId,
          username: opts.scope.username,
          action: "export.importFormat",
          entity: "export",
          entityId: null,
          scopeOrgId: opts.scope.org?.id ?? null,
          before: null,
          after: { format: "import", rows, fullCitizenIds: true, asOf: opts.today, job: jobId },
        });
      await update({
        state: "succeeded",
        stage: m.stage.done,
        summary: { format: opts.format, rows } satisfies ExportJobSummary,
        resultPath: file,
        finishedAt: clock.nowIso(),
      });
    });
    return { ok: true, rows };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    rmSync(file, { force: true });
    await update({
      state: "failed",
      stage: m.stage.done,
      errors: [{ sheet: "", row: null, column: "", value: "", reason: m.exportFailed }],
      finishedAt: clock.nowIso(),
    });
    return { ok: false, rows: 0, error: reason };
  } finally {
    await release();
  }
}
