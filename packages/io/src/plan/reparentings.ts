/**
 * 隶属变更 rows (an organization moving from one superior to another on a date), then the check that each
 * organization's history chains: every change starts from the superior the previous one ended at, and the
 * last ends at today's superior (the 党组织 row's, or the database's). A stored organization whose
 * superior the import changes needs such a row.
 */
import { ioMessages as m } from "../messages.ts";
import type { Loc } from "../tables.ts";
import { header, type PlanContext } from "./context.ts";
import type { PlannedOrgs } from "./orgs.ts";
import type { ReparentingW } from "./rows.ts";
import { rowKey } from "./state.ts";

export function planReparentings(cx: PlanContext, planned: PlannedOrgs): void {
  const { orgs, reparentings } = cx.state;
  const first = cx.firstInSheet();
  const reparentLocs = new Map<number, Loc[]>();
  for (const r of cx.sheets.reparentings) {
    const orgId = orgs.idOf(r.orgCode);
    const fromId = orgs.idOf(r.fromCode);
    const toId = orgs.idOf(r.toCode);
    if (orgId === undefined) cx.error(r.loc, header("reparentings", "orgCode"), r.orgCode, m.orgMissing);
    if (fromId === undefined) cx.error(r.loc, header("reparentings", "fromCode"), r.fromCode, m.orgMissing);
    if (toId === undefined) cx.error(r.loc, header("reparentings", "toCode"), r.toCode, m.orgMissing);
    if (orgId === undefined || fromId === undefined || toId === undefined) continue;
    if (fromId === toId) {
      cx.error(r.loc, header("reparentings", "toCode"), r.toCode, m.reparentSame);
      continue;
    }
    const key = rowKey(orgId, fromId, toId, r.effectiveOn);
    if (!first(key, r.loc, header("reparentings", "orgCode"), r.orgCode)) continue;
    reparentings.stage(
      key,
      {
        orgId,
        fromParentId: fromId,
        toParentId: toId,
        effectiveOn: r.effectiveOn,
        docNo: r.docNo,
        reason: r.reason,
      },
      r.loc,
    );
    const list = reparentLocs.get(orgId) ?? [];
    list.push(r.loc);
    reparentLocs.set(orgId, list);
  }

  // The history must chain up to today's superior.
  const historyOf = new Map<number, ReparentingW[]>();
  for (const r of reparentings.rows.values()) {
    const list = historyOf.get(r.orgId) ?? [];
    list.push(r);
    historyOf.set(r.orgId, list);
  }
  const checkChain = new Set<number>([
    ...reparentLocs.keys(),
    ...planned.rows.map((r) => orgs.idOf(r.code)!),
  ]);
  for (const orgId of checkChain) {
    const org = orgs.get(orgId);
    if (!org) continue;
    const list = (historyOf.get(orgId) ?? []).sort((a, b) =>
      a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : 0,
    );
    const orgLoc = orgs.locOf.get(orgId);
    if (list.length === 0) {
      if (planned.parentChanged.has(orgId) && orgLoc)
        cx.error(orgLoc, header("orgs", "parentCode"), "", m.reparentNeeded);
      continue;
    }
    for (let i = 1; i < list.length; i++) {
      if (list[i]!.fromParentId !== list[i - 1]!.toParentId) {
        const loc = reparentings.locOf.get(list[i]!.id) ?? orgLoc;
        if (loc)
          cx.error(
            loc,
            header("reparentings", "fromCode"),
            orgs.get(list[i]!.fromParentId)?.code ?? "",
            m.reparentChain,
          );
      }
    }
    const last = list[list.length - 1]!;
    if (last.toParentId !== org.parentId) {
      const loc = orgLoc ?? reparentings.locOf.get(last.id);
      if (loc)
        cx.error(loc, header("orgs", "parentCode"), orgs.get(org.parentId ?? -1)?.code ?? "", m.reparentLast);
    }
  }
}
