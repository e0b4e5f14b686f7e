import { z } from "zod";
import { TRPCError } from "@trpc/server";
import { databaseFile, queueJob } from "@liangxin/db/queries";
import { adminProcedure } from "../../trpc.ts";
import { apiMessages } from "../../messages.ts";
import { mayExportFullIds, ioFileNames, jobFile, startJobProcess } from "./_shared.ts";

/**
 * Start an export of the caller's scope as of today, in another process; returns the job at once. The
 * import format (full citizen IDs) is the city's and the counties' right, asked for with a confirmation;
 * the worker audits it with its row count when the file is done.
 */
export const startExport = adminProcedure
  .input(
    z.discriminatedUnion("format", [
      z.object({ format: z.literal("ledger") }),
      z.object({
        format: z.literal("import"),
        confirm: z.literal(true, { error: apiMessages.exportConfirm }),
      }),
    ]),
  )
  .mutation(async ({ ctx, input }) => {
    if (input.format === "import" && !mayExportFullIds(ctx.scope))
      throw new TRPCError({ code: "FORBIDDEN", message: apiMessages.exportFullIdsForbidden });
    const dbFile = databaseFile(ctx.db);
    const scopeName = ctx.scope.org?.name ?? "";
    const id = await queueJob(ctx.db, {
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
  });
