import { ownJob } from "@liangxin/db/queries";
import { existsSync, readFileSync } from "node:fs";
import { TRPCError } from "@trpc/server";
import { adminProcedure } from "../../trpc.ts";
import { jobId } from "../../schemas/io.ts";
import { apiMessages } from "../../messages.ts";
import { ioFileNames } from "./_shared.ts";

/** The error report of a failed import of the caller. */
export const errorReport = adminProcedure.input(jobId).query(async ({ ctx, input }) => {
  const row = await ownJob(ctx, { id: input.id, kind: "import" });
  if (!row?.resultPath || !existsSync(row.resultPath))
    throw new TRPCError({ code: "NOT_FOUND", message: apiMessages.notFound });
  return {
    fileName: ioFileNames.errors(row.fileName ?? String(row.id)),
    bytes: new Uint8Array(readFileSync(row.resultPath)),
  };
});
