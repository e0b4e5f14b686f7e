/**
 * applyImport: write a plan all or nothing, in one immediate transaction, every change audited. A plan
 * computed on another database state (someone wrote meanwhile) is refused: plan again.
 */
import { sql } from "drizzle-orm";
import { auditBatch } from "@liangxin/db/audit";
import { closeStalePlans } from "@liangxin/core/work";
import {
  insertNamedRows,
  prepareRun,
  rowsPerInsert,
  withPageCache,
  writeTransaction,
  type Db,
} from "@liangxin/db/driver";
import { STAMPED_TABLES } from "@liangxin/db/stamped";
import { clock } from "@liangxin/domain";
import { ioMessages as m } from "./messages.ts";
import { databaseFingerprint, WRITE_ORDER, type ImportPlan, type WriteTable } from "./plan/index.ts";
import type { Change, Counts, Value } from "./work.ts";

export interface ImportActor {
  userId: number | null;
  username: string | null;
  /** The organization whose scope the audit entries belong to. */
  scopeOrgId?: number | null;
}

export type ImportSummary = Record<WriteTable, Counts>;

export class ImportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportRefused";
  }
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const sqlValue = (v: Value): string | number | null => (typeof v === "boolean" ? (v ? 1 : 0) : v);

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

export function applyImport(
  db: Db,
  plan: ImportPlan,
  actor: ImportActor,
  onProgress?: (done: number, total: number, stage: string) => void,
): ImportSummary {
  if (plan.errors.length > 0) throw new ImportRefused(plan.errors[0]!.reason);
  // In write order, table by table, keeping the plan's order within a table (a stable bucket sort). Only
  // the tables of WRITE_ORDER get here: their names and the plan's field names are the program's.
  const buckets = new Map<string, Change[]>(WRITE_ORDER.map((t) => [t, []]));
  for (const c of plan.changes) buckets.get(c.table)!.push(c);
  const changes: Change[] = [];
  for (const list of buckets.values()) for (const c of list) changes.push(c);
  const total = changes.length;
  // Creates are queued while the table and its columns stay the same and written in multi-row inserts;
  // anything else (an update, another table or column set) writes the queue first, so the rows reach the
  // database in the plan's order.
  let queued: { table: string; cols: string[]; rows: (string | number | null)[][]; per: number } | null =
    null;
  const sameCols = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  const flushCreates = () => {
    if (!queued) return;
    insertNamedRows(db, queued.table, queued.cols.map(snake), queued.rows);
    queued = null;
  };
  // An update statement per table, columns and key, prepared once (a statement costs more to compile
  // than to run), with the values as placeholders: `set_<field>`, `key_<field>`, `id`.
  const updates = new Map<string, (values: Record<string, unknown>) => number>();
  const updateOf = (table: string, cols: string[], keys: string[] | null) => {
    const shape = `${table}|${cols.join(",")}|${keys?.join(",") ?? "id"}`;
    let run = updates.get(shape);
    if (!run) {
      const versioned =
        table === "orgs" || table === "hosts" || table === "members" || table === "instructors";
      const set = [
        ...cols.map((col) => sql`${sql.identifier(snake(col))} = ${sql.placeholder(`set_${col}`)}`),
        ...(versioned ? [sql`version = version + 1`] : []),
      ];
      const where = keys
        ? sql.join(
            keys.map((x) => sql`${sql.identifier(snake(x))} = ${sql.placeholder(`key_${x}`)}`),
            sql` and `,
          )
        : sql`id = ${sql.placeholder("id")}`;
      run = prepareRun(db, sql`update ${sql.identifier(table)} set ${sql.join(set, sql`, `)} where ${where}`);
      updates.set(shape, run);
    }
    return run;
  };
  // Created rows are stamped with the one clock (one instant for the whole import).
  const stamp = clock.nowIso();
  const write = (c: Change) => {
    const cols = Object.keys(c.after);
    if (c.op === "create") {
      if (STAMPED_TABLES.has(c.table) && !cols.includes("createdAt")) {
        c = { ...c, after: { ...c.after, createdAt: stamp } };
        cols.push("createdAt");
      }
      if (!queued || queued.table !== c.table || !sameCols(queued.cols, cols)) {
        flushCreates();
        queued = { table: c.table, cols, rows: [], per: rowsPerInsert(cols.length) };
      }
      queued.rows.push(cols.map((col) => sqlValue(c.after[col] ?? null)));
      if (queued.rows.length >= queued.per) flushCreates();
      return;
    }
    flushCreates();
    const keys = c.key ? Object.keys(c.key) : null;
    const values: Record<string, string | number | null> = {};
    for (const col of cols) values[`set_${col}`] = sqlValue(c.after[col] ?? null);
    if (keys) for (const x of keys) values[`key_${x}`] = sqlValue(c.key![x] ?? null);
    else values.id = c.id;
    updateOf(c.table, cols, keys)(values);
  };
  const run = () => {
    if (databaseFingerprint(db) !== plan.fingerprint) throw new ImportRefused(m.changedMeanwhile);
    // The audit rows of the whole import in multi-row inserts (a city's import audits a million changes).
    const audit = auditBatch(db);
    changes.forEach((c, i) => {
      write(c);
      audit.add({
        userId: actor.userId,
        username: actor.username,
        action: `import.${c.op}`,
        entity: c.table,
        entityId: c.key ? Object.values(c.key).join("|") : c.id,
        scopeOrgId: c.table === "orgs" ? c.id : (actor.scopeOrgId ?? null),
        before: c.before,
        after: c.after,
      });
      if (onProgress && (i % 500 === 0 || i === total - 1)) onProgress(i + 1, total, m.stage.write);
    });
    flushCreates();
    audit.flush();
    // Imported coverages and closed hosts end the hosts' establishment plans, in the same transaction.
    if (changes.some((c) => c.table === "coverages" || c.table === "hosts"))
      closeStalePlans(db, clock.today());
    audit.add({
      userId: actor.userId,
      username: actor.username,
      action: "import.run",
      entity: "import",
      scopeOrgId: actor.scopeOrgId ?? null,
      after: { rows: plan.rowCount, counts: plan.counts },
    });
    audit.flush();
  };
  // A city's import inserts millions of index entries: give SQLite a page cache to match (default 2 MB).
  withPageCache(db, 262_144, () => writeTransaction(db, run));
  return plan.counts;
}
