/**
 * The fingerprint of the database state a plan is computed on. Applying compares it with the state of the
 * moment and refuses a plan made on another state (someone wrote meanwhile).
 */
import { sql } from "drizzle-orm";
import { isPg, selectOne, type Db } from "@liangxin/db/driver";
import { WRITE_ORDER } from "./write-order.ts";

/**
 * A cheap fingerprint of the database state: per table an import writes, its row count and the newest row
 * — SQLite's highest rowid; on PostgreSQL the highest `xmin`, the transaction that wrote a row version,
 * which also moves when a row is changed.
 */
export async function databaseFingerprint(db: Db): Promise<string> {
  const parts: string[] = [];
  const newest = isPg(db) ? sql.raw("cast(cast(xmin as text) as bigint)") : sql.raw("rowid");
  for (const t of WRITE_ORDER) {
    const r = (await selectOne<{ mx: number; n: number }>(
      db,
      sql`select coalesce(max(${newest}), 0) as mx, count(*) as n from ${sql.identifier(t)}`,
    ))!;
    parts.push(`${r.mx}:${r.n}`);
  }
  const audit = (await selectOne<{ mx: number }>(db, sql`select coalesce(max(id), 0) as mx from audit_log`))!;
  return [...parts, audit.mx].join(",");
}
