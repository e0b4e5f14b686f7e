/**
 * A working copy of one database table for planning an import: the database rows, changed in memory as
 * the import is staged, with the original of every touched row kept for the diff. `finish()` turns the
 * differences into changes (create / update) and counts (created, updated, unchanged).
 */
import type { Loc } from "./tables.ts";

export type Value = string | number | boolean | null;
export type RowData = Record<string, Value>;

export interface Change {
  /** The database table (snake_case name). */
  table: string;
  op: "create" | "update";
  /** The row id (for host_years, the composite key `hostId|year` is in `key`). */
  id: number;
  key: Record<string, Value> | null;
  before: RowData | null;
  after: RowData;
  /** The import row behind the change, when there is one. */
  loc?: Loc | null;
}

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export class Work<R extends RowData & { id: number }> {
  readonly rows = new Map<number, R>();
  private readonly byKey = new Map<string, number>();
  private readonly original = new Map<number, R>();
  private readonly created = new Set<number>();
  private readonly staged = new Set<number>();
  /** The first import row behind each staged id. */
  readonly locOf = new Map<number, Loc>();
  private nextId: number;

  constructor(
    readonly table: string,
    private readonly keyOf: (r: R) => string,
    rows: readonly R[],
    /** Tables with a composite primary key (host_years): these columns identify a row in SQL. */
    readonly keyColumns: readonly string[] | null = null,
  ) {
    let max = 0;
    for (const r of rows) {
      this.rows.set(r.id, r);
      this.byKey.set(keyOf(r), r.id);
      if (r.id > max) max = r.id;
    }
    this.nextId = max + 1;
  }

  idOf(key: string): number | undefined {
    return this.byKey.get(key);
  }

  get(id: number): R | undefined {
    return this.rows.get(id);
  }

  isNew(id: number): boolean {
    return this.created.has(id);
  }

  wasStaged(id: number): boolean {
    return this.staged.has(id);
  }

  /** The row as it was in the database (before staging), undefined for new rows. */
  originalOf(id: number): R | undefined {
    if (this.created.has(id)) return undefined;
    return this.original.get(id) ?? this.rows.get(id);
  }

  /** Stage a row by key: a new id for an unknown key, else the fields are set on the existing row. */
  stage(key: string, fields: Partial<R>, loc: Loc | null): number {
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.nextId++;
      const row = { ...fields, id } as R;
      this.rows.set(id, row);
      this.byKey.set(key, id);
      this.created.add(id);
    } else this.set(id, fields);
    this.staged.add(id);
    if (loc && !this.locOf.has(id)) this.locOf.set(id, loc);
    return id;
  }

  /** Set fields of a row (database or new) without staging it from an import row. */
  set(id: number, fields: Partial<R>): void {
    const row = this.rows.get(id);
    if (!row) return;
    if (!this.created.has(id) && !this.original.has(id)) this.original.set(id, { ...row });
    Object.assign(row, fields);
  }

  /**
   * Let go of what only staging needs (the keys, the originals, the import rows behind each id) once the
   * changes are computed: only `get` answers afterwards. A city's import keys a million rows.
   */
  letGo(): void {
    this.byKey.clear();
    this.original.clear();
    this.created.clear();
    this.staged.clear();
    this.locOf.clear();
  }

  /** Rows changed or created, with the counts. */
  finish(): { changes: Change[]; counts: Counts } {
    const changes: Change[] = [];
    const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
    const key = (r: R) =>
      this.keyColumns ? Object.fromEntries(this.keyColumns.map((c) => [c, r[c] ?? null])) : null;
    for (const id of this.created) {
      const row = this.rows.get(id)!;
      // The staged row itself (nothing changes it after planning): a city's import creates a million.
      let after: RowData = row;
      if (this.keyColumns) {
        after = { ...row };
        delete after.id;
      }
      changes.push({
        table: this.table,
        op: "create",
        id,
        key: null,
        before: null,
        after,
        loc: this.locOf.get(id) ?? null,
      });
      counts.created++;
    }
    const ids = new Set<number>([...this.original.keys(), ...this.staged]);
    for (const id of ids) {
      if (this.created.has(id)) continue;
      const row = this.rows.get(id)!;
      const orig = this.original.get(id);
      const before: RowData = {};
      const after: RowData = {};
      let changed = false;
      if (orig) {
        for (const k of Object.keys(row)) {
          const a = orig[k] ?? null;
          const b = row[k] ?? null;
          if (a !== b) {
            before[k] = a;
            after[k] = b;
            changed = true;
          }
        }
      }
      if (changed) {
        changes.push({
          table: this.table,
          op: "update",
          id,
          key: key(row),
          before,
          after,
          loc: this.locOf.get(id) ?? null,
        });
        counts.updated++;
      } else if (this.staged.has(id)) counts.unchanged++;
    }
    return { changes, counts };
  }
}
