import { adminProcedure } from "../../trpc.ts";
import { mayExportFullIds } from "./_shared.ts";

/** Whether the caller may take the import-format export (full citizen IDs): city and county only. */
export const canExportFullIds = adminProcedure.query(({ ctx }) => mayExportFullIds(ctx.scope));
