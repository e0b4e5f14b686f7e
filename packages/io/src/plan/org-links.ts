/**
 * What the 党组织 rows name besides the organization itself: its secretary (书记公民身份号码, a member of the
 * import or the database) and its dual-management link (双重管理组织代码). A new secretary starts when both
 * the organization and the member exist, or today when replacing another, whose term then ends; a
 * link already open is kept as it is.
 */
import { maxDate } from "@liangxin/domain";
import { ioMessages as m } from "../messages.ts";
import type { Located, OrgRow } from "../tables.ts";
import { header, type PlanContext } from "./context.ts";
import type { DualLinkW, SecretaryW } from "./rows.ts";
import { rowKey } from "./state.ts";

export function planOrgLinks(cx: PlanContext, orgRows: readonly Located<OrgRow>[]): void {
  const { orgs, members, secretaries, dualLinks } = cx.state;
  const openSecretary = new Map<number, SecretaryW>();
  for (const s of secretaries.rows.values()) if (s.endOn === null) openSecretary.set(s.orgId, s);
  const openLinks = new Map<number, DualLinkW[]>();
  for (const l of dualLinks.rows.values()) {
    if (l.endOn !== null) continue;
    const list = openLinks.get(l.orgId) ?? [];
    list.push(l);
    openLinks.set(l.orgId, list);
  }
  for (const r of orgRows) {
    const oid = orgs.idOf(r.code)!;
    const org = orgs.get(oid)!;
    if (r.secretaryId !== null) {
      const mid = members.idOf(r.secretaryId);
      if (mid === undefined)
        cx.error(r.loc, header("orgs", "secretaryId"), r.secretaryId, m.secretaryNotMember);
      else {
        const cur = openSecretary.get(oid);
        if (cur && cur.memberId === mid) secretaries.stage(rowKey(oid, mid, cur.startOn), {}, r.loc);
        else {
          let start = maxDate(org.foundedOn, members.get(mid)!.joinedOn);
          if (cur) {
            start = maxDate(cx.today, start);
            if (cur.startOn < start) secretaries.set(cur.id, { endOn: start });
          }
          secretaries.stage(
            rowKey(oid, mid, start),
            { orgId: oid, memberId: mid, startOn: start, endOn: null },
            r.loc,
          );
        }
      }
    }
    if (r.dualCode !== null) {
      const rid = cx.orgId(r.dualCode, r.loc, header("orgs", "dualCode"));
      if (rid !== undefined) {
        const cur = (openLinks.get(oid) ?? []).find((l) => l.regionalOrgId === rid);
        const start = cur?.startOn ?? maxDate(org.foundedOn, orgs.get(rid)!.foundedOn);
        dualLinks.stage(
          rowKey(oid, rid, start),
          cur ? {} : { orgId: oid, regionalOrgId: rid, startOn: start, endOn: null },
          r.loc,
        );
      }
    }
  }
}
