import { ownJob } from "@liangxin/db/queries";
import { existsSync, readFileSync } from "node:fs";
import { TRPCError } from "@trpc/server";
import { adminProcedure } from "../../trpc.ts";
import { jobId } from "../../schemas/io.ts";
import { apiMessages } from "../../messages.ts";

/** The finished workbook of an export job of the caller. */
export const exportFile = adminProcedure.input(jobId).query(async ({ ctx, input }) => {
  const row = await ownJob(ctx, { id: input.id, kind: "export" });
  if (row?.state !== "succeeded" || !row.resultPath || !existsSync(row.resultPath))
    throw new TRPCError({ code: "NOT_FOUND", message: apiMessages.notFound });
  return {
    fileName: row.fileName ?? `${row.id}.xlsx`,
    bytes: new Uint8Array(readFileSync(row.resultPath)),
  };
});
