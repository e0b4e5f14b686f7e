/**
 * Moving up: a city's SQLite file copied into a migrated, empty PostgreSQL database, every row of every
 * table with its id (the audit log names ids), values turned into PostgreSQL's types as `schema-pg.ts`
 * maps them (0/1 → boolean, JSON text → json, ISO dates → date), in one transaction (all or nothing),
 * tables in the order of their references; then every identity sequence is set past the largest id, so
 * that the next row written on PostgreSQL takes a new id. The source is read in one read transaction: a
 * consistent state even while a portal still writes.
 */
import { getTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { getTableName, is } from "drizzle-orm";
import { SQLiteTable as SQLiteTableClass } from "drizzle-orm/sqlite-core";
import { CasingCache } from "drizzle-orm/casing";
import * as schema from "../schema.ts";
import { pgKindOf } from "../schema-pg.ts";
import type { Db } from "./client.ts";
import { closeDatabase } from "./connection.ts";
import { openPgDb, pgLinkOf } from "./pg-db.ts";

/** PostgreSQL binds at most 65,535 parameters to a statement. */
const MAX_PARAMS = 60_000;
const MAX_ROWS_PER_STATEMENT = 1_000;

export interface CopyTable {
  /** The table's name as stored. */
  name: string;
  rows: number;
}

export interface CopyProgress {
  table: string;
  /** Rows copied so far over all tables, and the total to copy. */
  done: number;
  total: number;
}

interface Plan {
  name: string;
  columns: { name: string; kind: ReturnType<typeof pgKindOf> }[];
  identity: boolean;
}

/** Stored names: the schema's keys in snake_case, as the connections' casing renders them. */
const casing = new CasingCache("snake_case");

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The tables of the schema, each after the tables it references (refused if references go round). */
export function copyOrder(): SQLiteTable[] {
  const tables = (Object.values(schema) as unknown[]).filter((v): v is SQLiteTable =>
    is(v, SQLiteTableClass),
  );
  const byName = new Map<string, SQLiteTable>(tables.map((t) => [getTableName(t), t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: SQLiteTable[] = [];
  const visit = (t: SQLiteTable) => {
    const name = getTableName(t);
    if (done.has(name)) return;
    if (visiting.has(name)) throw new Error(`表 ${name} 的外键构成环,无法排定复制顺序`);
    visiting.add(name);
    for (const fk of getTableConfig(t).foreignKeys) {
      const target = getTableName(fk.reference().foreignTable);
      if (target !== name) visit(byName.get(target)!);
    }
    visiting.delete(name);
    done.add(name);
    out.push(t);
  };
  for (const t of tables) visit(t);
  return out;
}

function planOf(table: SQLiteTable): Plan {
  const config = getTableConfig(table);
  return {
    name: config.name,
    columns: config.columns.map((c) => ({
      name: casing.getColumnCasing(c),
      kind: pgKindOf(c.name, c.columnType),
    })),
    identity: config.columns.some(
      (c) =>
        c.primary && (c as unknown as { config: { autoIncrement?: boolean } }).config.autoIncrement === true,
    ),
  };
}

function pgValue(value: unknown, kind: Plan["columns"][number]["kind"]): unknown {
  if (value === null || value === undefined) return null;
  if (kind === "boolean") return value === 1 || value === true;
  // JSON text as stored in SQLite: PostgreSQL keeps it as written (json).
  return value;
}

/**
 * Copy every row of the SQLite database `source` into the PostgreSQL database at `url`, which must be
 * migrated and hold no row in any of the schema's tables. Returns the rows copied per table.
 */
export async function copyToPostgres(
  source: Db,
  url: string,
  onProgress: (p: CopyProgress) => void = () => {},
): Promise<CopyTable[]> {
  const target = openPgDb(url, 1);
  try {
    return await copyInto(source, target, onProgress);
  } finally {
    await closeDatabase(target);
  }
}

/** `copyToPostgres` into an open PostgreSQL `Db` (the server's or PGlite's). */
export async function copyInto(
  source: Db,
  target: Db,
  onProgress: (p: CopyProgress) => void = () => {},
): Promise<CopyTable[]> {
  const link = pgLinkOf(target);
  if (!link) throw new Error("复制的目标必须是 PostgreSQL 数据库");
  const plans = copyOrder().map(planOf);
  const sqlite = source.$client;
  sqlite.exec("BEGIN");
  try {
    return await link.transaction(async (tx) => {
      const runner = pgLinkOf(tx)!.runner;
      const client = {
        query: async <R>(text: string, params: unknown[] = []) =>
          (await runner.query(text, params, false)) as { rows: R[] },
      };
      return copyRows(sqlite, client, plans, onProgress);
    }, "write");
  } finally {
    if (sqlite.inTransaction) sqlite.exec("COMMIT");
  }
}

async function copyRows(
  sqlite: Db["$client"],
  client: { query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }> },
  plans: Plan[],
  onProgress: (p: CopyProgress) => void,
): Promise<CopyTable[]> {
  {
    const counts = plans.map(
      (p) => (sqlite.prepare(`select count(*) as n from ${quote(p.name)}`).get() as { n: number }).n,
    );
    const total = counts.reduce((a, b) => a + b, 0);
    const missing = (
      await client.query<{ name: string }>(
        "select t.name from unnest($1::text[]) as t(name) where to_regclass(quote_ident(t.name)) is null",
        [plans.map((p) => p.name)],
      )
    ).rows.map((r) => r.name);
    if (missing.length > 0)
      throw new Error(
        `目标 PostgreSQL 数据库尚未迁移(缺表 ${missing.slice(0, 3).join("、")} 等):请先运行 migrate`,
      );
    // A migrated database holds its data version's one row (migrate moves it): not data of the city. It is
    // replaced by the source's, moved past the target's own so that no process keeps figures of either.
    const DATA_VERSION = "data_version";
    let targetVersion = 0;
    if (plans.some((p) => p.name === DATA_VERSION)) {
      const v = await client.query<{ version: number | string }>(
        `select max(version) as version from ${DATA_VERSION}`,
      );
      targetVersion = Number(v.rows[0]?.version ?? 0);
      await client.query(`delete from ${DATA_VERSION}`);
    }
    for (const p of plans) {
      const r = await client.query(`select exists (select 1 from ${quote(p.name)}) as any`);
      if ((r.rows[0] as { any: boolean }).any)
        throw new Error(`目标 PostgreSQL 数据库不是空的(表 ${p.name} 已有数据):复制只写入空数据库`);
    }
    let done = 0;
    const out: CopyTable[] = [];
    for (const [i, p] of plans.entries()) {
      onProgress({ table: p.name, done, total });
      const names = p.columns.map((c) => quote(c.name)).join(", ");
      const perStatement = Math.max(
        1,
        Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMS / p.columns.length)),
      );
      const select = sqlite
        .prepare(`select ${names} from ${quote(p.name)} order by ${p.identity ? "id" : "rowid"}`)
        .raw(true);
      let batch: unknown[] = [];
      let rows = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        const n = batch.length / p.columns.length;
        const tuples = Array.from(
          { length: n },
          (_, r) => `(${p.columns.map((_, c) => `$${r * p.columns.length + c + 1}`).join(", ")})`,
        );
        await client.query(`insert into ${quote(p.name)} (${names}) values ${tuples.join(", ")}`, batch);
        done += n;
        onProgress({ table: p.name, done, total });
        batch = [];
      };
      for (const row of select.iterate() as IterableIterator<unknown[]>) {
        for (let c = 0; c < p.columns.length; c++) batch.push(pgValue(row[c], p.columns[c]!.kind));
        rows++;
        if (batch.length >= perStatement * p.columns.length) await flush();
      }
      await flush();
      if (rows !== counts[i]) throw new Error(`表 ${p.name} 读到 ${rows} 行,应为 ${counts[i]} 行`);
      if (p.identity)
        await client.query(
          `select setval(pg_get_serial_sequence($1, 'id'), coalesce((select max(id) from ${quote(p.name)}), 0) + 1, false)`,
          [p.name],
        );
      out.push({ name: p.name, rows });
    }
    if (targetVersion > 0)
      await client.query(`update ${DATA_VERSION} set version = greatest(version, $1::bigint) + 1`, [
        targetVersion,
      ]);
    // Statistics for the planner at once (visible at commit): freshly filled tables have none until
    // autovacuum gets to them, and the report's statements are then planned for 200 rows where there are
    // 400,000 (docs/performance.md, PostgreSQL diagnosis: the members statement 3.2 s → 1.7 s).
    await client.query("analyze");
    onProgress({ table: "", done, total });
    return out;
  }
}
