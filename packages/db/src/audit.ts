/** The audit log: every mutation writes one row (who, when, what, before, after) in its own transaction. */
import type { RunResult } from "better-sqlite3";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { clock } from "@liangxin/domain";
import type { Db } from "./driver/client.ts";
import { insertNamedRows, rowsPerInsert } from "./driver/bulk.ts";
import { auditLog } from "./schema.ts";
import { bumpDataVersion, changesFigures } from "./data-version.ts";
import type * as schema from "./schema.ts";

/** The database or a transaction opened on it: both run the same queries (awaited). */
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

/**
 * Insert one audit row with `tx` (call it inside the transaction that makes the change). Returns its id.
 * An action that may change figures also moves the data version in that transaction (`data-version.ts`).
 */
export async function writeAudit(tx: DbOrTx, entry: AuditEntry): Promise<number> {
  const [row] = await tx
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
    .returning({ id: auditLog.id });
  if (changesFigures(entry)) await bumpDataVersion(tx as unknown as Db);
  return row!.id;
}

/**
 * A writer of audit rows one by one, each inserted at once (the same row as `writeAudit`); returns the
 * new row's id. For the many rows of a bulk import, `auditBatch` writes them in multi-row statements.
 */
export function auditWriter(tx: DbOrTx): (entry: AuditEntry) => Promise<number> {
  return (entry) => writeAudit(tx, entry);
}

const AUDIT_COLUMNS = [
  "user_id",
  "username",
  "action",
  "entity",
  "entity_id",
  "scope_org_id",
  "before",
  "after",
  "at",
] as const;

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

/** The columns of an audit row as the driver takes them (before and after as JSON text). */
function auditValues(entry: AuditEntry, at: string): (string | number | null)[] {
  return [
    entry.userId ?? null,
    entry.username ?? null,
    entry.action,
    entry.entity,
    entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    entry.scopeOrgId ?? null,
    json(entry.before),
    json(entry.after),
    at,
  ];
}

export interface AuditBatch {
  /** Queue one row (the same row as `writeAudit`, stamped now); full batches are written at once. */
  add(entry: AuditEntry): Promise<void>;
  /** Write the rows still queued. Await it before the transaction ends. */
  flush(): Promise<void>;
}

/**
 * A writer of many audit rows (a bulk import: a city's import audits a million changes): the same rows,
 * in order, as `writeAudit` would write one by one, inserted in multi-row statements. Use it inside the
 * transaction that makes the changes and await `flush()` before that transaction ends.
 */
export function auditBatch(db: Db): AuditBatch {
  const per = rowsPerInsert(AUDIT_COLUMNS.length);
  // The clock's instant as text, written once per millisecond (a city's import stamps a million rows).
  let lastMs = NaN;
  let lastIso = "";
  const nowIso = (): string => {
    const now = clock.now();
    const ms = now.getTime();
    if (ms !== lastMs) {
      lastMs = ms;
      lastIso = now.toISOString();
    }
    return lastIso;
  };
  let queued: (string | number | null)[][] = [];
  /** Whether a row queued may change figures. */
  let figures = false;
  const flush = async () => {
    if (queued.length === 0) return;
    const rows = queued;
    queued = [];
    // Once per statement of many rows (the batch may outlive one transaction): a few hundred for a city.
    await insertNamedRows(db, "audit_log", AUDIT_COLUMNS, rows);
    if (figures) await bumpDataVersion(db);
    figures = false;
  };
  return {
    async add(entry) {
      queued.push(auditValues(entry, nowIso()));
      figures ||= changesFigures(entry);
      if (queued.length >= per) await flush();
    },
    flush,
  };
}
