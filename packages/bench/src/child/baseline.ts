/**
 * The baseline of the year-end report, in a fresh process: ONE SQL statement over the same database
 * file — per county, the hosts operating on the date and those of them with a coverage in force on it
 * (a correlated EXISTS on the indexed coverage table). Prints one JSON line with the time and the rows.
 *
 * On PostgreSQL (`--db postgres://…`) the same statement as that engine writes it (a sum of cases, not of
 * booleans; every selected column grouped).
 *
 *   node --import tsx baseline.ts --db FILE|URL --as-of 2025-12-31
 */
import { parseArgs } from "node:util";
import { closeDatabase, openDatabase, selectAll } from "@liangxin/db/driver";
import { baselineSql } from "../lib/baseline-sql.ts";

const { values } = parseArgs({ options: { db: { type: "string" }, "as-of": { type: "string" } } });
if (!values.db || !values["as-of"]) throw new Error("usage: --db FILE --as-of YYYY-MM-DD");

const t0 = performance.now();
const { db, engine } = openDatabase({ DATABASE_URL: values.db });
const raw = await selectAll<{ code: string; name: string; hosts: number | string; covered: number | string }>(
  db,
  baselineSql(values["as-of"], engine),
);
const ms = performance.now() - t0;
await closeDatabase(db);
// PostgreSQL answers count and sum as bigint text.
const rows = raw.map((r) => ({ ...r, hosts: Number(r.hosts), covered: Number(r.covered) }));
console.log(JSON.stringify({ ms, rows }));
