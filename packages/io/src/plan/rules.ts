/**
 * The domain rules on the records as they would be after the import (run only when every row is valid):
 * coverages that overlap, organizations standing alone, members' relationship histories (today and the
 * last three year ends). Only violations touching a record of the import are reported, each naming the
 * import rows behind it (sheet and row numbers).
 */
import {
  checkCoverageOverlaps,
  checkMemberRelationships,
  checkStandaloneCoverage,
  yearEnd,
  type OrgCategory,
  type Snapshot,
  type Violation,
} from "@liangxin/domain";
import { ioMessages as m } from "../messages.ts";
import type { Loc } from "../tables.ts";
import type { PlanContext } from "./context.ts";
import type { CoverageLoc } from "./coverages.ts";
import type { Transfer } from "./relationships.ts";
import type { PlanState } from "./state.ts";

/** The working copies as the domain's snapshot. */
function snapshotOf(s: PlanState): Snapshot {
  return {
    regions: [...s.regions.rows.values()].map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      level: r.level as Snapshot["regions"][number]["level"],
      parentId: r.parentId,
    })),
    orgs: [...s.orgs.rows.values()].map((o) => ({
      id: o.id,
      code: o.code,
      name: o.name,
      category: o.category as OrgCategory,
      parentId: o.parentId,
      regionId: o.regionId,
      formationMode: o.formationMode as Snapshot["orgs"][number]["formationMode"],
      foundedOn: o.foundedOn,
      revokedOn: o.revokedOn,
    })),
    reparentings: [...s.reparentings.rows.values()],
    dualLinks: [...s.dualLinks.rows.values()],
    hosts: [...s.hosts.rows.values()].map((h) => ({
      id: h.id,
      creditCode: h.creditCode,
      name: h.name,
      kind: h.kind as Snapshot["hosts"][number]["kind"],
      regionId: h.regionId,
      foundedOn: h.foundedOn,
      closedOn: h.closedOn,
      unionOn: h.unionOn,
      youthLeagueOn: h.youthLeagueOn,
      womenOn: h.womenOn,
    })),
    hostYears: [...s.hostYears.rows.values()],
    coverages: [...s.coverages.rows.values()],
    members: [...s.members.rows.values()].map((x) => ({ id: x.id, joinedOn: x.joinedOn, fullOn: x.fullOn })),
    relationships: [...s.relationships.rows.values()],
    workplaces: [...s.workplaces.rows.values()],
    statusEvents: [...s.statusEvents.rows.values()].map((e) => ({
      memberId: e.memberId,
      status: e.status as Snapshot["statusEvents"][number]["status"],
      effectiveOn: e.effectiveOn,
    })),
    instructors: [...s.instructors.rows.values()],
    assignments: [...s.assignments.rows.values()],
  };
}

export function checkDomainRules(
  cx: PlanContext,
  coverageLocs: readonly CoverageLoc[],
  transfersOf: ReadonlyMap<number, Transfer[]>,
): void {
  const { hosts, members } = cx.state;
  const snapshot = snapshotOf(cx.state);
  const touchedHosts = new Set(coverageLocs.map((c) => c.hostId));
  const touchedOrgs = new Set(coverageLocs.map((c) => c.orgId));
  for (const id of hosts.locOf.keys()) touchedHosts.add(id);
  const memberName = (id: number) => members.get(id)?.name ?? String(id);
  /** The import rows behind a violation: the first, and all of them by sheet. */
  const describe = (v: Violation): { loc: Loc | null; rows: string } => {
    const locs: Loc[] = [];
    const hs = v.refs?.hostIds ?? [];
    const os = v.refs?.orgIds ?? [];
    for (const c of coverageLocs)
      if (hs.includes(c.hostId) && (os.length === 0 || os.includes(c.orgId))) locs.push(c.loc);
    for (const id of v.refs?.memberIds ?? []) {
      const loc = members.locOf.get(id);
      if (loc) locs.push(loc);
      for (const tr of transfersOf.get(id) ?? []) locs.push(tr.loc);
    }
    if (locs.length === 0) for (const id of hs) if (hosts.locOf.get(id)) locs.push(hosts.locOf.get(id)!);
    const bySheet = new Map<string, number[]>();
    for (const l of locs) bySheet.set(l.sheet, [...(bySheet.get(l.sheet) ?? []), l.row]);
    const rows = [...bySheet]
      .map(([s, rs]) =>
        m.rowRef(
          s,
          [...new Set(rs)].sort((a, b) => a - b),
        ),
      )
      .join(";");
    return { loc: locs[0] ?? null, rows };
  };
  const report = (v: Violation) => {
    const { loc, rows } = describe(v);
    cx.errors.push({
      sheet: loc?.sheet ?? "",
      row: loc?.row ?? null,
      column: "",
      value: v.refs?.date ?? "",
      reason: m.rule(v.message, rows),
    });
  };
  for (const v of checkCoverageOverlaps(snapshot))
    if (v.level === "error" && (v.refs?.hostIds ?? []).some((h) => touchedHosts.has(h))) report(v);
  for (const v of checkStandaloneCoverage(snapshot))
    if (
      v.level === "error" &&
      ((v.refs?.orgIds ?? []).some((o) => touchedOrgs.has(o)) ||
        (v.refs?.hostIds ?? []).some((h) => touchedHosts.has(h)))
    )
      report(v);
  const touchedMembers = new Set<number>([...members.locOf.keys(), ...transfersOf.keys()]);
  const year = Number(cx.today.slice(0, 4));
  const dates = [cx.today, yearEnd(year - 1), yearEnd(year - 2), yearEnd(year - 3)];
  const reported = new Set<number>();
  for (const d of dates)
    for (const v of checkMemberRelationships(snapshot, d, memberName)) {
      const id = v.refs?.memberIds?.[0];
      if (id === undefined || !touchedMembers.has(id) || reported.has(id)) continue;
      reported.add(id);
      report(v);
    }
}
