/**
 * The baseline of the year-end report, in a fresh process: ONE SQL statement over the same database
 * file — per county, the hosts operating on the date and those of them with a coverage in force on it
 * (a correlated EXISTS on the indexed coverage table). Prints one JSON line with the time and the rows.
 *
 *   node --import tsx baseline.ts --db FILE --as-of 2025-12-31
 */
import { parseArgs } from "node:util";
import { closeDb, openDb, selectAll } from "@liangxin/db/driver";
import { baselineSql } from "../lib/baseline-sql.ts";

const { values } = parseArgs({ options: { db: { type: "string" }, "as-of": { type: "string" } } });
if (!values.db || !values["as-of"]) throw new Error("usage: --db FILE --as-of YYYY-MM-DD");

const t0 = performance.now();
const db = openDb(values.db);
const rows = await selectAll<{ code: string; name: string; hosts: number; covered: number }>(
  db,
  baselineSql(values["as-of"]),
);
const ms = performance.now() - t0;
closeDb(db);
console.log(JSON.stringify({ ms, rows }));
