import path from "node:path";
import { parseArgs } from "node:util";
import { loadScope, unsafeNodeScope } from "@liangxin/db/scope";
import { openMigrated } from "../open.ts";
import { clock } from "@liangxin/domain";
import { exportImportWorkbook, runExportJob, writeLedgerWorkbook } from "@liangxin/io";
import { progressBar } from "../progress.ts";
import { ioCliMessages as m } from "./io-messages.ts";

/** `export --format import|ledger --out FILE [--unit ORGCODE] [--as-of DATE]`. */
export async function exportCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      format: { type: "string" },
      out: { type: "string" },
      unit: { type: "string" },
      "as-of": { type: "string" },
    },
  });
  if (!values.out || !values.format) {
    console.error(m.exportUsage);
    return 2;
  }
  if (values.format !== "import" && values.format !== "ledger") {
    console.error(m.badFormat);
    return 2;
  }
  const { db } = await openMigrated();
  // The operator runs as the system: the node asked for, or the whole city.
  const scope = await unsafeNodeScope(db, values.unit);
  if (!scope) {
    console.error(m.unitNotFound(values.unit ?? ""));
    return 2;
  }
  const asOf = values["as-of"] ?? clock.today();
  const out = path.resolve(values.out);
  const started = performance.now();
  const bar = progressBar(m.progressExport);
  let rows: number;
  try {
    const onProgress = (d: number, t: number, s: string) => bar.update(d, t, s);
    rows =
      values.format === "import"
        ? (await exportImportWorkbook(db, scope, out, { today: asOf, onProgress })).rows
        : (await writeLedgerWorkbook(db, scope, out, { asOf, onProgress })).rows;
  } finally {
    bar.stop();
  }
  console.log(m.exported(out, rows, performance.now() - started));
  return 0;
}

/**
 * `export-job --job ID --user ID --format import|ledger --file PATH --today DATE`: the portal's export, run in
 * this separate process for the user's scope (loaded here from the user, as the portal loads it).
 */
export async function exportJobCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      job: { type: "string" },
      user: { type: "string" },
      format: { type: "string" },
      file: { type: "string" },
      today: { type: "string" },
    },
  });
  const format = values.format;
  if (!values.job || !values.user || !values.file || (format !== "import" && format !== "ledger")) {
    console.error(m.exportJobArgs);
    return 2;
  }
  const { db } = await openMigrated();
  const scope = await loadScope(db, Number(values.user));
  if (!scope) {
    console.error(m.userNotFound(values.user));
    return 2;
  }
  const res = await runExportJob(db, Number(values.job), values.file, {
    format,
    scope,
    today: values.today ?? clock.today(),
  });
  if (res.error) console.error(res.error);
  return res.ok ? 0 : 1;
}
