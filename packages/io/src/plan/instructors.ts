/**
 * 党建指导员 rows (one per 编号; dispatched by an organization of the system or by one outside it, named;
 * registered by a management unit, by default the nearest one above the dispatching organization) and
 * 指导关系 rows (an instructor assigned to a host from a date, one row per instructor, host and start).
 */
import { isManagement, type OrgCategory } from "@liangxin/domain";
import { ioMessages as m } from "../messages.ts";
import { header, type PlanContext } from "./context.ts";
import { rowKey } from "./state.ts";

export function planInstructors(cx: PlanContext): void {
  const { orgs, instructors } = cx.state;
  /** The organization itself or its nearest superior that is a management unit. */
  const managementAncestor = (id: number): number | null => {
    let cur = orgs.get(id);
    const seen = new Set<number>();
    while (cur && !seen.has(cur.id)) {
      if (isManagement(cur.category as OrgCategory)) return cur.id;
      seen.add(cur.id);
      cur = cur.parentId === null ? undefined : orgs.get(cur.parentId);
    }
    return null;
  };
  const first = cx.firstInSheet();
  for (const r of cx.sheets.instructors) {
    if (!first(r.number, r.loc, header("instructors", "number"), r.number)) continue;
    if (r.dispatchCode !== null && r.dispatchName !== null) {
      cx.error(r.loc, header("instructors", "dispatchName"), r.dispatchName, m.dispatchBoth);
      continue;
    }
    if (r.dispatchCode === null && r.dispatchName === null) {
      cx.error(r.loc, header("instructors", "dispatchCode"), "", m.dispatchNone);
      continue;
    }
    if (r.dispatchName !== null && r.registeredCode === null) {
      cx.error(r.loc, header("instructors", "registeredCode"), "", m.registeredRequired);
      continue;
    }
    const dispatchId =
      r.dispatchCode === null ? null : cx.orgId(r.dispatchCode, r.loc, header("instructors", "dispatchCode"));
    if (dispatchId === undefined) continue;
    let registeredById: number | null | undefined =
      r.registeredCode === null
        ? null
        : cx.orgId(r.registeredCode, r.loc, header("instructors", "registeredCode"));
    if (registeredById === undefined) continue;
    if (registeredById !== null && !isManagement(orgs.get(registeredById)!.category as OrgCategory)) {
      cx.error(r.loc, header("instructors", "registeredCode"), r.registeredCode, m.registeredNotManagement);
      continue;
    }
    registeredById ??= dispatchId === null ? null : managementAncestor(dispatchId);
    if (registeredById === null) {
      cx.error(r.loc, header("instructors", "registeredCode"), "", m.registeredRequired);
      continue;
    }
    instructors.stage(
      r.number,
      {
        number: r.number,
        name: r.name,
        kind: r.kind,
        dispatchOrgId: dispatchId,
        dispatchOrgName: r.dispatchName,
        registeredById,
      },
      r.loc,
    );
  }
}

export function planAssignments(cx: PlanContext): void {
  const { instructors, assignments } = cx.state;
  const first = cx.firstInSheet();
  for (const r of cx.sheets.assignments) {
    const iid = instructors.idOf(r.number);
    if (iid === undefined) cx.error(r.loc, header("assignments", "number"), r.number, m.instructorMissing);
    const hid = cx.hostId(r.creditCode, r.loc, header("assignments", "creditCode"));
    if (iid === undefined || hid === undefined) continue;
    if (r.endOn !== null && r.endOn <= r.startOn) {
      cx.error(r.loc, header("assignments", "endOn"), r.endOn, m.endBeforeStart);
      continue;
    }
    const key = rowKey(iid, hid, r.startOn);
    if (!first(key, r.loc, header("assignments", "number"), `${r.number} ${r.creditCode} ${r.startOn}`))
      continue;
    assignments.stage(key, { instructorId: iid, hostId: hid, startOn: r.startOn, endOn: r.endOn }, r.loc);
  }
}
