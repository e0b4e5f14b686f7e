/** The audit log: every mutation writes one row (who, when, what, before, after) in its own transaction. */
import type { RunResult } from "better-sqlite3";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { clock } from "@liangxin/domain";
import { auditLog } from "./schema.ts";
import type * as schema from "./schema.ts";

/** The database or a transaction opened on it: both run the same synchronous queries. */
export type DbOrTx = BaseSQLiteDatabase<"sync", RunResult, typeof schema>;

export interface AuditEntry {
  /** The acting user; null for the system (seed, migration, command line without a user). */
  userId?: number | null;
  username?: string | null;
  /** What was done, e.g. `user.create`, `host.update`, `seed.demo`. */
  action: string;
  /** The kind of record, e.g. `user`, `host`, `org`. */
  entity: string;
  entityId?: string | number | null;
  /** The organization whose scope the entry belongs to. */
  scopeOrgId?: number | null;
  before?: unknown;
  after?: unknown;
}

/** Insert one audit row with `tx` (call it inside the transaction that makes the change). Returns its id. */
export function writeAudit(tx: DbOrTx, entry: AuditEntry): number {
  const row = tx
    .insert(auditLog)
    .values({
      userId: entry.userId ?? null,
      username: entry.username ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      scopeOrgId: entry.scopeOrgId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      at: clock.nowIso(),
    })
    .returning({ id: auditLog.id })
    .get();
  return row.id;
}

/**
 * A writer of many audit rows (a bulk import): the same row as `writeAudit`, through one prepared
 * statement instead of building a query per entry. Call it inside the transaction that makes the changes.
 */
export function auditWriter(db: {
  $client: { prepare(sql: string): { run(...params: unknown[]): RunResult } };
}) {
  const insert = db.$client.prepare(
    `insert into audit_log (user_id, username, action, entity, entity_id, scope_org_id, before, after, at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));
  return (entry: AuditEntry): number =>
    Number(
      insert.run(
        entry.userId ?? null,
        entry.username ?? null,
        entry.action,
        entry.entity,
        entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
        entry.scopeOrgId ?? null,
        json(entry.before),
        json(entry.after),
        clock.nowIso(),
      ).lastInsertRowid,
    );
}
