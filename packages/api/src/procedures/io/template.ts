import { writeImportTemplate } from "@liangxin/io";
import { adminProcedure } from "../../trpc.ts";
import { ioFileNames } from "./_shared.ts";

/** The import template (.xlsx). */
export const template = adminProcedure.query(async () => ({
  fileName: ioFileNames.template,
  bytes: await writeImportTemplate(),
}));
