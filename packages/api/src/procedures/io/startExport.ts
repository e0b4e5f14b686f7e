import { z } from "zod";
import { TRPCError } from "@trpc/server";
import { adminProcedure } from "../../trpc.ts";
import { apiMessages } from "../../messages.ts";
import { mayExportFullIds, ioFileNames, launchJob } from "./_shared.ts";

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
    const scopeName = ctx.scope.org?.name ?? "";
    const userId = ctx.scope.userId;
    const id = await launchJob(
      ctx.db,
      {
        kind: "export",
        userId,
        fileName:
          input.format === "import"
            ? ioFileNames.importFormat(scopeName, ctx.today)
            : ioFileNames.ledger(scopeName, ctx.today),
        summary: { format: input.format },
      },
      (jobId, file) => [
        "export-job",
        "--job",
        String(jobId),
        "--user",
        String(userId),
        "--format",
        input.format,
        "--file",
        file,
        "--today",
        ctx.today,
      ],
    );
    return { id };
  });
