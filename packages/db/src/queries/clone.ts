/** A copy of a database in memory (tests: seed once, then give each mutating test its own copy). */
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { Db } from "../driver/client.ts";
import * as schema from "../schema.ts";

export function cloneDb(db: Db): Db {
  const sqlite = new Database(db.$client.serialize());
  sqlite.pragma("foreign_keys = ON");
  return drizzle({ client: sqlite, schema, casing: "snake_case" }) as Db;
}
