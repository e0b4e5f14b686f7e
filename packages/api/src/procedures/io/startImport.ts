import { z } from "zod";
import { TRPCError } from "@trpc/server";
import { checkSpreadsheetUpload } from "@liangxin/io";
import { writeFileSync } from "node:fs";
import { launchJob } from "./_shared.ts";
import { adminProcedure } from "../../trpc.ts";
import { apiMessages } from "../../messages.ts";

/** Check and save an uploaded workbook, then have its import run in another process. */
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
    const userId = ctx.scope.userId;
    const id = await launchJob(
      ctx.db,
      { kind: "import", userId, fileName: input.fileName, total: 100 },
      (jobId, file) => {
        writeFileSync(file, input.data);
        return ["import-job", "--job", String(jobId), "--file", file, "--user", String(userId)];
      },
    );
    return { id };
  });
