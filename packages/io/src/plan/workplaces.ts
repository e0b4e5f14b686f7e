/**
 * Each member's workplaces: the 工作经历 rows and today's workplace of the 党员 row (工作单位信用代码, from 入职日期
 * or 入党日期). Open stored workplaces replaced by a later open one are ended at its start.
 */
import { ioMessages as m } from "../messages.ts";
import type { Loc, Located, MemberRow } from "../tables.ts";
import { header, type PlanContext } from "./context.ts";
import type { WorkplaceW } from "./rows.ts";
import { rowKey } from "./state.ts";

export function planWorkplaces(cx: PlanContext, memberRows: readonly Located<MemberRow>[]): void {
  const { members, workplaces } = cx.state;
  const wantedWork = new Map<number, { hostId: number; start: string; end: string | null; loc: Loc }[]>();
  for (const r of cx.sheets.workplaces) {
    const mid = cx.memberId(r.idNumber, r.loc, header("workplaces", "idNumber"));
    const hid = cx.hostId(r.creditCode, r.loc, header("workplaces", "creditCode"));
    if (mid === undefined || hid === undefined) continue;
    if (r.endOn !== null && r.endOn <= r.startOn) {
      cx.error(r.loc, header("workplaces", "endOn"), r.endOn, m.endBeforeStart);
      continue;
    }
    const list = wantedWork.get(mid) ?? [];
    list.push({ hostId: hid, start: r.startOn, end: r.endOn, loc: r.loc });
    wantedWork.set(mid, list);
  }
  for (const r of memberRows) {
    const mid = members.idOf(r.idNumber);
    const mem = mid === undefined ? undefined : members.get(mid);
    if (!mem || mid === undefined || mem.workHostId === null) continue;
    const list = wantedWork.get(mid) ?? [];
    const start = mem.workSince ?? mem.joinedOn;
    if (!list.some((w) => w.hostId === mem.workHostId && w.start === start))
      list.push({ hostId: mem.workHostId, start, end: null, loc: r.loc });
    wantedWork.set(mid, list);
  }
  const worksOf = new Map<number, WorkplaceW[]>();
  for (const w of workplaces.rows.values()) {
    const list = worksOf.get(w.memberId) ?? [];
    list.push(w);
    worksOf.set(w.memberId, list);
  }
  for (const [mid, list] of wantedWork) {
    const keys = new Set<string>();
    let latestOpen: string | null = null;
    for (const w of list) {
      const key = rowKey(mid, w.hostId, w.start);
      if (keys.has(key)) continue;
      keys.add(key);
      workplaces.stage(key, { memberId: mid, hostId: w.hostId, startOn: w.start, endOn: w.end }, w.loc);
      if (w.end === null && (latestOpen === null || w.start > latestOpen)) latestOpen = w.start;
    }
    if (latestOpen !== null)
      for (const w of worksOf.get(mid) ?? [])
        if (w.endOn === null && !keys.has(rowKey(mid, w.hostId, w.startOn)) && w.startOn < latestOpen)
          workplaces.set(w.id, { endOn: latestOpen });
  }
}
