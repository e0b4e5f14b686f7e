/**
 * The plan's changes: each working copy's creates and updates, table by table in WRITE_ORDER, with the
 * counts (created, updated, unchanged) per table; then the period lock, which refuses the whole import
 * when a change touches the figures of an approved year, naming its rows (`../plan-lock.ts`).
 */
import type { Db } from "@liangxin/db/driver";
import { lockErrors } from "../plan-lock.ts";
import type { Change, Counts, RowData } from "../work.ts";
import type { PlanContext } from "./context.ts";
import { worksInWriteOrder, type PlanState } from "./state.ts";
import type { WriteTable } from "./write-order.ts";

export function collectChanges(state: PlanState): { changes: Change[]; counts: Record<WriteTable, Counts> } {
  const changes: Change[] = [];
  const counts = {} as Record<WriteTable, Counts>;
  for (const w of worksInWriteOrder(state)) {
    const res = w.finish();
    // One by one: spreading a city's hundreds of thousands of changes into push() overflows the stack.
    for (const c of res.changes) changes.push(c);
    counts[w.table as WriteTable] = res.counts;
    w.letGo();
  }
  return { changes, counts };
}

/** The period lock: a change of an approved year refuses the whole import, naming its rows. */
export async function checkPeriodLock(db: Db, cx: PlanContext, changes: readonly Change[]): Promise<void> {
  const works = new Map(worksInWriteOrder(cx.state).map((w) => [w.table, w]));
  const rowOf = (table: string, id: number): RowData | undefined => works.get(table)?.get(id);
  for (const e of await lockErrors(db, changes, rowOf)) cx.errors.push(e);
}
