/**
 * `report --year Y --unit CODE --format json|xlsx [--out FILE]`: the year-end report of a management
 * node (by 组织代码), run as the system (the whole city). JSON goes to stdout unless --out is given; the
 * workbook needs --out (or is written to the default file name in the current directory).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { clock } from "@liangxin/domain";
import { buildReport, reportJson } from "@liangxin/core/reports";
import { closeDatabase, migrateDb, openDatabase } from "@liangxin/db/driver";
import { unsafeSystemScope } from "@liangxin/db/scope";
import { reportFileName, reportWorkbookBuffer } from "@liangxin/io";
import { cliMessages as m } from "../messages.ts";

export async function reportCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      year: { type: "string" },
      unit: { type: "string" },
      format: { type: "string", default: "json" },
      out: { type: "string" },
    },
  });
  const year = Number(values.year);
  if (!values.year || !Number.isInteger(year)) {
    console.error(m.reportNeedsYear);
    return 2;
  }
  if (!values.unit) {
    console.error(m.missingOption("unit"));
    return 2;
  }
  const format = values.format;
  if (format !== "json" && format !== "xlsx") {
    console.error(m.reportBadFormat);
    return 2;
  }
  // On PostgreSQL the database is migrated by `migrate` (under its lock); an SQLite file here, as before.
  const { db, engine } = openDatabase();
  if (engine === "sqlite") migrateDb(db);
  try {
    const view = await buildReport(
      { db, scope: await unsafeSystemScope(db), today: clock.today() },
      { nodeCode: values.unit, year },
    );
    if (format === "json") {
      const text = `${JSON.stringify(reportJson(view), null, 2)}\n`;
      if (values.out) {
        writeFileSync(values.out, text);
        console.error(m.reportWritten(path.resolve(values.out)));
      } else process.stdout.write(text);
      return 0;
    }
    const file = path.resolve(values.out ?? reportFileName(view));
    writeFileSync(file, await reportWorkbookBuffer(view));
    console.error(m.reportWritten(file));
    return 0;
  } finally {
    await closeDatabase(db);
  }
}
