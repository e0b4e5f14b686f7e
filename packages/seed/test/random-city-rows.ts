/**
 * A random city of the domain's generator (`city-gen.ts`) as the rows the database holds, for the tests that
 * hold what the database counts to the domain's reference computation over the same city.
 */
import type { Policy, Snapshot } from "@liangxin/domain";
import type { SeedData } from "../src/rows.ts";

/** The materialized path of each record of a forest, `/root/…/id/` (the schema's `path`), and its depth. */
function paths(
  recs: readonly { id: number; parentId: number | null }[],
): Map<number, { path: string; depth: number }> {
  const byId = new Map(recs.map((r) => [r.id, r]));
  const out = new Map<number, { path: string; depth: number }>();
  const of = (id: number): { path: string; depth: number } => {
    let p = out.get(id);
    if (!p) {
      const parent = byId.get(id)!.parentId;
      const up = parent === null ? { path: "/", depth: -1 } : of(parent);
      out.set(id, (p = { path: `${up.path}${id}/`, depth: up.depth + 1 }));
    }
    return p;
  };
  for (const r of recs) of(r.id);
  return out;
}

/**
 * A random city's snapshot as the rows the database holds (ids kept; rows of a table numbered in order),
 * with `policy` in force since 2000 when given (else the defaults).
 */
export function rowsOf(s: Snapshot, policy?: Policy): SeedData {
  const regionPaths = paths(s.regions);
  const orgPaths = paths(s.orgs);
  const root = s.orgs.find((o) => o.parentId === null)!.id;
  const numbered = <T>(xs: readonly T[]) => xs.map((x, i) => ({ ...x, id: i + 1 }));
  return {
    regions: s.regions.map((r) => ({ ...r, ...regionPaths.get(r.id)! })),
    orgs: s.orgs.map((o) => ({
      ...o,
      ...orgPaths.get(o.id)!,
      lastElectionOn: null,
      hasPartyGroups: false,
    })),
    reparentings: numbered(s.reparentings).map((r) => ({ ...r, docNo: null, reason: null })),
    dualLinks: numbered(s.dualLinks),
    hosts: s.hosts.map((h) => ({
      ...h,
      creditCode: `91350100MA${String(h.id).padStart(8, "0")}`,
      industry: null,
      ownerName: null,
      ownerIsMember: false,
      contactPhone: null,
      address: null,
    })),
    hostYears: s.hostYears.map((y) => ({ ...y })),
    coverages: numbered(s.coverages),
    members: s.members.map((m) => ({
      ...m,
      idNumber: `350100199001${String(m.id).padStart(6, "0")}`,
      name: `党员${m.id}`,
      gender: "male" as const,
      birthDate: "1970-01-01",
      orgId: null,
      outsideOrgName: null,
      workHostId: null,
      workSince: null,
      jobCategory: null,
      status: "normal" as const,
      statusOn: null,
      mobile: false,
      lostContact: false,
      pocket: false,
      phone: null,
    })),
    relationships: numbered(s.relationships).map((r) => ({
      ...r,
      outsideOrgName: r.orgId === null ? "外地党组织" : null,
    })),
    workplaces: numbered(s.workplaces),
    statusEvents: numbered(s.statusEvents).map((e) => ({ ...e, reason: null })),
    transfers: [],
    applicants: [],
    secretaries: [],
    instructors: s.instructors.map((i) => ({
      ...i,
      name: `指导员${i.id}`,
      kind: "fullTime" as const,
      dispatchOrgId: null,
      dispatchOrgName: null,
      registeredById: root,
      phone: null,
    })),
    assignments: numbered(s.assignments),
    policies: policy ? [{ id: 1, effectiveOn: "2000-01-01", params: policy, note: null }] : [],
  };
}
