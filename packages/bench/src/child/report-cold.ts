/**
 * One cold computation of a year-end report, in a fresh process (the bench starts one per repetition):
 * open the database (`--db`: an SQLite file, migrated here, or a PostgreSQL URL already migrated), build the report as the command line's `report` does (as the system, the whole
 * city) and turn it into the JSON the command line prints. Prints one JSON line: the time and the
 * per-row host figures the bench compares with the baseline.
 *
 * With `--records` (after the timed part), also the size of the records a submission of that report
 * stores with its figures (issue 18: the ids behind each count, as `report_records` holds them).
 *
 *   node --import tsx report-cold.ts --db FILE --year 2025 --unit G369900 [--out report.json] [--records]
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { clock, encodeRowRecords } from "@liangxin/domain";
import { buildReport, ReportComputer, reportJson } from "@liangxin/core/reports";
import { closeDatabase, migrateDb, openDatabase } from "@liangxin/db/driver";
import { unsafeSystemScope } from "@liangxin/db/scope";

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    year: { type: "string" },
    unit: { type: "string" },
    out: { type: "string" },
    records: { type: "boolean" },
  },
});
if (!values.db || !values.year || !values.unit) throw new Error("usage: --db FILE --year Y --unit CODE");

const t0 = performance.now();
const { db, engine } = openDatabase({ DATABASE_URL: values.db });
if (engine === "sqlite") migrateDb(db);
const view = await buildReport(
  { db, scope: await unsafeSystemScope(db), today: clock.today() },
  { nodeCode: values.unit, year: Number(values.year) },
);
const json = reportJson(view);
const ms = performance.now() - t0;
let records: { bytes: number; rows: number; ids: number; ms: number } | undefined;
if (values.records) {
  const r0 = performance.now();
  const stored = await new ReportComputer(db).liveRecords(view.node.id, Number(values.year));
  const texts = stored.rows.map(encodeRowRecords);
  records = {
    bytes: texts.reduce((s, t) => s + Buffer.byteLength(t), 0),
    rows: texts.length,
    ids: stored.rows.reduce(
      (s, r) => s + r.hosts.ids.length + r.orgs.ids.length + r.members.ids.length + r.employed.ids.length,
      0,
    ),
    ms: performance.now() - r0,
  };
}
await closeDatabase(db);
if (values.out) writeFileSync(values.out, `${JSON.stringify(json, null, 2)}\n`);
console.log(
  JSON.stringify({
    ms,
    rows: json.rows.map((r) => ({ code: r.code, name: r.name, hosts: r.hosts, orgCovered: r.orgCovered })),
    total: { hosts: json.total.hosts, orgCovered: json.total.orgCovered },
    ...(records ? { records } : {}),
  }),
);
