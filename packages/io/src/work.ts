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

/**
 * A created row's change, compact: a city's import creates over a million rows, and a change built as a
 * plain object with its import row as another object cost about 120 bytes each while the plan waited to
 * be written (about 190 MB at 100,000 hosts). This one keeps the table, the id, the row and where the
 * import row is (a sheet name shared by every row of the sheet, a row number); what every created row has
 * alike (no key, nothing before) comes from the prototype, and the location is built when asked for.
 */
export class CreatedChange implements Change {
  constructor(
    readonly table: string,
    readonly id: number,
    readonly after: RowData,
    private readonly sheet: string | null,
    private readonly row: number,
  ) {}
  get op(): "create" {
    return "create";
  }
  get key(): null {
    return null;
  }
  get before(): null {
    return null;
  }
  get loc(): Loc | null {
    return this.sheet === null ? null : { sheet: this.sheet, row: this.row };
  }
}

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

/*
 * A city's import creates a million rows: they are built field by field, which V8 keeps as compact objects
 * (about 190 bytes for a member). `{ ...fields, id }` made each about 700 bytes (the spread's copy grows
 * its property store for the extra field), and `delete` turns an object into a hash table.
 */

/** The fields and then the id, as a compact object. */
function withId(fields: Partial<RowData>, id: number): RowData {
  const row: RowData = {};
  for (const k in fields) row[k] = fields[k]!;
  row.id = id;
  return row;
}

/** A row without its id (a table keyed by its columns), as a compact object. */
function withoutId(r: RowData): RowData {
  const out: RowData = {};
  for (const k in r) if (k !== "id") out[k] = r[k]!;
  return out;
}

/**
 * The rows of a working copy by id: the stored ones in a Map, the created ones (ids from `firstNew` on,
 * one after the other) in an array — a Map's entry costs more than the row's reference, times a million.
 * Iterates as the Map did: stored rows as loaded, then created ones in order.
 */
export class IdRows<R> {
  private readonly stored = new Map<number, R>();
  private readonly fresh: R[] = [];
  constructor(private firstNew: number) {}

  /** Created ids start here (set once the stored rows are in). */
  startNew(firstNew: number): void {
    this.firstNew = firstNew;
  }
  get size(): number {
    return this.stored.size + this.fresh.length;
  }
  get(id: number): R | undefined {
    return id >= this.firstNew ? this.fresh[id - this.firstNew] : this.stored.get(id);
  }
  has(id: number): boolean {
    return this.get(id) !== undefined;
  }
  set(id: number, row: R): void {
    if (id < this.firstNew) this.stored.set(id, row);
    else if (id - this.firstNew === this.fresh.length) this.fresh.push(row);
    else throw new Error(`created ids one after the other: ${id}`);
  }
  *keys(): Generator<number> {
    yield* this.stored.keys();
    for (let i = 0; i < this.fresh.length; i++) yield this.firstNew + i;
  }
  *values(): Generator<R> {
    yield* this.stored.values();
    yield* this.fresh;
  }
}

/**
 * The first import row behind each id: stored ids in a Map, created ones as a sheet number and a row
 * number in typed arrays (a city's import has a million; a location object and a Map entry each cost more).
 * `get` hands out a new location each time: compare locations by sheet and row, not by identity.
 */
export class LocIndex {
  private readonly stored = new Map<number, Loc>();
  private readonly sheets: string[] = [];
  private sheetOf = new Uint16Array(1024);
  private rowOf = new Float64Array(1024);
  private count = 0;
  constructor(private readonly firstNew: () => number) {}

  get size(): number {
    return this.stored.size + this.count;
  }
  has(id: number): boolean {
    return this.get(id) !== undefined;
  }
  get(id: number): Loc | undefined {
    const i = id - this.firstNew();
    if (i < 0) return this.stored.get(id);
    const sheet = i < this.sheetOf.length ? this.sheetOf[i]! : 0;
    return sheet === 0 ? undefined : { sheet: this.sheets[sheet - 1]!, row: this.rowOf[i]! };
  }
  set(id: number, loc: Loc): void {
    const i = id - this.firstNew();
    if (i < 0) {
      this.stored.set(id, loc);
      return;
    }
    while (i >= this.sheetOf.length) {
      const sheetOf = new Uint16Array(this.sheetOf.length * 2);
      sheetOf.set(this.sheetOf);
      this.sheetOf = sheetOf;
      const rowOf = new Float64Array(this.rowOf.length * 2);
      rowOf.set(this.rowOf);
      this.rowOf = rowOf;
    }
    let sheet = this.sheets.indexOf(loc.sheet) + 1;
    if (sheet === 0) sheet = this.sheets.push(loc.sheet);
    if (this.sheetOf[i] === 0) this.count++;
    this.sheetOf[i] = sheet;
    this.rowOf[i] = loc.row;
  }
  *keys(): Generator<number> {
    yield* this.stored.keys();
    const first = this.firstNew();
    for (let i = 0; i < this.sheetOf.length; i++) if (this.sheetOf[i] !== 0) yield first + i;
  }
  *[Symbol.iterator](): Generator<[number, Loc]> {
    for (const id of this.keys()) yield [id, this.get(id)!];
  }
  clear(): void {
    this.stored.clear();
    this.sheetOf = new Uint16Array(0);
    this.rowOf = new Float64Array(0);
    this.count = 0;
  }
}

export class Work<R extends RowData & { id: number }> {
  readonly rows = new IdRows<R>(Number.MAX_SAFE_INTEGER);
  private readonly byKey = new Map<string, number>();
  private readonly original = new Map<number, R>();
  /**
   * Created rows take the ids from here on, one after the other (a city's import creates a million: a
   * range, not a set of them).
   */
  private readonly firstNew: number;
  /** The stored rows staged from an import row (a created row always is). */
  private readonly staged = new Set<number>();
  /** The first import row behind each staged id. */
  readonly locOf = new LocIndex(() => this.firstNew);
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
    this.firstNew = this.nextId;
    this.rows.startNew(this.firstNew);
  }

  idOf(key: string): number | undefined {
    return this.byKey.get(key);
  }

  get(id: number): R | undefined {
    return this.rows.get(id);
  }

  isNew(id: number): boolean {
    return id >= this.firstNew && id < this.nextId;
  }

  wasStaged(id: number): boolean {
    return this.isNew(id) || this.staged.has(id);
  }

  /** The row as it was in the database (before staging), undefined for new rows. */
  originalOf(id: number): R | undefined {
    if (this.isNew(id)) return undefined;
    return this.original.get(id) ?? this.rows.get(id);
  }

  /** Stage a row by key: a new id for an unknown key, else the fields are set on the existing row. */
  stage(key: string, fields: Partial<R>, loc: Loc | null): number {
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.nextId++;
      const row = withId(fields, id) as R;
      this.rows.set(id, row);
      this.byKey.set(key, id);
    } else {
      this.set(id, fields);
      this.staged.add(id);
    }
    if (loc && !this.locOf.has(id)) this.locOf.set(id, loc);
    return id;
  }

  /** Set fields of a row (database or new) without staging it from an import row. */
  set(id: number, fields: Partial<R>): void {
    const row = this.rows.get(id);
    if (!row) return;
    if (!this.isNew(id) && !this.original.has(id)) this.original.set(id, { ...row });
    Object.assign(row, fields);
  }

  /**
   * Let go of what only staging needs (the keys, the originals, the import rows behind each id) once the
   * changes are computed: only `get` answers afterwards. A city's import keys a million rows.
   */
  letGo(): void {
    this.byKey.clear();
    this.original.clear();
    this.staged.clear();
    this.locOf.clear();
  }

  /** Rows changed or created, with the counts. */
  finish(): { changes: Change[]; counts: Counts } {
    const changes: Change[] = [];
    const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
    const key = (r: R) =>
      this.keyColumns ? Object.fromEntries(this.keyColumns.map((c) => [c, r[c] ?? null])) : null;
    for (let id = this.firstNew; id < this.nextId; id++) {
      const row = this.rows.get(id)!;
      // The staged row itself (nothing changes it after planning): a city's import creates a million.
      let after: RowData = row;
      if (this.keyColumns) after = withoutId(row);
      const loc = this.locOf.get(id);
      changes.push(new CreatedChange(this.table, id, after, loc?.sheet ?? null, loc?.row ?? 0));
      counts.created++;
    }
    const ids = new Set<number>([...this.original.keys(), ...this.staged]);
    for (const id of ids) {
      if (this.isNew(id)) continue;
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
