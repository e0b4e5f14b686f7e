/**
 * Indicator parts (`IndicatorParts`): the additive counts behind the indicators of a set of hosts and
 * organizations. `Acc` accumulates the parts of one row host by host and organization by organization;
 * `sumIndicatorParts` adds rows' parts into a total (instructors united as distinct persons); and
 * `indicatorsFromParts` derives the indicators shown (counts, and rates rounded half-up, with the
 * year-over-year change of the organizational coverage rate computed from the unrounded rates).
 */
import { isGrassroots } from "../categories.ts";
import type { IndicatorParts, Indicators, MemberCounts, OrgCounts } from "../indicator-types.ts";
import { addFlows, emptyFlows } from "../member-flows.ts";
import { changePp, ratePct, roundOrNull, roundedRatePct } from "../numbers.ts";
import type { OrgRec } from "../types.ts";
import type { HostFacts, Tally } from "./as-of-index.ts";
import type { HostCounts } from "./counts.ts";

function emptyOrgCounts(): OrgCounts {
  return { total: 0, committees: 0, generalBranches: 0, branches: 0, jointBranches: 0 };
}

function emptyMemberCounts(): MemberCounts {
  return { total: 0, full: 0, probationary: 0 };
}

export function emptyIndicatorParts(hasTerritory: boolean): IndicatorParts {
  return {
    hasTerritory,
    hosts: 0,
    enterprises: 0,
    socialOrgs: 0,
    employees: 0,
    aboveScale: 0,
    aboveScaleCovered: 0,
    withMembers: 0,
    withThreeMembers: 0,
    threeMemberStandalone: 0,
    orgCovered: 0,
    coveredByMode: { standalone: 0, joint: 0, affiliated: 0, regional: 0 },
    shouldEstablishNotEstablished: 0,
    instructorCovered: 0,
    workCovered: 0,
    membersEmployed: 0,
    instructorIds: [],
    orgs: emptyOrgCounts(),
    members: emptyMemberCounts(),
    flows: emptyFlows(),
  };
}

/** A mutable accumulator: parts plus a Set of instructors. */
export class Acc {
  readonly parts: IndicatorParts;
  private readonly instructors = new Set<number>();

  constructor(hasTerritory: boolean) {
    this.parts = emptyIndicatorParts(hasTerritory);
  }

  addHost(f: HostFacts): void {
    const p = this.parts;
    p.hosts++;
    if (f.kind === "enterprise") p.enterprises++;
    else p.socialOrgs++;
    p.employees += f.employees;
    if (f.aboveScale) p.aboveScale++;
    if (f.aboveScale && f.orgCovered) p.aboveScaleCovered++;
    if (f.withMembers) p.withMembers++;
    if (f.withThreeMembers) p.withThreeMembers++;
    if (f.withThreeMembers && f.coveredMode === "standalone") p.threeMemberStandalone++;
    if (f.orgCovered) p.orgCovered++;
    if (f.coveredMode !== null) p.coveredByMode[f.coveredMode]++;
    if (f.shouldEstablishNotEstablished) p.shouldEstablishNotEstablished++;
    if (f.instructorCovered) p.instructorCovered++;
    if (f.workCovered) p.workCovered++;
    p.membersEmployed += f.membersWorking;
    for (const i of f.instructorIds) this.instructors.add(i);
  }

  /** The hosts of a region counted by the database (`HostCounts`: `addHost` summed) and their instructors. */
  addHostCounts(c: HostCounts, instructorIds: readonly number[]): void {
    const p = this.parts;
    p.hosts += c.hosts;
    p.enterprises += c.enterprises;
    p.socialOrgs += c.hosts - c.enterprises;
    p.employees += c.employees;
    p.aboveScale += c.aboveScale;
    p.aboveScaleCovered += c.aboveScaleCovered;
    p.withMembers += c.withMembers;
    p.withThreeMembers += c.withThreeMembers;
    p.threeMemberStandalone += c.threeMemberStandalone;
    p.orgCovered += c.orgCovered;
    p.coveredByMode.standalone += c.standalone;
    p.coveredByMode.joint += c.joint;
    p.coveredByMode.affiliated += c.affiliated;
    p.coveredByMode.regional += c.regional;
    p.shouldEstablishNotEstablished += c.shouldEstablishNotEstablished;
    p.instructorCovered += c.instructorCovered;
    p.workCovered += c.workCovered;
    p.membersEmployed += c.membersEmployed;
    for (const i of instructorIds) this.instructors.add(i);
  }

  addOrg(org: OrgRec | undefined, members: Tally | undefined): void {
    if (org && isGrassroots(org.category)) {
      const o = this.parts.orgs;
      o.total++;
      if (org.category === "committee") o.committees++;
      else if (org.category === "generalBranch") o.generalBranches++;
      else {
        o.branches++;
        if (org.category === "jointBranch") o.jointBranches++;
      }
    }
    if (members) {
      const m = this.parts.members;
      m.total += members.all;
      m.full += members.full;
      m.probationary += members.all - members.full;
    }
  }

  finish(): IndicatorParts {
    this.parts.instructorIds = [...this.instructors].sort((a, b) => a - b);
    return this.parts;
  }
}

/**
 * The sum of parts: every count adds up, instructors are united (distinct persons). The result has a
 * territory as given (a node's total has one when the node has).
 */
export function sumIndicatorParts(parts: readonly IndicatorParts[], hasTerritory: boolean): IndicatorParts {
  const s = emptyIndicatorParts(hasTerritory);
  const instructors = new Set<number>();
  for (const p of parts) {
    s.hosts += p.hosts;
    s.enterprises += p.enterprises;
    s.socialOrgs += p.socialOrgs;
    s.employees += p.employees;
    s.aboveScale += p.aboveScale;
    s.aboveScaleCovered += p.aboveScaleCovered;
    s.withMembers += p.withMembers;
    s.withThreeMembers += p.withThreeMembers;
    s.threeMemberStandalone += p.threeMemberStandalone;
    s.orgCovered += p.orgCovered;
    s.coveredByMode.standalone += p.coveredByMode.standalone;
    s.coveredByMode.joint += p.coveredByMode.joint;
    s.coveredByMode.affiliated += p.coveredByMode.affiliated;
    s.coveredByMode.regional += p.coveredByMode.regional;
    s.shouldEstablishNotEstablished += p.shouldEstablishNotEstablished;
    s.instructorCovered += p.instructorCovered;
    s.workCovered += p.workCovered;
    s.membersEmployed += p.membersEmployed;
    for (const i of p.instructorIds) instructors.add(i);
    s.orgs.total += p.orgs.total;
    s.orgs.committees += p.orgs.committees;
    s.orgs.generalBranches += p.orgs.generalBranches;
    s.orgs.branches += p.orgs.branches;
    s.orgs.jointBranches += p.orgs.jointBranches;
    s.members.total += p.members.total;
    s.members.full += p.members.full;
    s.members.probationary += p.members.probationary;
    addFlows(s.flows, p.flows);
  }
  s.instructorIds = [...instructors].sort((a, b) => a - b);
  return s;
}

/** The unrounded organizational coverage rate of some parts; null without territory or hosts. */
export function orgCoverageRateUnrounded(parts: IndicatorParts): number | null {
  return parts.hasTerritory ? ratePct(parts.orgCovered, parts.hosts) : null;
}

/**
 * Indicators from parts: counts copied (host-side null without territory), rates rounded half-up.
 * `prevOrgCoverageRate` is last year's UNROUNDED rate (or null): it is shown rounded, and the change in
 * percentage points is computed from the two unrounded rates.
 */
export function indicatorsFromParts(
  parts: IndicatorParts,
  opts?: { prevOrgCoverageRate?: number | null },
): Indicators {
  const t = parts.hasTerritory;
  const n = (x: number): number | null => (t ? x : null);
  const r = (num: number, den: number): number | null => (t ? roundedRatePct(num, den) : null);
  const cur = orgCoverageRateUnrounded(parts);
  const prev = opts?.prevOrgCoverageRate ?? null;
  return {
    hosts: n(parts.hosts),
    enterprises: n(parts.enterprises),
    socialOrgs: n(parts.socialOrgs),
    employees: n(parts.employees),
    aboveScale: n(parts.aboveScale),
    withMembers: n(parts.withMembers),
    withThreeMembers: n(parts.withThreeMembers),
    orgCovered: n(parts.orgCovered),
    coveredByMode: {
      standalone: n(parts.coveredByMode.standalone),
      joint: n(parts.coveredByMode.joint),
      affiliated: n(parts.coveredByMode.affiliated),
      regional: n(parts.coveredByMode.regional),
    },
    orgCoverageRate: roundOrNull(cur),
    standaloneRate: r(parts.coveredByMode.standalone, parts.hosts),
    aboveScaleCoverageRate: r(parts.aboveScaleCovered, parts.aboveScale),
    threeMemberStandaloneRate: r(parts.threeMemberStandalone, parts.withThreeMembers),
    shouldEstablishNotEstablished: n(parts.shouldEstablishNotEstablished),
    instructorCovered: n(parts.instructorCovered),
    instructors: n(parts.instructorIds.length),
    workCovered: n(parts.workCovered),
    workCoverageRate: r(parts.workCovered, parts.hosts),
    membersEmployed: n(parts.membersEmployed),
    membersShareOfEmployees: r(parts.membersEmployed, parts.employees),
    orgs: { ...parts.orgs },
    members: { ...parts.members },
    flows: { ...emptyFlows(), ...parts.flows },
    prevOrgCoverageRate: t ? roundOrNull(prev) : null,
    orgCoverageRateChangePp: t ? changePp(cur, prev) : null,
  };
}
