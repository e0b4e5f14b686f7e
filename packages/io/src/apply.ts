/**
 * applyImport: write a plan all or nothing, in one immediate transaction, every change audited. A plan
 * computed on another database state (someone wrote meanwhile) is refused: plan again.
 */
import { auditBatch } from "@liangxin/db/audit";
import { markAllFactsChanged } from "@liangxin/db/report-facts";
import { rowWriter, type RowWriter } from "@liangxin/core/writers";
import { sql } from "drizzle-orm";
import {
  execute,
  isPg,
  reserveIds,
  withPageCache,
  withTempStoreInMemory,
  writeTransaction,
  type Db,
} from "@liangxin/db/driver";
import { ioMessages as m } from "./messages.ts";
import { databaseFingerprint, WRITE_ORDER, type ImportPlan, type WriteTable } from "./plan/index.ts";
import type { Change, Counts } from "./work.ts";

/** More changes than this: the report's kept host parts are recounted for the whole city (report-facts.ts). */
const BULK_CHANGES = 5_000;

export interface ImportActor {
  userId: number | null;
  username: string | null;
  /** The organization whose scope the audit entries belong to. */
  scopeOrgId?: number | null;
}

/** PostgreSQL's advisory lock every import's write holds (one at a time per database). */
export const IMPORT_LOCK = 0x4c58_494d;

export type ImportSummary = Record<WriteTable, Counts>;

export class ImportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportRefused";
  }
}

/** Totals over every table. */
export function totalCounts(summary: ImportSummary): Counts {
  const out: Counts = { created: 0, updated: 0, unchanged: 0 };
  for (const c of Object.values(summary)) {
    out.created += c.created;
    out.updated += c.updated;
    out.unchanged += c.unchanged;
  }
  return out;
}

/**
 * The changes in WRITE_ORDER, table by table, keeping their order within a table (a stable bucket sort);
 * the plan's own array when it is in that order already (a plan's always is). The slots are emptied
 * as the changes are written.
 */
function inWriteOrder(changes: Change[]): (Change | undefined)[] {
  const rank = new Map<string, number>(WRITE_ORDER.map((t, i) => [t, i]));
  let sorted = true;
  for (let i = 1; i < changes.length && sorted; i++)
    sorted = rank.get(changes[i - 1]!.table)! <= rank.get(changes[i]!.table)!;
  if (sorted) return changes;
  const buckets = new Map<string, Change[]>(WRITE_ORDER.map((t) => [t, []]));
  for (const c of changes) buckets.get(c.table)!.push(c);
  const out: Change[] = [];
  for (const list of buckets.values()) for (const c of list) out.push(c);
  return out;
}

export async function applyImport(
  db: Db,
  plan: ImportPlan,
  actor: ImportActor,
  /** Told the progress; a returned Promise is awaited (a job writes it to its row). */
  onProgress?: (done: number, total: number, stage: string) => void | Promise<void>,
): Promise<ImportSummary> {
  if (plan.errors.length > 0) throw new ImportRefused(plan.errors[0]!.reason);
  // In write order, table by table, keeping the plan's order within a table. Only the tables of
  // WRITE_ORDER get here: their names and the plan's field names are the program's.
  const changes = inWriteOrder(plan.changes);
  // The plan's changes are consumed: each is let go once written, so that the rows a city's import
  // creates (a million) leave memory as they reach the database instead of all staying to the end.
  plan.changes = [];
  const total = changes.length;
  // Every row goes through the write model's writer, as the forms' rows do: created rows stamped with
  // the one clock and written in multi-row inserts, versions moving on, and what follows a row's write
  // (a coverage starting or a host closing ends its establishment plans) in the same transaction.
  const write = async (w: RowWriter, c: Change): Promise<void> => {
    if (c.op === "create") await w.create(c.table, c.after);
    else await w.update(c.table, c.key ? { key: c.key } : { id: c.id }, c.after);
  };
  const run = async () => {
    // On PostgreSQL imports of several instances (or the command line) take turns: SQLite's immediate
    // transaction serialises them already. Held until this transaction ends.
    if (isPg(db)) {
      await execute(db, sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
      // The plan numbered its new rows: a row created meanwhile without an id must not take one of them.
      const largest = new Map<string, number>();
      for (const c of changes)
        if (c && c.op === "create" && typeof c.id === "number" && c.id > (largest.get(c.table) ?? 0))
          largest.set(c.table, c.id);
      await reserveIds(db, largest);
    }
    if ((await databaseFingerprint(db)) !== plan.fingerprint) throw new ImportRefused(m.changedMeanwhile);
    // The report's kept host parts: recounted for the whole city once, when this transaction commits.
    if (changes.length > BULK_CHANGES) await markAllFactsChanged(db);
    // The audit rows of the whole import in multi-row inserts (a city's import audits a million changes).
    const audit = auditBatch(db);
    const writer = rowWriter(db);
    // One change after the other (one connection, in order): no Promise.all.
    for (let i = 0; i < total; i++) {
      const c = changes[i]!;
      changes[i] = undefined;
      await write(writer, c);
      await audit.add({
        userId: actor.userId,
        username: actor.username,
        action: `import.${c.op}`,
        entity: c.table,
        entityId: c.key ? Object.values(c.key).join("|") : c.id,
        scopeOrgId: c.table === "orgs" ? c.id : (actor.scopeOrgId ?? null),
        before: c.before,
        after: c.after,
      });
      if (onProgress && (i % 500 === 0 || i === total - 1)) await onProgress(i + 1, total, m.stage.write);
    }
    await writer.flush();
    await audit.flush();
    await audit.add({
      userId: actor.userId,
      username: actor.username,
      action: "import.run",
      entity: "import",
      scopeOrgId: actor.scopeOrgId ?? null,
      after: { rows: plan.rowCount, counts: plan.counts },
    });
    await audit.flush();
  };
  // A city's import inserts millions of index entries: give SQLite a larger page cache (default 2 MB) —
  // 64 MB, not more: the cache fills up over a city's import and counts in the process's memory. Its
  // multi-row inserts' statement journals are kept in memory instead of a temporary file.
  await withPageCache(db, 65_536, () => withTempStoreInMemory(db, () => writeTransaction(db, run)));
  return plan.counts;
}
