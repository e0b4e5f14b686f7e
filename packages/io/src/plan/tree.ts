/**
 * Paths and depths of a tree table (regions, organizations): ids from the root, `/1/5/23/`, depth 0 at
 * the root. Rows whose path or depth differs are updated; a parent cycle is reported through `onCycle`.
 */
import type { RowData, Work } from "../work.ts";

export function computePaths<R extends { id: number; parentId: number | null; path: string; depth: number }>(
  work: Work<R & RowData>,
  onCycle: (id: number) => void,
): void {
  const memo = new Map<number, { path: string; depth: number } | null>();
  const visit = (id: number, trail: Set<number>): { path: string; depth: number } | null => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const row = work.get(id);
    if (!row) return null;
    if (trail.has(id)) {
      onCycle(id);
      memo.set(id, null);
      return null;
    }
    trail.add(id);
    const parent = row.parentId === null ? { path: "/", depth: -1 } : visit(row.parentId, trail);
    const res = parent ? { path: `${parent.path}${id}/`, depth: parent.depth + 1 } : null;
    memo.set(id, res);
    return res;
  };
  for (const id of [...work.rows.keys()]) {
    const res = visit(id, new Set());
    const row = work.get(id)!;
    if (res && (row.path !== res.path || row.depth !== res.depth))
      work.set(id, { path: res.path, depth: res.depth } as Partial<R & RowData>);
  }
}
