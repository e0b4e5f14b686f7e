/**
 * One schema, two dialects: every table of `schema.ts` exists on PostgreSQL with the same columns, keys,
 * defaults, indexes and references, in PostgreSQL's own types; the committed PostgreSQL migrations are
 * those drizzle-kit makes of it; they apply (on PGlite here, on Debian's PostgreSQL 15 in
 * `scripts/test-pg-server.mjs`); and the database itself refuses overlapping dated intervals.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getTableName, is, sql } from "drizzle-orm";
import { getTableConfig as pgConfig } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isExclusionViolation, openTestPglite, type PgliteDb } from "../src/driver/pg.ts";
import { pgMigrationsFolder, repoRoot } from "../src/paths.ts";
import * as sqlite from "../src/schema.ts";
import * as pgModule from "../src/schema-pg.ts";
import { pgKindOf, pgTables } from "../src/schema-pg.ts";

const sqliteTables = Object.entries(sqlite).filter(([, v]) => is(v, SQLiteTable)) as [string, SQLiteTable][];

const PG_TYPE: Record<ReturnType<typeof pgKindOf>, string> = {
  identity: "PgInteger",
  integer: "PgInteger",
  bigint: "PgBigInt53",
  text: "PgText",
  date: "PgDateString",
  boolean: "PgBoolean",
  json: "PgJson",
};

describe("the PostgreSQL schema is the SQLite schema", () => {
  it("has every table, exported by its key for drizzle-kit", () => {
    expect(sqliteTables.length).toBeGreaterThan(50);
    for (const [key, table] of sqliteTables) {
      expect(getTableName(pgTables[key]!), key).toBe(getTableName(table));
      expect((pgModule as Record<string, unknown>)[key], `${key} exported`).toBe(pgTables[key]);
    }
    expect(Object.keys(pgTables).sort()).toEqual(sqliteTables.map(([k]) => k).sort());
  });

  it("has the same columns, keys, defaults, indexes and references, in PostgreSQL's types", () => {
    for (const [key, table] of sqliteTables) {
      const s = sqliteConfig(table);
      const p = pgConfig(pgTables[key]!);
      expect(
        p.columns.map((c) => c.name),
        key,
      ).toEqual(s.columns.map((c) => c.name));
      for (const sc of s.columns) {
        const pc = p.columns.find((c) => c.name === sc.name)!;
        const where = `${key}.${sc.name}`;
        expect(pc.columnType, where).toBe(PG_TYPE[pgKindOf(sc.name, sc.columnType)]);
        expect(pc.notNull, where).toBe(sc.notNull);
        expect(pc.primary, where).toBe(sc.primary);
        expect(pc.hasDefault, where).toBe(sc.hasDefault);
        expect(pc.default, where).toEqual(sc.default);
        expect(pc.defaultFn, where).toBe(sc.defaultFn);
        expect(pc.enumValues, where).toEqual(sc.enumValues);
      }
      const indexes = (c: {
        indexes: { config: { name?: string; unique: boolean; columns: unknown[] } }[];
      }) =>
        c.indexes
          .map((i) => ({
            name: i.config.name,
            unique: i.config.unique,
            columns: i.config.columns.map((x) => (x as { name: string }).name),
          }))
          .sort((a, b) => String(a.name).localeCompare(String(b.name)));
      expect(indexes(p), key).toEqual(indexes(s));
      const refs = (
        fks: {
          getName(): string;
          reference(): {
            columns: { name: string }[];
            foreignTable: unknown;
            foreignColumns: { name: string }[];
          };
        }[],
      ) =>
        fks
          .map((f) => {
            const r = f.reference();
            return {
              name: f.getName(),
              columns: r.columns.map((c) => c.name),
              to: getTableName(r.foreignTable as SQLiteTable),
              foreign: r.foreignColumns.map((c) => c.name),
            };
          })
          .sort((a, b) => a.name.localeCompare(b.name));
      expect(refs(p.foreignKeys), key).toEqual(refs(s.foreignKeys));
      expect(
        p.primaryKeys.map((k) => k.columns.map((c) => c.name)),
        key,
      ).toEqual(s.primaryKeys.map((k) => k.columns.map((c) => c.name)));
    }
  });

  it("dates, booleans, JSON and money in 分 take PostgreSQL's own types", () => {
    expect(pgKindOf("startOn", "SQLiteText")).toBe("date");
    expect(pgKindOf("birthDate", "SQLiteText")).toBe("date");
    expect(pgKindOf("createdAt", "SQLiteText")).toBe("text");
    expect(pgKindOf("revenueFen", "SQLiteInteger")).toBe("bigint");
    expect(pgKindOf("mobile", "SQLiteBoolean")).toBe("boolean");
    expect(pgKindOf("figures", "SQLiteTextJson")).toBe("json");
  });

  it("has its committed migrations up to date: drizzle-kit finds nothing to generate", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "liangxin-pgmig-"));
    cpSync(pgMigrationsFolder(), path.join(dir, "drizzle-pg"), { recursive: true });
    const config = path.join(dir, "drizzle.config.mjs");
    writeFileSync(
      config,
      `export default ${JSON.stringify({
        dialect: "postgresql",
        schema: path.join(repoRoot(), "packages/db/src/schema-pg.ts"),
        out: "./drizzle-pg",
        casing: "snake_case",
      })};`,
    );
    try {
      const before = readdirSync(path.join(dir, "drizzle-pg")).sort();
      const out = execFileSync(
        process.execPath,
        [path.join(repoRoot(), "node_modules/drizzle-kit/bin.cjs"), "generate", "--config", config],
        { cwd: dir, encoding: "utf8", stdio: "pipe" },
      );
      expect(out).toContain("No schema changes");
      expect(readdirSync(path.join(dir, "drizzle-pg")).sort(), out).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("on PostgreSQL (PGlite)", () => {
  let db: PgliteDb;
  beforeAll(async () => {
    db = await openTestPglite();
  }, 60_000);
  afterAll(async () => {
    await db?.$client.close();
  });

  it("creates every table", async () => {
    const r = await db.execute<{ name: string }>(
      sql`select table_name as name from information_schema.tables where table_schema = 'public'`,
    );
    expect(r.rows.map((x) => x.name).sort()).toEqual(sqliteTables.map(([, t]) => getTableName(t)).sort());
  });

  it("refuses a second coverage of a host that overlaps the first, and takes one that follows it", async () => {
    const t = pgTables;
    const [region] = await db
      .insert(t.regions!)
      .values({ code: "330100", name: "测试市", level: "city", path: "/1/", depth: 0 })
      .returning();
    const orgRow = (code: string) => ({
      code,
      name: `组织${code}`,
      category: "branch",
      path: `/${code}/`,
      depth: 1,
      foundedOn: "2020-01-01",
    });
    const [a, b] = await db
      .insert(t.orgs!)
      .values([orgRow("A1"), orgRow("B1")])
      .returning();
    const [host] = await db
      .insert(t.hosts!)
      .values({
        creditCode: "91330100MA2H000001",
        name: "测试企业",
        kind: "enterprise",
        regionId: region!.id,
        foundedOn: "2019-05-01",
      })
      .returning();
    await db
      .insert(t.coverages!)
      .values({ hostId: host!.id, orgId: a!.id, startOn: "2024-01-01", endOn: "2025-01-01" });
    const overlapping = db
      .insert(t.coverages!)
      .values({ hostId: host!.id, orgId: b!.id, startOn: "2024-06-01", endOn: null });
    const error = await overlapping.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isExclusionViolation(error)).toBe(true);
    // Half-open: the next coverage may start on the day the first ends.
    await db
      .insert(t.coverages!)
      .values({ hostId: host!.id, orgId: b!.id, startOn: "2025-01-01", endOn: null });
    const dates = await db.execute<{ start_on: string }>(
      sql`select start_on from coverages where host_id = ${host!.id} order by start_on`,
    );
    expect(dates.rows.map((r) => r.start_on)).toEqual(["2024-01-01", "2025-01-01"]);
  });
});
