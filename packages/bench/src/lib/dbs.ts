/**
 * The scale databases of the bench, kept under /tmp/bench between runs: `city-<N>.db` is seeded with
 * `npm run cli -- seed --scale city --hosts N` (the real command, in a child process) and marked done
 * with `city-<N>.db.ok`; a file without its mark (an interrupted seed) is thrown away and seeded again.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { closeDb, openDb, selectAll, selectOne } from "@liangxin/db/driver";
import { countTables } from "@liangxin/seed/demo";
import { createUser } from "@liangxin/db/auth";
import { assertOk, fmtInt, fmtMs, log, runCli } from "./util.ts";
import { clock } from "@liangxin/domain";
import { startPgServer } from "../../../../scripts/pg-server.mjs";

export const BENCH_DIR = "/tmp/bench";
export const BENCH_PASSWORD = "Bench@2026";

export function removeDb(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal", ".ok"]) rmSync(`${file}${suffix}`, { force: true });
}

const migrated = new Set<string>();

/** The path of a seeded city of N hosts, seeding it first when needed. */
export async function scaleDb(hosts: number): Promise<string> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const file = path.join(BENCH_DIR, `city-${hosts}.db`);
  if (existsSync(file) && existsSync(`${file}.ok`)) {
    // Bring a kept database to the current schema (new indexes) before anything is timed on it.
    if (!migrated.has(file)) {
      const r = await runCli(["migrate"], { env: { DATABASE_URL: file } });
      assertOk("migrate", r);
      migrated.add(file);
      if (r.wallMs > 5000) log(`migrated ${file} to the current schema in ${fmtMs(r.wallMs)}`);
    }
    return file;
  }
  removeDb(file);
  log(`seeding a city of ${fmtInt(hosts)} hosts into ${file} (seed --scale city --hosts ${hosts}) …`);
  const r = await runCli(["seed", "--scale", "city", "--hosts", String(hosts)], {
    env: { DATABASE_URL: file },
    showProgress: true,
  });
  assertOk("seed --scale city", r);
  writeFileSync(`${file}.ok`, `${clock.nowIso()}\nseed ${Math.round(r.wallMs)} ms\n`);
  log(`seeded ${fmtInt(hosts)} hosts in ${fmtMs(r.wallMs)}`);
  return file;
}

/** How long the seed of a kept city took (written in its mark), or null when not recorded. */
export function seedMsOf(file: string): number | null {
  if (!existsSync(`${file}.ok`)) return null;
  const m = readFileSync(`${file}.ok`, "utf8").match(/seed (\d+) ms/);
  return m ? Number(m[1]) : null;
}

export interface CityInfo {
  cityCode: string;
  hosts: number;
}

export async function cityInfo(file: string): Promise<CityInfo> {
  const db = openDb(file);
  try {
    const city = await selectOne<{ code: string }>(
      db,
      sql`select code from orgs where parent_id is null and category = 'cityCommittee' order by id limit 1`,
    );
    const hosts = (await countTables(db, ["hosts"])).hosts ?? 0;
    return { cityCode: city?.code as string, hosts };
  } finally {
    closeDb(db);
  }
}

export interface Township {
  regionId: number;
  name: string;
  orgCode: string;
  hosts: number;
}

/** The townships with their committee and host count. */
async function townships(file: string): Promise<Township[]> {
  const db = openDb(file);
  try {
    return await selectAll<Township>(
      db,
      sql`select r.id as regionId, r.name as name, o.code as orgCode,
                 (select count(*) from hosts h where h.region_id = r.id) as hosts
          from regions r join orgs o on o.region_id = r.id and o.category = 'townshipCommittee'
          where r.level = 'township' and o.revoked_on is null
          order by r.id`,
    );
  } finally {
    closeDb(db);
  }
}

/** The township of median size; or, given a size, the township whose host count is nearest to it. */
export async function pickTownship(file: string, nearSize?: number): Promise<Township> {
  const all = await townships(file);
  if (all.length === 0) throw new Error(`no township committee in ${file}`);
  if (nearSize === undefined) {
    const sorted = [...all].sort((a, b) => a.hosts - b.hosts || a.regionId - b.regionId);
    return sorted[Math.floor(sorted.length / 2)]!;
  }
  return [...all].sort((a, b) => Math.abs(a.hosts - nearSize) - Math.abs(b.hosts - nearSize))[0]!;
}

/** A township administrator (role admin bound to the township committee), created once. */
export async function ensureTownshipAdmin(file: string, township: Township): Promise<string> {
  const username = `bench-${township.orgCode}`.toLowerCase();
  const db = openDb(file);
  try {
    const existing = await selectOne<{ id: number }>(
      db,
      sql`select id from users where username = ${username}`,
    );
    if (!existing) {
      await createUser(db, {
        username,
        password: BENCH_PASSWORD,
        displayName: `基准测试 ${township.name}`,
        role: "admin",
        orgCode: township.orgCode,
      });
    }
    return username;
  } finally {
    closeDb(db);
  }
}

/**
 * The city of `dbFile` copied into a PostgreSQL server of its own (`migrate`, then `copy --to`, as an
 * operator moves to PostgreSQL) for `fn`; the server is stopped and removed afterwards.
 */
export async function withCityOnPostgres<T>(
  dbFile: string,
  hosts: number,
  fn: (url: string, copyMs: number) => Promise<T>,
): Promise<T> {
  log("starting a PostgreSQL server of its own and copying the city into it (migrate, copy --to) …");
  const server = await startPgServer({ log: (m: string) => log(`  ${m}`) });
  try {
    assertOk("migrate (PostgreSQL)", await runCli(["migrate"], { env: { DATABASE_URL: server.url } }));
    const copied = await runCli(["copy", "--to", server.url], { env: { DATABASE_URL: dbFile } });
    assertOk("copy --to postgres", copied);
    log(`copied ${fmtInt(hosts)} hosts into PostgreSQL in ${fmtMs(copied.wallMs)}`);
    return await fn(server.url, copied.wallMs);
  } finally {
    server.stop();
  }
}
