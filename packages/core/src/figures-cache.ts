/**
 * Figures computed from the records, kept in this process per data version (issue 25): a report of a
 * node and year, a dashboard, a drill-down. The version lives in the database (`data_version`, moved by
 * every write that changes figures, in its transaction), so every process sharing the database agrees
 * when a kept figure is stale: it is read first, in the read transaction that reads the records, and is
 * part of the key — a figure computed at version v is only ever answered to a reader that sees v.
 *
 * Kept only on a read-only connection inside its read transaction (an API query); anything else (a write
 * transaction that could see its own uncommitted rows, a test's shared connection, the command line)
 * computes as before. What is kept is the node's figures, never a caller's view: the caller's scope is
 * checked before (the node must lie in its subtree) and whatever depends on the caller is added after.
 *
 * One computation per key at a time: a second asker of the same key awaits the first (a city's report
 * computed once, however many open it at once). A small LRU bounded by weight (rows), per kind.
 */
import { inReadOnlyTransaction, type Db } from "@liangxin/db/driver";
import { readDataVersion } from "@liangxin/db/data-version";

interface Entry<T> {
  version: number;
  value: Promise<T>;
  weight: number;
  /** Settled (a value, not a computation still running). */
  done: boolean;
}

/** A least-recently-used map of computations per key, bounded by the weight of its settled values. */
export class FiguresCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private weight = 0;
  /** The highest version seen: entries of older versions are dropped (no reader will see them again). */
  private newest = 0;

  constructor(
    readonly name: string,
    private readonly maxWeight: number,
    private readonly weigh: (value: T) => number = () => 1,
  ) {}

  /** The value kept for `key` at `version`, if settled or running. */
  peek(version: number, key: string): Promise<T> | undefined {
    const e = this.entries.get(`${version}|${key}`);
    return e?.value;
  }

  /** Whether a value for `key` at `version` is kept and settled. */
  has(version: number, key: string): boolean {
    return this.entries.get(`${version}|${key}`)?.done === true;
  }

  /** The value of `key` at `version`: kept, or computed by `compute` (once, however many ask). */
  get(version: number, key: string, compute: () => Promise<T>): Promise<T> {
    if (version > this.newest) {
      this.newest = version;
      for (const [k, e] of this.entries) if (e.version < version) this.drop(k, e);
    }
    const k = `${version}|${key}`;
    const hit = this.entries.get(k);
    if (hit) {
      // Most recently used last.
      this.entries.delete(k);
      this.entries.set(k, hit);
      return hit.value;
    }
    const entry: Entry<T> = { version, value: compute(), weight: 0, done: false };
    this.entries.set(k, entry);
    entry.value.then(
      (v) => {
        if (this.entries.get(k) !== entry) return;
        entry.done = true;
        entry.weight = Math.max(1, this.weigh(v));
        this.weight += entry.weight;
        this.evict();
      },
      () => {
        // A refusal or a failure is not kept: the next asker computes again.
        if (this.entries.get(k) === entry) this.entries.delete(k);
      },
    );
    return entry.value;
  }

  private drop(k: string, e: Entry<T>): void {
    this.entries.delete(k);
    this.weight -= e.weight;
  }

  private evict(): void {
    for (const [k, e] of this.entries) {
      if (this.weight <= this.maxWeight) break;
      if (e.done) this.drop(k, e);
    }
  }

  /** Forget everything (tests). */
  clear(): void {
    this.entries.clear();
    this.weight = 0;
    this.newest = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * The data version `db` reads at, when figures may be kept for it (an API query's read transaction), else
 * null (compute without keeping). Call it before reading the records whose figures are kept, in the same
 * transaction.
 */
export async function keepableVersion(db: Db): Promise<number | null> {
  if (!inReadOnlyTransaction(db)) return null;
  return readDataVersion(db);
}

/** `cache.get` when figures may be kept on `db`, else `compute()` directly. */
export async function keptOrComputed<T>(
  db: Db,
  cache: FiguresCache<T>,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const version = await keepableVersion(db);
  if (version === null) return compute();
  return cache.get(version, key, compute);
}
