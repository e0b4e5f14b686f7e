import { ownJob, databaseFile, ownJobIn } from "@liangxin/db/queries";
import { TRPCError } from "@trpc/server";
import { settleAbandonedJob, type ImportError } from "@liangxin/io";
import { adminProcedure } from "../../trpc.ts";
import { jobId } from "../../schemas/io.ts";
import { apiMessages } from "../../messages.ts";
import { jobFile } from "./_shared.ts";

/** A job of the caller: progress, errors (the first ones) and the summary. */
export const job = adminProcedure.input(jobId).query(async ({ ctx, input }) => {
  let row = await ownJob(ctx, { id: input.id });
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: apiMessages.notFound });
  // A worker killed mid-import (crash, restart) leaves the job running: settle it as failed, in a write
  // transaction of its own (this query's connection only reads), and answer the settled row.
  if (row.state === "queued" || row.state === "running") {
    const { id, kind } = row;
    const file = jobFile(databaseFile(ctx.db), kind, id);
    const settled = await ctx.port.write(async (tx) =>
      (await settleAbandonedJob(tx, id, file)) ? ownJobIn(tx, ctx.scope, input.id) : null,
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
});
