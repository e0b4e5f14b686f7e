/** The tables whose rows carry `created_at` (written from the one clock, not SQLite's own 'now'). */
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import * as schema from "./schema.ts";

const tables: SQLiteTable[] = [];
for (const t of Object.values(schema) as unknown[]) if (t instanceof SQLiteTable) tables.push(t);

export const STAMPED_TABLES: ReadonlySet<string> = new Set(
  tables
    .map((t) => getTableConfig(t))
    .filter((c) => c.columns.some((col) => col.name === "created_at" || col.name === "createdAt"))
    .map((c) => c.name),
);
