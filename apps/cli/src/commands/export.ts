import path from "node:path";
import { parseArgs } from "node:util";
import { migrateDb, openDb, resolveDatabasePath } from "@liangxin/db";
import { exportImportWorkbook, writeLedgerWorkbook } from "@liangxin/io";
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
  const db = openDb(resolveDatabasePath());
  migrateDb(db);
  const org = (
    values.unit
      ? db.$client
          .prepare("select id, code, name, category, path, region_id as regionId from orgs where code = ?")
          .get(values.unit)
      : db.$client
          .prepare(
            "select id, code, name, category, path, region_id as regionId from orgs where parent_id is null order by id limit 1",
          )
          .get()
  ) as
    | { id: number; code: string; name: string; category: string; path: string; regionId: number | null }
    | undefined;
  if (!org) {
    console.error(m.unitNotFound(values.unit ?? ""));
    return 2;
  }
  const region =
    org.regionId === null
      ? null
      : ((db.$client
          .prepare("select id, code, name, level, path from regions where id = ?")
          .get(org.regionId) as
          { id: number; code: string; name: string; level: string; path: string } | undefined) ?? null);
  const scope = {
    org: { id: org.id, code: org.code, name: org.name, category: org.category, path: org.path },
    region,
  };
  const out = path.resolve(values.out);
  const started = performance.now();
  const bar = progressBar(m.progressExport);
  let rows: number;
  try {
    const onProgress = (d: number, t: number, s: string) => bar.update(d, t, s);
    rows =
      values.format === "import"
        ? (await exportImportWorkbook(db, scope, out, onProgress)).rows
        : (
            await writeLedgerWorkbook(db, scope, out, {
              ...(values["as-of"] ? { asOf: values["as-of"] } : {}),
              onProgress,
            })
          ).rows;
  } finally {
    bar.stop();
  }
  console.log(m.exported(out, rows, performance.now() - started));
  return 0;
}
