import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { AppError } from "@liangxin/domain";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";
import * as schema from "../schema.ts";
import { BUMP_DATA_VERSION } from "./pg-db.ts";
import { traceStatements } from "./trace.ts";
import { databaseTarget, migrationsFolder, resolveDatabasePath, shownDatabaseUrl } from "../paths.ts";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Open the embedded database with WAL, foreign keys and a busy timeout. */
export function openDb(file: string = resolveDatabasePath()): Db {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  traceStatements(sqlite);
  return drizzle({ client: sqlite, schema, casing: "snake_case" }) as Db;
}

export { isBusyError } from "../dialect/sqlite.ts";

/**
 * Apply the committed migrations (idempotent). Foreign keys are off while they run, as SQLite's own
 * procedure for rebuilding a table requires (a PRAGMA inside the migrations' transaction would do nothing),
 * and every reference is checked before they are back on: a migration that broke one fails here.
 */
export function migrateDb(db: Db): void {
  const sqlite = db.$client;
  sqlite.pragma("foreign_keys = OFF");
  try {
    const before = appliedMigrations(sqlite);
    migrate(db, { migrationsFolder: migrationsFolder() });
    // Nothing applied, nothing to check: the whole-database reference check reads every row (seconds at
    // city scale) and opening a database is part of every command.
    if (appliedMigrations(sqlite) === before) return;
    // A migration may rewrite records: figures kept by a running process are not to be trusted.
    sqlite.exec(BUMP_DATA_VERSION);
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

/** How many migrations the database has applied (0 before the first). */
function appliedMigrations(sqlite: Database.Database): number {
  const hasTable = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  return hasTable ? Number(sqlite.prepare("select count(*) from __drizzle_migrations").pluck().get()) : 0;
}

/** A fresh in-memory database built from the real migrations (tests). */
export function openTestDb(): Db {
  const db = openDb(":memory:");
  migrateDb(db);
  return db;
}

export const readinessMessages = {
  memory: "内存数据库(:memory:)没有迁移,不能用于门户",
  missing: "数据库文件不存在",
  unmigrated: "数据库尚未迁移(没有迁移记录)",
  behind: (n: number) => `数据库未迁移到最新版本(缺 ${n} 个迁移)`,
  ahead: "数据库由较新版本的程序迁移过,比本程序的结构新",
  unreadable: (why: string) => `无法读取数据库文件:${why}`,
  notReady: (reason: string) =>
    `数据库未就绪:${reason}。请系统管理员运行 npm run cli -- migrate(或 npm start)后再试`,
} as const;

export type DatabaseStatus =
  | { ready: true; file: string }
  | {
      ready: false;
      file: string;
      code: "memory" | "missing" | "unmigrated" | "behind" | "ahead" | "unreadable";
      reason: string;
    };

let committed: number[] | undefined;
/** The committed migrations' timestamps (drizzle's `folderMillis`), read once. */
function committedMigrations(): number[] {
  committed ??= readMigrationFiles({ migrationsFolder: migrationsFolder() }).map((f) => f.folderMillis);
  return committed;
}

/** Where an open database stands against the committed migrations (as drizzle's migrator decides). */
function migrationStatus(sqlite: Database.Database, file: string): DatabaseStatus {
  const m = readinessMessages;
  const hasTable = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  const lastApplied = hasTable
    ? (sqlite.prepare("select max(created_at) from __drizzle_migrations").pluck().get() as number | null)
    : null;
  if (lastApplied === null) return { ready: false, file, code: "unmigrated", reason: m.unmigrated };
  const times = committedMigrations();
  const missing = times.filter((t) => t > Number(lastApplied)).length;
  if (missing > 0) return { ready: false, file, code: "behind", reason: m.behind(missing) };
  if (Number(lastApplied) > Math.max(0, ...times))
    return { ready: false, file, code: "ahead", reason: m.ahead };
  return { ready: true, file };
}

/**
 * Whether the portal may serve this database: the file exists (it is never created here — better-sqlite3
 * would create a missing one), opens, and is migrated to the latest committed schema. Nothing is written.
 */
export function databaseStatus(file?: string): DatabaseStatus {
  if (file === undefined) {
    const target = databaseTarget();
    // PostgreSQL: migrated by `npm start`'s first step (`liangxin migrate`, under its advisory lock) before
    // any instance starts; a statement on a missing table fails on its own.
    if (target.engine === "postgres") return { ready: true, file: shownDatabaseUrl(target.url) };
    file = target.file;
  }
  const m = readinessMessages;
  if (file === ":memory:") return { ready: false, file, code: "memory", reason: m.memory };
  if (!existsSync(file)) return { ready: false, file, code: "missing", reason: m.missing };
  try {
    const sqlite = new Database(file, { fileMustExist: true });
    try {
      sqlite.pragma("busy_timeout = 5000");
      return migrationStatus(sqlite, file);
    } finally {
      sqlite.close();
    }
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ready: false, file, code: "unreadable", reason: m.unreadable(why) };
  }
}

/**
 * The portal was asked for data while its database is missing or not migrated: an AppError UNAVAILABLE
 * (the API answers SERVICE_UNAVAILABLE with this message), the status in its details.
 */
export function databaseNotReady(status: Extract<DatabaseStatus, { ready: false }>): AppError {
  return new AppError("UNAVAILABLE", readinessMessages.notReady(status.reason), { details: { status } });
}
