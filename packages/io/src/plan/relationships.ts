/**
 * 组织关系接转 rows and each member's relationship history: from 入党日期 through the transfers (in date
 * order, each starting where the previous one ended) to today's holder of the 党员 row. A stored member
 * whose organization the import changes without a transfer is an error; a stored member without transfers
 * keeps its open relationship (an outside organization's name may change). Open stored relationships
 * replaced by a later one are ended at its start.
 */
import { ioMessages as m } from "../messages.ts";
import type { Loc, Located, MemberRow } from "../tables.ts";
import { header, type PlanContext } from "./context.ts";
import type { RelationshipW } from "./rows.ts";
import { rowKey } from "./state.ts";

/** A transfer of the import: from an organization (null: outside the system) to another, on a date. */
export interface Transfer {
  from: number | null;
  to: number | null;
  on: string;
  loc: Loc;
}

/** Stages the relationships and returns the import's transfers by member id. */
export function planRelationships(
  cx: PlanContext,
  memberRows: readonly Located<MemberRow>[],
): Map<number, Transfer[]> {
  const { members, orgs, relationships } = cx.state;
  const transfersOf = new Map<number, Transfer[]>();
  for (const r of cx.sheets.transfers) {
    const mid = cx.memberId(r.idNumber, r.loc, header("transfers", "idNumber"));
    const from = r.fromCode === null ? null : cx.orgId(r.fromCode, r.loc, header("transfers", "fromCode"));
    const to = r.toCode === null ? null : cx.orgId(r.toCode, r.loc, header("transfers", "toCode"));
    if (mid === undefined || from === undefined || to === undefined) continue;
    if (from === to) {
      cx.error(r.loc, header("transfers", "toCode"), r.toCode ?? "", m.transferSame);
      continue;
    }
    const list = transfersOf.get(mid) ?? [];
    list.push({ from, to, on: r.on, loc: r.loc });
    transfersOf.set(mid, list);
  }
  const relsOf = new Map<number, RelationshipW[]>();
  for (const r of relationships.rows.values()) {
    const list = relsOf.get(r.memberId) ?? [];
    list.push(r);
    relsOf.set(r.memberId, list);
  }
  const relMembers = new Set<number>([
    ...memberRows.flatMap((r) => members.idOf(r.idNumber) ?? []),
    ...transfersOf.keys(),
  ]);
  for (const mid of relMembers) {
    const mem = members.get(mid)!;
    const mLoc = members.locOf.get(mid) ?? transfersOf.get(mid)?.[0]?.loc;
    const trs = (transfersOf.get(mid) ?? []).sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    const existing = relsOf.get(mid) ?? [];
    if (trs.length === 0 && !members.isNew(mid)) {
      const open = existing.filter((r) => r.endOn === null);
      if (open.some((r) => r.orgId === mem.orgId)) {
        const cur = open.find((r) => r.orgId === mem.orgId)!;
        if (mem.orgId === null && cur.outsideOrgName !== mem.outsideOrgName)
          relationships.stage(
            rowKey(mid, null, cur.startOn),
            { outsideOrgName: mem.outsideOrgName },
            mLoc ?? null,
          );
        else relationships.stage(rowKey(mid, cur.orgId, cur.startOn), {}, mLoc ?? null);
      } else if (mLoc)
        cx.error(mLoc, header("members", "orgCode"), orgs.get(mem.orgId ?? -1)?.code ?? "", m.transferNeeded);
      continue;
    }
    const desired: { orgId: number | null; outside: string | null; start: string; end: string | null }[] = [];
    let holder: number | null = trs.length > 0 ? trs[0]!.from : mem.orgId;
    let start = mem.joinedOn;
    let broken = false;
    for (const [i, tr] of trs.entries()) {
      if (tr.on < mem.joinedOn) {
        cx.error(tr.loc, header("transfers", "on"), tr.on, m.transferBeforeJoined);
        broken = true;
        break;
      }
      if (i > 0 && tr.from !== holder) {
        cx.error(
          tr.loc,
          header("transfers", "fromCode"),
          orgs.get(tr.from ?? -1)?.code ?? "",
          m.transferChain,
        );
        broken = true;
        break;
      }
      if (tr.on > start)
        desired.push({
          orgId: holder,
          outside: holder === null ? m.outsidePlaceholder : null,
          start,
          end: tr.on,
        });
      holder = tr.to;
      start = tr.on;
    }
    if (broken) continue;
    if (holder !== mem.orgId) {
      const loc = members.locOf.get(mid) ?? trs[trs.length - 1]?.loc;
      if (loc)
        cx.error(loc, header("members", "orgCode"), orgs.get(mem.orgId ?? -1)?.code ?? "", m.transferLast);
      continue;
    }
    desired.push({ orgId: holder, outside: holder === null ? mem.outsideOrgName : null, start, end: null });
    const keys = new Set<string>();
    for (const d of desired) {
      const key = rowKey(mid, d.orgId, d.start);
      keys.add(key);
      const exists = relationships.idOf(key) !== undefined;
      const fields: Partial<RelationshipW> =
        exists && d.outside === m.outsidePlaceholder
          ? { endOn: d.end }
          : { memberId: mid, orgId: d.orgId, outsideOrgName: d.outside, startOn: d.start, endOn: d.end };
      relationships.stage(key, fields, trs[0]?.loc ?? mLoc ?? null);
    }
    const latest = desired[desired.length - 1]!.start;
    for (const r of existing)
      if (r.endOn === null && !keys.has(rowKey(mid, r.orgId, r.startOn)) && r.startOn < latest)
        relationships.set(r.id, { endOn: latest });
  }
  return transfersOf;
}
