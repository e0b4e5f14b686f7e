/**
 * applyImport: write a plan all or nothing, in one immediate transaction, every change audited. A plan
 * computed on another database state (someone wrote meanwhile) is refused: plan again.
 */
import { auditWriter, closeStalePlans, STAMPED_TABLES, type Db } from "@liangxin/db";
import { clock } from "@liangxin/domain";
import { ioMessages as m } from "./messages.ts";
import { databaseFingerprint, WRITE_ORDER, type ImportPlan, type WriteTable } from "./plan.ts";
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
  // In write order, table by table, keeping the plan's order within a table (a stable bucket sort).
  const buckets = new Map<string, Change[]>(WRITE_ORDER.map((t) => [t, []]));
  for (const c of plan.changes) buckets.get(c.table)!.push(c);
  const changes: Change[] = [];
  for (const list of buckets.values()) for (const c of list) changes.push(c);
  const total = changes.length;
  type Stmt = { run: (...params: (string | number | null)[]) => unknown };
  const statements = new Map<string, Stmt>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.$client.prepare(sql) as unknown as Stmt));
    return s;
  };
  // The insert of the previous create, reused while the table and its columns stay the same.
  let lastInsert: { table: string; cols: string[]; stmt: Stmt } | null = null;
  const sameCols = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  // Created rows are stamped with the one clock (one instant for the whole import).
  const stamp = clock.nowIso();
  const write = (c: Change) => {
    const cols = Object.keys(c.after);
    if (c.op === "create") {
      if (STAMPED_TABLES.has(c.table) && !cols.includes("createdAt")) {
        c = { ...c, after: { ...c.after, createdAt: stamp } };
        cols.push("createdAt");
      }
      if (!lastInsert || lastInsert.table !== c.table || !sameCols(lastInsert.cols, cols)) {
        const sql = `insert into ${c.table} (${cols.map(snake).join(", ")}) values (${cols.map(() => "?").join(", ")})`;
        lastInsert = { table: c.table, cols, stmt: prepared(sql) };
      }
      lastInsert.stmt.run(...cols.map((col) => sqlValue(c.after[col] ?? null)));
      return;
    }
    const versioned =
      c.table === "orgs" || c.table === "hosts" || c.table === "members" || c.table === "instructors";
    const set = [...cols.map((col) => `${snake(col)} = ?`), ...(versioned ? ["version = version + 1"] : [])];
    if (c.key) {
      const keys = Object.keys(c.key);
      const sql = `update ${c.table} set ${set.join(", ")} where ${keys.map((x) => `${snake(x)} = ?`).join(" and ")}`;
      prepared(sql).run(
        ...cols.map((col) => sqlValue(c.after[col] ?? null)),
        ...keys.map((x) => sqlValue(c.key![x] ?? null)),
      );
    } else {
      const sql = `update ${c.table} set ${set.join(", ")} where id = ?`;
      prepared(sql).run(...cols.map((col) => sqlValue(c.after[col] ?? null)), c.id);
    }
  };
  const run = () => {
    if (databaseFingerprint(db) !== plan.fingerprint) throw new ImportRefused(m.changedMeanwhile);
    // One prepared audit insert for the whole import (a city's import audits a million changes).
    const writeAudit = auditWriter(db);
    changes.forEach((c, i) => {
      write(c);
      writeAudit({
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
    // Imported coverages and closed hosts end the hosts' establishment plans, in the same transaction.
    if (changes.some((c) => c.table === "coverages" || c.table === "hosts"))
      closeStalePlans(db, clock.today());
    writeAudit({
      userId: actor.userId,
      username: actor.username,
      action: "import.run",
      entity: "import",
      scopeOrgId: actor.scopeOrgId ?? null,
      after: { rows: plan.rowCount, counts: plan.counts },
    });
  };
  // A city's import inserts millions of index entries: give SQLite a page cache to match (default 2 MB).
  const cacheSize = db.$client.pragma("cache_size", { simple: true }) as number;
  db.$client.pragma("cache_size = -262144");
  try {
    db.$client.transaction(run).immediate();
  } finally {
    db.$client.pragma(`cache_size = ${Number(cacheSize)}`);
  }
  return plan.counts;
}
