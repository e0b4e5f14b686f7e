/**
 * What the queries need of the connection itself rather than of a statement: which file it works on (the
 * worker processes open the same one) and a copy of the whole database in memory (tests). Both belong to
 * the engine (better-sqlite3 here), so they live in the driver.
 */
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "../schema.ts";
import type { Db } from "./client.ts";

/** The database file the connection works on; "" or ":memory:" for a database in memory. */
export function connectionFile(db: Db): string {
  return db.$client.name;
}

/** A copy of the whole database (as it stands now) in a new in-memory connection, with foreign keys on. */
export function copyInMemory(db: Db): Db {
  const sqlite = new Database(db.$client.serialize());
  sqlite.pragma("foreign_keys = ON");
  return drizzle({ client: sqlite, schema, casing: "snake_case" }) as Db;
}
