/**
 * Migration 0011 (money as whole 分): a database of 0010 held 营业收入 and 联建共建 funds as REAL 万元,
 * and the owners' corrections carried `revenue` (万元) in their JSON. After the upgrade every amount is
 * the same figure in 分, exactly: the demo city's revenues and funds, and odd values a user may have typed.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { describe, expect, it } from "vitest";
import { migrateDb, openDb, openTestDb, type Db } from "@liangxin/db/driver";
import { migrationsFolder } from "@liangxin/db/paths";
import { COUNTED_TABLES, seedDemo } from "../src/demo.ts";

/** A migrations folder that ends with `lastTag` (the schema before the upgrade). */
function migrationsUpTo(lastTag: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "liangxin-mig-"));
  mkdirSync(path.join(dir, "meta"));
  const journal = JSON.parse(
    readFileSync(path.join(migrationsFolder(), "meta", "_journal.json"), "utf8"),
  ) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  expect(last).toBeGreaterThan(0);
  const entries = journal.entries.slice(0, last + 1);
  writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const e of entries)
    copyFileSync(path.join(migrationsFolder(), `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

const columnsOf = (db: Db, table: string) =>
  db.$client.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[];

const TABLES = [...COUNTED_TABLES, "pacts"];

/**
 * The demo city as a database of 0010 holds it: seeded by today's code, copied row by row into a database
 * migrated up to 0010, its amounts written back as the REAL 万元 they were then.
 */
async function demoBeforeMoney(): Promise<{
  old: Db;
  revenueFen: Map<string, number | null>;
  fundsFen: Map<number, number | null>;
}> {
  const current = openTestDb();
  await seedDemo(current);
  const old = openDb(":memory:");
  migrate(old, { migrationsFolder: migrationsUpTo("0010_report_signatures") });
  expect(columnsOf(old, "host_years")).toContain("revenue");
  old.$client.pragma("foreign_keys = OFF");
  for (const t of TABLES) {
    const theirs = new Set(columnsOf(old, t));
    // A table added by a later migration: not there yet (the upgrade creates it).
    if (theirs.size === 0) continue;
    const cols = columnsOf(current, t)
      .filter((c) => theirs.has(c))
      .map((c) => `"${c}"`);
    const insert = old.$client.prepare(
      `insert into ${t} (${cols.join(", ")}) values (${cols.map(() => "?").join(", ")})`,
    );
    for (const row of current.$client
      .prepare(`select ${cols.join(", ")} from ${t}`)
      .raw()
      .all())
      insert.run(...(row as unknown[]));
  }
  const revenueFen = new Map<string, number | null>();
  const setRevenue = old.$client.prepare("update host_years set revenue = ? where host_id = ? and year = ?");
  for (const y of current.$client
    .prepare("select host_id as hostId, year, revenue_fen as fen from host_years")
    .all() as { hostId: number; year: number; fen: number | null }[]) {
    revenueFen.set(`${y.hostId}:${y.year}`, y.fen);
    // What the REAL column held: the double nearest to the 万元.
    setRevenue.run(y.fen === null ? null : y.fen / 1_000_000, y.hostId, y.year);
  }
  const fundsFen = new Map<number, number | null>();
  const setFunds = old.$client.prepare("update pacts set funds = ? where id = ?");
  for (const p of current.$client.prepare("select id, funds_fen as fen from pacts").all() as {
    id: number;
    fen: number | null;
  }[]) {
    fundsFen.set(p.id, p.fen);
    setFunds.run(p.fen === null ? null : p.fen / 1_000_000, p.id);
  }
  old.$client.pragma("foreign_keys = ON");
  current.$client.close();
  return { old, revenueFen, fundsFen };
}

describe("migration 0011: money as whole 分", () => {
  it("keeps every revenue, fund and proposed revenue of an old database, exactly, in 分", async () => {
    const { old: db, revenueFen, fundsFen } = await demoBeforeMoney();
    const sqlite = db.$client;
    expect(revenueFen.size).toBeGreaterThan(100);
    expect([...revenueFen.values()].some((v) => v === null)).toBe(true);
    expect(fundsFen.size).toBeGreaterThan(0);

    // Values typed by hand, as the REAL column held them.
    const host = sqlite.prepare("select id from hosts order by id limit 1").pluck().get() as number;
    const owner = sqlite.prepare("select id from users order by id limit 1").pluck().get() as number;
    const odd: [number, number, number][] = [
      [1990, 19.365, 19_365_000], // 19.364999… as a double
      [1991, 500, 500_000_000],
      [1992, 499.99, 499_990_000],
      [1993, 0.1 + 0.2, 300_000], // a float sum: 0.30000000000000004
      [1994, 1234.56, 1_234_560_000],
      [1995, 123456789.12, 123_456_789_120_000],
      [1996, 0.0000004, 0], // finer than 分 (an old import): the nearest 分
    ];
    for (const [year, revenue] of odd)
      sqlite
        .prepare("insert into host_years (host_id, year, employees, revenue) values (?, ?, 10, ?)")
        .run(host, year, revenue);
    const addCorrection = sqlite.prepare(
      `insert into host_corrections (host_id, requested_by, payload, state, created_at)
       values (?, ?, ?, 'pending', '2026-12-01T08:00:00.000Z')`,
    );
    const withRevenue = addCorrection.run(
      host,
      owner,
      JSON.stringify({ year: 2026, employees: 9, revenue: 96.5, contactPhone: null, address: null }),
    ).lastInsertRowid;
    const withoutRevenue = addCorrection.run(
      host,
      owner,
      JSON.stringify({
        year: 2025,
        employees: 8,
        revenue: null,
        contactPhone: "13800000000",
        address: "某路1号",
      }),
    ).lastInsertRowid;

    migrateDb(db);

    expect(columnsOf(db, "host_years")).toContain("revenue_fen");
    expect(columnsOf(db, "host_years")).not.toContain("revenue");
    expect(columnsOf(db, "pacts")).toContain("funds_fen");
    expect(columnsOf(db, "pacts")).not.toContain("funds");
    const after = new Map(
      (
        sqlite.prepare("select host_id as hostId, year, revenue_fen as fen from host_years").all() as {
          hostId: number;
          year: number;
          fen: number | null;
        }[]
      ).map((y) => [`${y.hostId}:${y.year}`, y.fen]),
    );
    for (const [key, fen] of revenueFen) expect(after.get(key), key).toBe(fen);
    for (const [year, , fen] of odd) expect(after.get(`${host}:${year}`), String(year)).toBe(fen);
    expect(
      sqlite
        .prepare("select typeof(revenue_fen) from host_years where revenue_fen is not null group by 1")
        .pluck()
        .all(),
    ).toEqual(["integer"]);
    for (const [id, fen] of fundsFen)
      expect(sqlite.prepare("select funds_fen from pacts where id = ?").pluck().get(id)).toBe(fen);

    const payload = (id: number | bigint) =>
      JSON.parse(
        sqlite.prepare("select payload from host_corrections where id = ?").pluck().get(id) as string,
      ) as unknown;
    expect(payload(withRevenue)).toEqual({
      year: 2026,
      employees: 9,
      revenueFen: 96_500_000,
      contactPhone: null,
      address: null,
    });
    expect(payload(withoutRevenue)).toEqual({
      year: 2025,
      employees: 8,
      revenueFen: null,
      contactPhone: "13800000000",
      address: "某路1号",
    });
  });
});
