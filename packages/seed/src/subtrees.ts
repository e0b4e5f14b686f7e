/**
 * Finding the nodes above a path, and the rows under one, without a pass over every node or row: the
 * seeds below the city ask "which township is this organization in" and "which rows lie under this node"
 * once per organization or per node, and a pass over the whole city each time made them grow with the
 * square of the city (a 1,000,000-host city did not finish in half an hour).
 *
 * Both give exactly what the pass gave (the same elements in the same order), so the seeds write the same
 * rows: `PathOwners.first` is `nodes.find((n) => path.startsWith(n.path))`, `SortedPaths.under` is
 * `rows.filter((r) => key(r).startsWith(prefix))`; where their shortcut does not hold (a node path not of
 * the form `/…/`, rows not sorted by the key) they make the pass.
 */

/** A path of the trees: `/`-separated ids, starting and ending with `/` (`/1/5/23/`). */
function isTreePath(path: string): boolean {
  return path.startsWith("/") && path.endsWith("/");
}

/** The nodes of a list whose path is a prefix of a given path, looked up by the path's prefixes. */
export class PathOwners<T extends { path: string }> {
  /** Position in the list of the first node of each path. */
  private readonly firstAt = new Map<string, number>();
  private readonly walkable: boolean;

  constructor(private readonly nodes: readonly T[]) {
    this.walkable = nodes.every((n) => isTreePath(n.path));
    nodes.forEach((n, i) => {
      if (!this.firstAt.has(n.path)) this.firstAt.set(n.path, i);
    });
  }

  /** The first node in the list's order whose path is a prefix of `path` (`nodes.find`). */
  first(path: string): T | undefined {
    if (!this.walkable) return this.nodes.find((n) => path.startsWith(n.path));
    // A tree path is a prefix of `path` only if it ends where one of `path`'s `/` is.
    let best = -1;
    for (let i = path.indexOf("/"); i >= 0; i = path.indexOf("/", i + 1)) {
      const at = this.firstAt.get(path.slice(0, i + 1));
      if (at !== undefined && (best < 0 || at < best)) best = at;
    }
    return best < 0 ? undefined : this.nodes[best];
  }
}

/** Rows sorted by a path-like key, whose rows under a prefix are one run of the list. */
export class SortedPaths<T> {
  private readonly keys: string[];
  private readonly sorted: boolean;

  constructor(
    private readonly rows: readonly T[],
    private readonly key: (row: T) => string,
  ) {
    this.keys = rows.map(key);
    // Sorted as JavaScript compares strings (SQLite's binary order agrees on the trees' ASCII paths).
    this.sorted = this.keys.every((k, i) => i === 0 || this.keys[i - 1]! <= k);
  }

  /** The rows whose key starts with `prefix`, in the list's order (`rows.filter`). */
  under(prefix: string): T[] {
    if (!this.sorted) return this.rows.filter((r) => this.key(r).startsWith(prefix));
    // Every key starting with `prefix` is ≥ it, and they follow one another in a sorted list.
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < this.keys.length && this.keys[end]!.startsWith(prefix)) end++;
    return this.rows.slice(lo, end);
  }
}
