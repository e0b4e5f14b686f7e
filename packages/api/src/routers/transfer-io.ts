/**
 * Import and export of the ledger (admins). The import runs off the request thread: the upload is
 * checked (size, zip signature, declared uncompressed size), saved, and handed to a child process of the
 * command line (`import-job`) that opens its own database connection and updates the `jobs` row, which
 * the page polls. The ledger and import-format exports run the same way (`export-job`): the finished
 * workbook is kept beside the database for the user who asked, and fetched by its job id. Downloads return
 * bytes for the portal's route handlers, always within the scope.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { databaseFile, ownJob, ownJobIn, queueJob } from "@liangxin/db/queries";
import { repoRoot } from "@liangxin/db/paths";
import { type Scope } from "@liangxin/db/scope";
import {
  checkSpreadsheetUpload,
  settleAbandonedJob,
  writeImportTemplate,
  type ImportError,
} from "@liangxin/io";
import { apiMessages } from "../messages.ts";
import { adminProcedure, createTRPCRouter } from "../trpc.ts";
import { CLOCK_ENV, clock } from "@liangxin/domain";

/** City and county administrators (a node with a territory at city or county level). */
function mayExportFullIds(scope: Scope): boolean {
  return scope.role === "admin" && (scope.region?.level === "city" || scope.region?.level === "county");
}

export const ioFileNames = {
  template: "两新组织党建导入模板.xlsx",
  ledger: (scope: string, date: string) => `非公企业党建工作台账-${scope}-${date}.xlsx`,
  importFormat: (scope: string, date: string) => `台账数据(导入格式)-${scope}-${date}.xlsx`,
  errors: (name: string) => `导入错误报告-${name.replace(/\.xlsx$/i, "")}.xlsx`,
} as const;

/** Where uploads and error reports (`imports`) and finished exports (`exports`) live: beside the database file. */
function jobsDir(dbFile: string, kind: "import" | "export"): string {
  const dir = path.join(
    dbFile === ":memory:" || dbFile === "" ? path.join(repoRoot(), "data") : path.dirname(dbFile),
    `${kind}s`,
  );
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The file a job's worker was started with: the uploaded workbook of an import, the export's workbook. */
const jobFile = (dbFile: string, kind: "import" | "export", id: number) =>
  path.join(jobsDir(dbFile, kind), `${id}.xlsx`);

/** Start the import process for a job; it outlives the request. */
function startImportProcess(jobId: number, file: string, userId: number, dbFile: string): void {
  startJobProcess(dbFile, ["import-job", "--job", String(jobId), "--file", file, "--user", String(userId)]);
}

/** Start a job's process of the command line (`import-job`, `export-job`); it outlives the request. */
function startJobProcess(dbFile: string, args: string[]): void {
  const cli = path.join(repoRoot(), "apps", "cli", "bin", "liangxin.mjs");
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: repoRoot(),
    // A pinned clock carries on in the worker from where the portal's is now.
    env: {
      ...process.env,
      DATABASE_URL: dbFile,
      ...(clock.pinnedAt ? { [CLOCK_ENV]: clock.nowIso() } : {}),
    },
    stdio: "ignore",
    detached: true,
  });
  child.unref();
}

const jobId = z.object({ id: z.number().int().positive() });

export const transferIoRouter = createTRPCRouter({
  /** The import template (.xlsx). */
  template: adminProcedure.query(async () => ({
    fileName: ioFileNames.template,
    bytes: await writeImportTemplate(),
  })),

  /** Whether the caller may take the import-format export (full citizen IDs): city and county only. */
  canExportFullIds: adminProcedure.query(({ ctx }) => mayExportFullIds(ctx.scope)),

  /** Check and save an uploaded workbook, then start its import in another process. */
  startImport: adminProcedure
    .input(
      z.object({
        fileName: z.string().min(1).max(200),
        data: z.custom<Uint8Array>((v) => v instanceof Uint8Array),
      }),
    )
    .mutation(({ ctx, input }) => {
      if (!/\.xlsx$/i.test(input.fileName))
        throw new TRPCError({ code: "BAD_REQUEST", message: apiMessages.notSpreadsheet });
      const guard = checkSpreadsheetUpload(input.data);
      if (!guard.ok) throw new TRPCError({ code: "BAD_REQUEST", message: guard.reason });
      const dbFile = databaseFile(ctx.db);
      const id = queueJob(ctx.db, {
        kind: "import",
        userId: ctx.scope.userId,
        fileName: input.fileName,
        total: 100,
      });
      const file = jobFile(dbFile, "import", id);
      writeFileSync(file, input.data);
      startImportProcess(id, file, ctx.scope.userId, dbFile);
      return { id };
    }),

  /** A job of the caller: progress, errors (the first ones) and the summary. */
  job: adminProcedure.input(jobId).query(async ({ ctx, input }) => {
    let row = await ownJob(ctx, { id: input.id });
    if (!row) throw new TRPCError({ code: "NOT_FOUND", message: apiMessages.notFound });
    // A worker killed mid-import (crash, restart) leaves the job running: settle it as failed, in a write
    // transaction of its own (this query's connection only reads), and answer the settled row.
    if (row.state === "queued" || row.state === "running") {
      const { id, kind } = row;
      const file = jobFile(databaseFile(ctx.db), kind, id);
      const settled = await ctx.port.write((tx) =>
        settleAbandonedJob(tx, id, file) ? ownJobIn(tx, ctx.scope, input.id) : null,
      );
      if (settled) row = settled;
    }
    const errors = (row.errors ?? []) as ImportError[];
    return {
      id: row.id,
      fileName: row.fileName,
      state: row.state,
      done: row.done,
      total: row.total,
      stage: row.stage,
      errors: errors.slice(0, 200),
      errorCount: errors.length,
      summary: row.summary as Record<string, unknown> | null,
      hasReport: row.kind === "import" && row.resultPath !== null,
      /** An export's workbook is ready to fetch (`exportFile`). */
      hasFile: row.kind === "export" && row.state === "succeeded" && row.resultPath !== null,
    };
  }),

  /**
   * Start an export of the caller's scope as of today, in another process; returns the job at once. The
   * import format (full citizen IDs) is the city's and the counties' right, asked for with a confirmation;
   * the worker audits it with its row count when the file is done.
   */
  startExport: adminProcedure
    .input(
      z.discriminatedUnion("format", [
        z.object({ format: z.literal("ledger") }),
        z.object({
          format: z.literal("import"),
          confirm: z.literal(true, { error: apiMessages.exportConfirm }),
        }),
      ]),
    )
    .mutation(({ ctx, input }) => {
      if (input.format === "import" && !mayExportFullIds(ctx.scope))
        throw new TRPCError({ code: "FORBIDDEN", message: apiMessages.exportFullIdsForbidden });
      const dbFile = databaseFile(ctx.db);
      const scopeName = ctx.scope.org?.name ?? "";
      const id = queueJob(ctx.db, {
        kind: "export",
        userId: ctx.scope.userId,
        fileName:
          input.format === "import"
            ? ioFileNames.importFormat(scopeName, ctx.today)
            : ioFileNames.ledger(scopeName, ctx.today),
        summary: { format: input.format },
      });
      const file = jobFile(dbFile, "export", id);
      startJobProcess(dbFile, [
        "export-job",
        "--job",
        String(id),
        "--user",
        String(ctx.scope.userId),
        "--format",
        input.format,
        "--file",
        file,
        "--today",
        ctx.today,
      ]);
      return { id };
    }),

  /** The finished workbook of an export job of the caller. */
  exportFile: adminProcedure.input(jobId).query(async ({ ctx, input }) => {
    const row = await ownJob(ctx, { id: input.id, kind: "export" });
    if (row?.state !== "succeeded" || !row.resultPath || !existsSync(row.resultPath))
      throw new TRPCError({ code: "NOT_FOUND", message: apiMessages.notFound });
    return {
      fileName: row.fileName ?? `${row.id}.xlsx`,
      bytes: new Uint8Array(readFileSync(row.resultPath)),
    };
  }),

  /** The error report of a failed import of the caller. */
  errorReport: adminProcedure.input(jobId).query(async ({ ctx, input }) => {
    const row = await ownJob(ctx, { id: input.id, kind: "import" });
    if (!row?.resultPath || !existsSync(row.resultPath))
      throw new TRPCError({ code: "NOT_FOUND", message: apiMessages.notFound });
    return {
      fileName: ioFileNames.errors(row.fileName ?? String(row.id)),
      bytes: new Uint8Array(readFileSync(row.resultPath)),
    };
  }),
});
