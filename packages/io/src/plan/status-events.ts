/**
 * Each member's status events: a 党员 row with a 状态日期 gives one event for a status other than 正常, or
 * for 正常 when the member's latest stored event is another status (back to 正常 with a date).
 */
import type { Located, MemberRow } from "../tables.ts";
import type { PlanContext } from "./context.ts";
import type { StatusEventW } from "./rows.ts";
import { rowKey } from "./state.ts";

export function planStatusEvents(cx: PlanContext, memberRows: readonly Located<MemberRow>[]): void {
  const { members, statusEvents } = cx.state;
  const latestStatus = new Map<number, StatusEventW>();
  for (const e of statusEvents.rows.values()) {
    const cur = latestStatus.get(e.memberId);
    if (!cur || e.effectiveOn >= cur.effectiveOn) latestStatus.set(e.memberId, e);
  }
  for (const r of memberRows) {
    const mid = members.idOf(r.idNumber);
    if (mid === undefined || r.statusOn === null) continue;
    const status = r.status ?? "normal";
    if (status === "normal" && (latestStatus.get(mid)?.status ?? "normal") === "normal") continue;
    statusEvents.stage(
      rowKey(mid, status, r.statusOn),
      { memberId: mid, status, effectiveOn: r.statusOn },
      r.loc,
    );
  }
}
