/**
 * What happens to members afterwards: job changes between covered hosts in 2024–2025, status changes
 * (transferred out, deceased, expelled, stopped) and flags, then the member rows flattened into
 * relationship, workplace and transfer rows (with two pending requests and one sent back).
 */
import { addDays, maxDate, randomDate } from "../dates.ts";
import { outsideOrgName } from "../names.ts";
import type { TransferRow } from "../rows.ts";
import { type DemoCity, at } from "./model.ts";
import { randomHolder } from "./members.ts";

/** Members changing jobs between covered hosts in 2024–2025, moving their relationship along. */
export function moveMembers(city: DemoCity): void {
  const rng = city.rng;
  const destinations = [...city.units.values()].flatMap((u) =>
    u.hosts
      .filter((h) => city.operating(h) && h.covs.some((c) => c.orgId === u.org.id && c.endOn === null))
      .map((h) => ({ u, h })),
  );
  const movable = rng.shuffle(
    city.membersM.filter((m) => {
      const last = m.rels[m.rels.length - 1];
      const work = m.works[m.works.length - 1];
      return (
        !m.anchored && last?.orgId && last.start < "2023-10-01" && work && work.end === null && m.row.fullOn
      );
    }),
  );
  let moved = 0;
  for (const m of movable) {
    if (moved >= 36) break;
    const t = randomDate(rng, "2024-02-01", "2025-12-20");
    const dest = rng.pick(destinations);
    const cov = dest.h.covs.find((c) => c.orgId === dest.u.org.id && c.endOn === null);
    const last = at(m.rels, m.rels.length - 1);
    const work = at(m.works, m.works.length - 1);
    if (
      !cov ||
      cov.startOn > t ||
      dest.h.row.id === work.hostId ||
      dest.h.row.foundedOn > t ||
      work.start >= t
    )
      continue;
    const holder = randomHolder(city, dest.u);
    if (holder.id === last.orgId || holder.foundedOn > t) continue;
    last.end = t;
    m.rels.push({ orgId: holder.id, outside: null, start: t, end: null });
    work.end = t;
    m.works.push({ hostId: dest.h.row.id, start: t, end: null });
    m.row.orgId = holder.id;
    m.row.workHostId = dest.h.row.id;
    m.row.workSince = t;
    m.touched = true;
    moved++;
  }
}

/** A few members leave: transferred out of the city, deceased, expelled or membership stopped. */
export function changeStatuses(city: DemoCity): void {
  const rng = city.rng;
  const reasons = {
    transferredOut: "工作调动,组织关系转出本市",
    deceased: "因病去世",
    expelled: "严重违纪,给予开除党籍处分",
    stopped: "连续六个月以上不参加党的组织生活、不交纳党费,按规定停止党籍",
  } as const;
  for (const m of city.membersM) {
    if (m.anchored || m.touched || !m.row.fullOn || !rng.chance(0.016)) continue;
    const last = at(m.rels, m.rels.length - 1);
    const work = m.works[m.works.length - 1];
    const born1970 = m.row.birthDate < "1970-01-01";
    const status = rng.weighted([
      ["transferredOut", last.orgId ? 45 : 0],
      ["deceased", born1970 ? 40 : 2],
      ["expelled", 12],
      ["stopped", 8],
    ] as const);
    const lo = maxDate(addDays(last.start, 30), addDays(work?.start ?? last.start, 30), "2023-01-01");
    const hi = addDays(city.today, -3);
    if (lo > hi) continue;
    const on = randomDate(rng, lo, hi);
    m.row.status = status;
    m.row.statusOn = on;
    m.touched = true;
    city.d.statusEvents.push({
      id: city.d.statusEvents.length + 1,
      memberId: m.row.id,
      status,
      effectiveOn: on,
      reason: reasons[status],
    });
    if (status === "transferredOut") {
      last.end = on;
      const outside = outsideOrgName(rng);
      m.rels.push({ orgId: null, outside, start: on, end: null });
      m.row.orgId = null;
      m.row.outsideOrgName = outside;
    }
    if ((status === "transferredOut" || status === "deceased") && work && work.end === null) {
      work.end = on;
      m.row.workHostId = null;
      m.row.workSince = null;
    }
  }
  // Flags: lost contact and pocket members among those still normal.
  for (const m of city.membersM) {
    if (m.anchored || m.row.status !== "normal") continue;
    if (rng.chance(0.008)) m.row.lostContact = true;
    if (m.row.orgId === null && m.row.workHostId !== null && rng.chance(0.05)) m.row.pocket = true;
  }
}

/** Member rows, relationship and workplace rows, and the accepted transfers implied by the history. */
export function flattenMembers(city: DemoCity): void {
  const rng = city.rng;
  const transfer = (t: Omit<TransferRow, "id">) =>
    city.d.transfers.push({ id: city.d.transfers.length + 1, ...t });
  for (const m of city.membersM) {
    city.d.members.push(m.row);
    for (const [i, r] of m.rels.entries()) {
      city.d.relationships.push({
        id: city.d.relationships.length + 1,
        memberId: m.row.id,
        orgId: r.orgId,
        outsideOrgName: r.outside,
        startOn: r.start,
        endOn: r.end,
      });
      const prev = m.rels[i - 1];
      if (!prev) continue;
      const accepted = (requestedDaysBefore: number): Omit<TransferRow, "id"> => ({
        memberId: m.row.id,
        fromOrgId: prev.orgId,
        toOrgId: r.orgId,
        outsideOrgName: r.orgId === null ? r.outside : prev.orgId === null ? prev.outside : null,
        requestedOn: addDays(r.start, -requestedDaysBefore),
        effectiveOn: r.start,
        state: "accepted",
        decidedOn: r.start,
        decisionReason: null,
      });
      // Transfers within the tree are always recorded; arrivals from outside since 2024 too.
      if (prev.orgId !== null || r.start >= "2024-01-01") transfer(accepted(rng.int(3, 20)));
    }
    for (const w of m.works)
      city.d.workplaces.push({
        id: city.d.workplaces.length + 1,
        memberId: m.row.id,
        hostId: w.hostId,
        startOn: w.start,
        endOn: w.end,
      });
  }
  // Two requests waiting for the receiving organization, one sent back.
  const inTree = city.membersM.filter(
    (m) => !m.anchored && !m.touched && m.row.status === "normal" && m.row.orgId !== null && m.row.fullOn,
  );
  const targets = [...city.units.values()].filter((u) => u.hosts.length > 0).map((u) => u.org);
  for (let i = 0, tries = 0; i < 3 && inTree.length > 0 && tries < 100; tries++) {
    const m = rng.pick(inTree);
    const to = rng.pick(targets);
    if (to.id === m.row.orgId) continue;
    const requestedOn = randomDate(rng, addDays(city.today, -40), addDays(city.today, -2));
    const rejected = i === 2;
    i++;
    transfer({
      memberId: m.row.id,
      fromOrgId: m.row.orgId,
      toOrgId: to.id,
      outsideOrgName: null,
      requestedOn,
      effectiveOn: requestedOn,
      state: rejected ? "rejected" : "pending",
      decidedOn: rejected ? addDays(requestedOn, 1) : null,
      decisionReason: rejected ? "组织关系介绍信信息不完整,请核实后重新办理" : null,
    });
  }
}
