/**
 * A member's relationship history as 组织关系接转 rows: one row where the holder changes, the
 * organizations named by `ref` (null: outside the city). The export writes them so; the scope check of an
 * import recognizes a file's rows as the caller's own export of the history.
 */
export interface TransferCells {
  fromCode: string | null;
  toCode: string | null;
  on: string;
}

/** `relationships` of one member ordered by start (then id). */
export function transferRows(
  relationships: readonly { orgId: number | null; startOn: string }[],
  ref: (orgId: number | null) => string | null,
): TransferCells[] {
  const out: TransferCells[] = [];
  let prev: string | null | undefined;
  for (const r of relationships) {
    const cur = ref(r.orgId);
    if (prev !== undefined && (prev !== null || cur !== null))
      out.push({ fromCode: prev, toCode: cur, on: r.startOn });
    prev = cur;
  }
  return out;
}
