/**
 * PostgreSQL: the server a deployment of several portal instances shares (`DATABASE_URL=postgres://…`),
 * and PGlite (PostgreSQL in WebAssembly, in-process) for the tests. Both through drizzle, on the tables
 * of `schema-pg.ts` (the same description as SQLite's) and the migrations in `drizzle-pg/`.
 *
 * Migrating is a step (`liangxin migrate`), never part of a request; several instances may start at once,
 * so it runs under a session-level advisory lock on one connection: the second waits for the first and
 * then finds nothing left to do.
 */
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePgServer } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite, type PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePgliteDb } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { pgMigrationsFolder } from "../paths.ts";
import { BUMP_DATA_VERSION } from "./pg-db.ts";

/** The advisory lock key of migrations (any fixed 64-bit number: "liangxin" in ASCII, truncated). */
export const MIGRATION_LOCK = 0x6c69616e6778;

/** drizzle's own table of applied migrations, in the `drizzle` schema (as drizzle-kit creates it). */
const MIGRATIONS_TABLE = sql`drizzle.__drizzle_migrations`;

export type PgliteDb = PgliteDatabase & { $client: PGlite };

/**
 * Apply the committed PostgreSQL migrations to the server at `url` (idempotent), one migrating process at
 * a time: the advisory lock is held on the migrating connection until it is done. Returns how many
 * migrations it applied.
 */
export async function migratePg(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      const db = drizzlePg({ client, casing: "snake_case" });
      const before = await appliedCount(db);
      await migratePgServer(db, { migrationsFolder: pgMigrationsFolder() });
      const applied = (await appliedCount(db)) - before;
      // A migration may rewrite records: figures kept by a running instance are not to be trusted.
      if (applied > 0) await client.query(BUMP_DATA_VERSION);
      return applied;
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    await client.end();
  }
}

async function appliedCount(db: { execute: NodePgDatabase["execute"] }): Promise<number> {
  const exists = await db.execute<{ t: string | null }>(
    sql`select to_regclass('drizzle.__drizzle_migrations') as t`,
  );
  if (!exists.rows[0]?.t) return 0;
  const r = await db.execute<{ n: string }>(sql`select count(*) as n from ${MIGRATIONS_TABLE}`);
  return Number(r.rows[0]?.n ?? 0);
}

/** A fresh PGlite database in memory with btree_gist, migrated (tests; about 3 s). */
export async function openTestPglite(): Promise<PgliteDb> {
  const client = await PGlite.create({ extensions: { btree_gist } });
  const db = drizzlePglite({ client, casing: "snake_case" }) as PgliteDb;
  await migratePgliteDb(db, { migrationsFolder: pgMigrationsFolder() });
  return db;
}

export { isExclusionViolation } from "../dialect/sqlite.ts";
