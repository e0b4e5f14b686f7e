/**
 * Secretaries of every grassroots organization (some changed once), whether it has 党小组, and its last
 * election (some overdue).
 */
import type { IsoDate, OrgCategory } from "@liangxin/domain";
import { addDays, addYears, maxDate, randomDate, yearOf } from "../dates.ts";
import { type DemoCity, type MemberM, at } from "./model.ts";

export function buildSecretaries(city: DemoCity): void {
  const rng = city.rng;
  const held = new Map<number, { m: MemberM; start: IsoDate }[]>();
  for (const m of city.membersM) {
    const last = at(m.rels, m.rels.length - 1);
    if (m.row.status !== "normal" || !m.row.fullOn || m.row.lostContact || last.orgId === null) continue;
    const list = held.get(last.orgId) ?? [];
    list.push({ m, start: last.start });
    held.set(last.orgId, list);
  }
  for (const org of city.d.orgs) {
    if (!isGrassroots(org.category)) continue;
    // 党小组 where there are enough full members to divide (seven or more); smaller ones meet as a whole.
    org.hasPartyGroups = (held.get(org.id)?.length ?? 0) >= 7;
    const candidates = (held.get(org.id) ?? [])
      .map((c) => ({ m: c.m, from: maxDate(c.start, c.m.row.fullOn ?? c.start, org.foundedOn) }))
      .sort(
        (a, b) =>
          Number(b.m.anchored) - Number(a.m.anchored) ||
          (a.from < b.from ? -1 : a.from > b.from ? 1 : a.m.row.id - b.m.row.id),
      );
    const c0 = candidates[0];
    if (!c0) throw new Error(`演示数据生成内部错误:${org.name} 没有可任书记的党员`);
    const c1 = candidates[1];
    const sec = (memberId: number, startOn: IsoDate, endOn: IsoDate | null) =>
      city.d.secretaries.push({
        id: city.d.secretaries.length + 1,
        orgId: org.id,
        memberId,
        startOn,
        endOn,
      });
    const changeFrom = c1 ? addDays(maxDate(c0.from, c1.from), 365) : null;
    const changeTo = addDays(city.today, -30);
    if (c1 && changeFrom && changeFrom <= changeTo && rng.chance(0.3)) {
      const change = randomDate(rng, changeFrom, changeTo);
      sec(c0.m.row.id, c0.from, change);
      sec(c1.m.row.id, change, null);
    } else {
      sec(c0.m.row.id, c0.from, null);
    }
    // The last election: every 5 years for a 基层党委, every 3 for 党总支/党支部; some are overdue.
    const term = org.category === "committee" ? 5 : 3;
    let k = Math.floor((yearOf(city.today) - yearOf(org.foundedOn)) / term);
    while (k > 0 && addYears(org.foundedOn, k * term) > city.today) k--;
    if (k > 0 && rng.chance(0.12)) k--;
    org.lastElectionOn = addYears(org.foundedOn, k * term);
  }
}

function isGrassroots(c: OrgCategory): boolean {
  return c === "committee" || c === "generalBranch" || c === "branch" || c === "jointBranch";
}
