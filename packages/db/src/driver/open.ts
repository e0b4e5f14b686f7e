/**
 * Opening the database `DATABASE_URL` names, whichever engine: an SQLite file (which must exist) or a
 * PostgreSQL server (a pool). Neither migrates: migrating is a step of its own (`liangxin migrate`).
 */
import { databaseTarget } from "../paths.ts";
import { openDb, type Db } from "./client.ts";
import { openPgDb } from "./pg-db.ts";

/** The database of `env`'s DATABASE_URL, and which engine it is. */
export function openDatabase(env: NodeJS.ProcessEnv = process.env): {
  db: Db;
  engine: "sqlite" | "postgres";
} {
  const target = databaseTarget(env);
  if (target.engine === "postgres") return { db: openPgDb(target.url), engine: "postgres" };
  return { db: openDb(target.file), engine: "sqlite" };
}
