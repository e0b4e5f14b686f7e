import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema.ts";
import { migrationsFolder, resolveDatabasePath } from "./paths.ts";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Open the embedded database with WAL, foreign keys and a busy timeout. */
export function openDb(file: string = resolveDatabasePath()): Db {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return drizzle({ client: sqlite, schema, casing: "snake_case" }) as Db;
}

/**
 * SQLite answered "database is locked" after the busy timeout: another connection (an import's single
 * write transaction, a backup's final step) held the write lock. Nothing of the statement was written.
 */
export function isBusyError(e: unknown): boolean {
  return e instanceof Error && "code" in e && typeof e.code === "string" && e.code.startsWith("SQLITE_BUSY");
}

/**
 * Apply the committed migrations (idempotent). Foreign keys are off while they run, as SQLite's own
 * procedure for rebuilding a table requires (a PRAGMA inside the migrations' transaction would do nothing),
 * and every reference is checked before they are back on: a migration that broke one fails here.
 */
export function migrateDb(db: Db): void {
  const sqlite = db.$client;
  sqlite.pragma("foreign_keys = OFF");
  try {
    migrate(db, { migrationsFolder: migrationsFolder() });
    const broken = sqlite.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[];
    if (broken.length > 0) {
      const first = broken[0]!;
      throw new Error(
        `数据库迁移后有 ${broken.length} 处外键引用失效(如 ${first.table} 第 ${first.rowid} 行引用的 ${first.parent} 不存在)`,
      );
    }
  } finally {
    sqlite.pragma("foreign_keys = ON");
  }
}

/** A fresh in-memory database built from the real migrations (tests). */
export function openTestDb(): Db {
  const db = openDb(":memory:");
  migrateDb(db);
  return db;
}

let shared: Db | undefined;
/** The process-wide database, opened and migrated on first use. */
export function getDb(): Db {
  if (!shared) {
    shared = openDb();
    migrateDb(shared);
  }
  return shared;
}
