/**
 * 7. The CSV download of the city's hosts list (issue 25: one scoped statement streamed to the response),
 * as the city's administrator, through the code the portal's route runs (`openListCsv`), in a child process
 * (`packages/bench/src/child/list-csv.ts`) writing to a file: wall time, CPU time and peak resident memory.
 * The rows written are checked against the hosts the city operates today (the list's rows without filters).
 */
import { statSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { createUser } from "@liangxin/db/auth";
import { closeDb, openDb, selectOne, selectValue } from "@liangxin/db/driver";
import { hostOperating } from "@liangxin/db/queries";
import { clock } from "@liangxin/domain";
import { BENCH_DIR, BENCH_PASSWORD } from "../lib/dbs.ts";
import { assertOk, fmtInt, fmtMb, fmtMs, lastJson, log, runChild } from "../lib/util.ts";

export interface CsvResult {
  hosts: number;
  username: string;
  rows: number;
  /** Operating hosts of the city today: the rows the list has. */
  expectedRows: number;
  bytes: number;
  /** The child's own time, from opening the database to the last byte written. */
  ms: number;
  wallMs: number;
  cpuMs: number;
  maxRssKb: number;
}

/** The city's administrator (role admin bound to the city's top committee), created once. */
async function ensureCityAdmin(file: string): Promise<{ username: string; expectedRows: number }> {
  const username = "bench-city";
  const db = openDb(file);
  try {
    const city = await selectOne<{ code: string; name: string }>(
      db,
      sql`select code, name from orgs where parent_id is null and category = 'cityCommittee' order by id limit 1`,
    );
    if (!city) throw new Error(`no city committee in ${file}`);
    const existing = await selectValue<number>(db, sql`select id from users where username = ${username}`);
    if (existing === undefined)
      await createUser(db, {
        username,
        password: BENCH_PASSWORD,
        displayName: `基准测试 ${city.name}`,
        role: "admin",
        orgCode: city.code,
      });
    const expectedRows =
      (await selectValue<number>(
        db,
        sql`select count(*) from hosts h where ${hostOperating(clock.today(), "h")}`,
      )) ?? 0;
    return { username, expectedRows };
  } finally {
    closeDb(db);
  }
}

export async function measureCsv(big: { file: string; hosts: number }): Promise<CsvResult> {
  const { username, expectedRows } = await ensureCityAdmin(big.file);
  const out = path.join(BENCH_DIR, `hosts-${big.hosts}.csv`);
  log(`CSV of the hosts list of ${fmtInt(big.hosts)} hosts as ${username} (openListCsv, child process) …`);
  const r = await runChild(
    "list-csv.ts",
    ["--db", big.file, "--user", username, "--list", "hosts", "--out", out],
    {
      probeRss: true,
    },
  );
  assertOk("list-csv", r);
  const child = lastJson<{ ms: number; rows: number; bytes: number }>(r);
  const result: CsvResult = {
    hosts: big.hosts,
    username,
    rows: child.rows,
    expectedRows,
    bytes: statSync(out).size,
    ms: child.ms,
    wallMs: r.wallMs,
    cpuMs: r.cpuMs ?? NaN,
    maxRssKb: r.maxRssKb ?? NaN,
  };
  log(
    `  ${fmtInt(result.rows)} rows in ${fmtMs(result.wallMs)} (CPU ${fmtMs(result.cpuMs)}; ${fmtMs(result.ms)} from opening the database), peak RSS ${fmtMb(result.maxRssKb)}, ${Math.round(result.bytes / 1048576)} MB`,
  );
  return result;
}
