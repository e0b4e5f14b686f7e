/**
 * The write model's row writer: the forms' commands and the import write the ledger's rows through it, so
 * what follows a row's write happens on both paths, in the writer's transaction:
 * - a coverage starting ends the host's open establishment plans (组建计划), dated its start;
 * - a host closing ends them, dated its closing day.
 * It also does what every write of these tables needs: `created_at` from the one clock, `version` moving
 * on (and, given the version the caller read, checked in the same statement: a stale save changes no row).
 *
 * New rows given by table name (`create`) are queued and written in multi-row inserts, in order; anything
 * else writes the queue first. The side effects run at `flush`, after the rows they follow, once per row.
 * Use it inside a write transaction; `withWriter` flushes before the transaction's work returns.
 */
import { getTableColumns, getTableName, sql } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { insertNamedRows, prepareRun, rowsPerInsert, selectColumn, type Db } from "@liangxin/db/driver";
import { STAMPED_TABLES } from "@liangxin/db/stamped";
import { CITY_TABLES } from "@liangxin/db/tables";
import { clock } from "@liangxin/domain";
import { onCoverageStarted, onHostClosed } from "../work/plans.ts";

export type CellValue = string | number | boolean | null;
export type RowValues = Record<string, CellValue | undefined>;

/** Tables whose rows carry an optimistic-concurrency `version`. */
const VERSIONED = new Set(["orgs", "hosts", "members", "instructors"]);

/** A row's write that has a consequence: recorded by the writer, run at `flush`. */
type Effect =
  | { kind: "coverageStarted"; hostId: number; on: string }
  | { kind: "hostClosed"; hostId: number; on: string };

/** The consequences of a row's write, per table: the one place they are decided. */
const EFFECTS: Record<
  string,
  {
    created?: (row: RowValues) => Effect | null;
    updated?: (id: number | null, set: RowValues) => Effect | null;
  }
> = {
  coverages: {
    created: (row) => ({ kind: "coverageStarted", hostId: Number(row.hostId), on: String(row.startOn) }),
  },
  hosts: {
    updated: (id, set) =>
      id !== null && typeof set.closedOn === "string"
        ? { kind: "hostClosed", hostId: id, on: set.closedOn }
        : null,
  },
};

const tablesByName = new Map<string, SQLiteTable>(CITY_TABLES.map((t) => [t.name, t.table as SQLiteTable]));

function tableOf(table: string | SQLiteTable): { name: string; columns: Record<string, string> } {
  const t = typeof table === "string" ? tablesByName.get(table) : table;
  if (!t) throw new Error(`no writer for table ${String(table)}`);
  return { name: getTableName(t), columns: columnsOf(t) };
}

/** A table's fields → stored column names (the schema names columns by drizzle's snake_case casing). */
const columnCache = new WeakMap<SQLiteTable, Record<string, string>>();
function columnsOf(t: SQLiteTable): Record<string, string> {
  let out = columnCache.get(t);
  if (!out) {
    out = {};
    for (const [field, col] of Object.entries(getTableColumns(t))) {
      // Values are written as given (booleans as 0/1): a column drizzle would have to convert is not
      // for this writer.
      if (col.columnType.endsWith("Json")) throw new Error(`${getTableName(t)}.${field}: JSON column`);
      out[field] = col.keyAsName ? toSnakeCase(field) : col.name;
    }
    columnCache.set(t, out);
  }
  return out;
}

const sqlValue = (v: CellValue | undefined): string | number | null =>
  typeof v === "boolean" ? (v ? 1 : 0) : (v ?? null);

export interface RowWriter {
  /** A new row of a table given by name and fields (the import): queued, written in multi-row inserts. */
  create(table: string, row: RowValues): Promise<void>;
  /** A new row of a table, written now and returned as stored (the forms). */
  insert<T extends SQLiteTable>(table: T, row: T["$inferInsert"]): Promise<T["$inferSelect"]>;
  /**
   * Update one row by id (or by a key of its fields): the fields of `set`; a versioned table's version
   * moves on, and with `version` only the row still at that version changes. Returns the rows changed.
   */
  update(
    table: string | SQLiteTable,
    target: { id: number } | { key: RowValues },
    set: RowValues,
    opts?: { version?: number },
  ): Promise<number>;
  /** Write the queue, then run the consequences of everything written so far. */
  flush(): Promise<void>;
}

export function rowWriter(db: Db): RowWriter {
  // One instant for every created row of the writer (an import stamps its rows alike).
  const stamp = clock.nowIso();
  const effects: Effect[] = [];
  let queued: {
    table: string;
    fields: string[];
    columns: string[];
    rows: (string | number | null)[][];
    per: number;
  } | null = null;
  const writeQueue = async () => {
    if (!queued) return;
    const { table, columns, rows } = queued;
    queued = null;
    await insertNamedRows(db, table, columns, rows);
  };
  const updates = new Map<string, (values: Record<string, unknown>) => Promise<number>>();
  const sameFields = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  const record = (e: Effect | null | undefined) => {
    if (e) effects.push(e);
  };

  return {
    async create(table, row) {
      const t = tableOf(table);
      // The fields given (undefined ones left out) and their values, in one pass (an import creates a
      // million rows); a stamped table's created_at from the writer's instant unless given.
      const fields: string[] = [];
      const values: (string | number | null)[] = [];
      for (const f of Object.keys(row)) {
        const v = row[f];
        if (v === undefined) continue;
        fields.push(f);
        values.push(sqlValue(v));
      }
      if (row.createdAt === undefined && STAMPED_TABLES.has(t.name)) {
        fields.push("createdAt");
        values.push(stamp);
      }
      if (!queued || queued.table !== t.name || !sameFields(queued.fields, fields)) {
        await writeQueue();
        queued = {
          table: t.name,
          fields,
          columns: fields.map((f) => t.columns[f] ?? f),
          rows: [],
          per: rowsPerInsert(fields.length),
        };
      }
      queued.rows.push(values);
      if (queued.rows.length >= queued.per) await writeQueue();
      record(EFFECTS[t.name]?.created?.(row));
    },

    async insert(table, row) {
      await writeQueue();
      const stored = (await db.insert(table).values(row).returning())[0] as Record<string, unknown>;
      record(EFFECTS[getTableName(table)]?.created?.(stored as RowValues));
      return stored as never;
    },

    async update(table, target, set, opts = {}) {
      await writeQueue();
      const t = tableOf(table);
      const fields = Object.keys(set).filter((f) => set[f] !== undefined && f !== "version");
      const keys = "key" in target ? Object.keys(target.key) : null;
      const checked = opts.version !== undefined;
      const shape = `${t.name}|${fields.join(",")}|${keys?.join(",") ?? "id"}|${checked}`;
      let run = updates.get(shape);
      if (!run) {
        const col = (f: string) => sql.identifier(t.columns[f] ?? f);
        const assignments = [
          ...fields.map((f) => sql`${col(f)} = ${sql.placeholder(`set_${f}`)}`),
          ...(VERSIONED.has(t.name) ? [sql`version = version + 1`] : []),
        ];
        const where = [
          ...(keys
            ? keys.map((f) => sql`${col(f)} = ${sql.placeholder(`key_${f}`)}`)
            : [sql`id = ${sql.placeholder("id")}`]),
          ...(checked ? [sql`version = ${sql.placeholder("version")}`] : []),
        ];
        run = prepareRun(
          db,
          sql`update ${sql.identifier(t.name)} set ${sql.join(assignments, sql`, `)} where ${sql.join(where, sql` and `)}`,
        );
        updates.set(shape, run);
      }
      const values: Record<string, string | number | null> = {};
      for (const f of fields) values[`set_${f}`] = sqlValue(set[f]);
      if ("key" in target) for (const f of keys!) values[`key_${f}`] = sqlValue(target.key[f]);
      else values.id = target.id;
      if (checked) values.version = opts.version!;
      const changed = await run(values);
      if (changed > 0) record(EFFECTS[t.name]?.updated?.("id" in target ? target.id : null, set));
      return changed;
    },

    async flush() {
      await writeQueue();
      if (effects.length === 0) return;
      // Most rows written have no open plan to end: ask once which hosts have one (a city's import writes
      // a hundred thousand coverages).
      const open =
        effects.length > 16
          ? new Set(
              await selectColumn<number>(
                db,
                sql`select distinct host_id as hostId from establishment_plans where state = 'open'`,
              ),
            )
          : null;
      for (const e of effects.splice(0)) {
        if (open && !open.has(e.hostId)) continue;
        if (e.kind === "coverageStarted") await onCoverageStarted(db, e.hostId, e.on);
        else await onHostClosed(db, e.hostId, e.on);
      }
    },
  };
}

/** Run `fn` with a row writer on `db` (inside the caller's write transaction) and flush it. */
export async function withWriter<T>(db: Db, fn: (w: RowWriter) => T | Promise<T>): Promise<T> {
  const w = rowWriter(db);
  const out = await fn(w);
  await w.flush();
  return out;
}
