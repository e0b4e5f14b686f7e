/**
 * Import and export of the ledger (admins). The import runs off the request thread: the upload is
 * checked (size, zip signature, declared uncompressed size), saved, and handed to a child process of the
 * command line (`import-job`) that opens its own database connection and updates the `jobs` row, which
 * the page polls. The ledger and import-format exports run the same way (`export-job`): the finished
 * workbook is kept beside the database for the user who asked, and fetched by its job id. Downloads return
 * bytes for the portal's route handlers, always within the scope.
 */
import { createTRPCRouter } from "../../trpc.ts";
import { template } from "./template.ts";
import { canExportFullIds } from "./canExportFullIds.ts";
import { startImport } from "./startImport.ts";
import { job } from "./job.ts";
import { startExport } from "./startExport.ts";
import { exportFile } from "./exportFile.ts";
import { errorReport } from "./errorReport.ts";

export const transferIoRouter = createTRPCRouter({
  template,
  canExportFullIds,
  startImport,
  job,
  startExport,
  exportFile,
  errorReport,
});
