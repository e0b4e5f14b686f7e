import { z } from "zod";
import { TRPCError } from "@trpc/server";
import { checkSpreadsheetUpload } from "@liangxin/io";
import { databaseFile, queueJob } from "@liangxin/db/queries";
import { writeFileSync } from "node:fs";
import { startJobProcess, jobFile } from "./_shared.ts";
import { adminProcedure } from "../../trpc.ts";
import { apiMessages } from "../../messages.ts";

/** Start the import process for a job; it outlives the request. */
function startImportProcess(jobId: number, file: string, userId: number, dbFile: string): void {
  startJobProcess(dbFile, ["import-job", "--job", String(jobId), "--file", file, "--user", String(userId)]);
}

/** Check and save an uploaded workbook, then start its import in another process. */
export const startImport = adminProcedure
  .input(
    z.object({
      fileName: z.string().min(1).max(200),
      data: z.custom<Uint8Array>((v) => v instanceof Uint8Array),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    if (!/\.xlsx$/i.test(input.fileName))
      throw new TRPCError({ code: "BAD_REQUEST", message: apiMessages.notSpreadsheet });
    const guard = checkSpreadsheetUpload(input.data);
    if (!guard.ok) throw new TRPCError({ code: "BAD_REQUEST", message: guard.reason });
    const dbFile = databaseFile(ctx.db);
    const id = await queueJob(ctx.db, {
      kind: "import",
      userId: ctx.scope.userId,
      fileName: input.fileName,
      total: 100,
    });
    const file = jobFile(dbFile, "import", id);
    writeFileSync(file, input.data);
    startImportProcess(id, file, ctx.scope.userId, dbFile);
    return { id };
  });
