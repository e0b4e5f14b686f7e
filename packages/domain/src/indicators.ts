/**
 * The indicator dictionary (domain.md), computed one way for the dashboard, the year-end report and the
 * exports. Hosts are counted by territory, organizations and members by subordination.
 *
 * Work is split in two: an `AsOfIndex` scans the snapshot once for a date D (coverage, assignments,
 * member status/relationship/workplace as of D, per-host facts), then any number of rows are bucketed
 * over it in O(hosts + orgs). A report therefore costs two indexes (D and the previous 31 December).
 */
import { countedMode, isGrassroots, isTownshipLevel } from "./categories.ts";
import { inForce, yearEnd, yearOf } from "./dates.ts";
import { AppError } from "./app-error.ts";
import type {
  IndicatorParts,
  Indicators,
  MemberCounts,
  OrgCounts,
  Report,
  ReportRow,
  ReportRowKind,
} from "./indicator-types.ts";
import { DIRECT_ROW_NAME } from "./labels.ts";
import { MESSAGES } from "./messages.ts";
import { addFlows, emptyFlows, flowContext, partitionFlows, wholeNode } from "./member-flows.ts";
import { changePp, ratePct, roundOrNull, roundedRatePct } from "./numbers.ts";
import type { Policy, PolicyVersion } from "./policy.ts";
import { OrgTree, RegionTree } from "./tree.ts";
import type {
  CountedMode,
  CoverageRec,
  HostKind,
  HostRec,
  HostYearRec,
  IsoDate,
  MemberStatus,
  OrgRec,
  Snapshot,
} from "./types.ts";

// ---------------------------------------------------------------------------------------------------
// Per-host facts as of D.

/** Everything the indicators need to know about one operating host as of D. */
export interface HostFacts {
  hostId: number;
  kind: HostKind;
  regionId: number;
  /** From the host's figures of year(D), else the latest earlier year; 0 / null when none. */
  employees: number;
  revenue: number | null;
  /** The year whose figures were used, null when none. */
  figuresYear: number | null;
  aboveScale: boolean;
  /** Members (status 正常, joined) working there as of D, wherever their relationship is held. */
  membersWorking: number;
  fullMembersWorking: number;
  withMembers: boolean;
  withThreeMembers: boolean;
  /** The organization covering the host as of D (itself in force), else null. */
  coveringOrgId: number | null;
  coveredMode: CountedMode | null;
  orgCovered: boolean;
  shouldEstablish: boolean;
  shouldEstablishNotEstablished: boolean;
  /** Instructors with an assignment in force at D, ascending. */
  instructorIds: readonly number[];
  instructorCovered: boolean;
  /** A trade union, youth league or women's organization set up on or before D. */
  massOrganizations: boolean;
  workCovered: boolean;
}

/** A member as of D. */
export interface MemberAsOf {
  status: MemberStatus;
  /** Status 正常 and joined on or before D: the member counts. */
  counts: boolean;
  full: boolean;
  /** The organization holding the relationship; null when held outside the tree; undefined when none. */
  relationshipOrgId: number | null | undefined;
  workplaceHostId: number | undefined;
}

interface Tally {
  all: number;
  full: number;
}

/**
 * Date-independent lookups shared by the indexes of several dates (a report uses two): the region tree
 * and the slot of each member in typed arrays.
 */
export class SnapshotShared {
  readonly regionTree: RegionTree;
  private readonly members: Snapshot["members"];
  private slots: { dense: boolean; map: Map<number, number> | null; size: number } | undefined;

  constructor(snapshot: Snapshot) {
    this.regionTree = new RegionTree(snapshot.regions);
    this.members = snapshot.members;
  }

  /** Members are addressed by slot: their id when ids are dense, else their position. */
  memberSlots(): { size: number; slotOf: (memberId: number) => number } {
    if (!this.slots) {
      let maxId = -1;
      let dense = true;
      for (const m of this.members) {
        if (!Number.isInteger(m.id) || m.id < 0) dense = false;
        else if (m.id > maxId) maxId = m.id;
      }
      dense = dense && maxId < 2 * this.members.length + 1024;
      if (dense) this.slots = { dense: true, map: null, size: maxId + 1 };
      else {
        const map = new Map<number, number>();
        this.members.forEach((m, i) => map.set(m.id, i));
        this.slots = { dense: false, map, size: this.members.length };
      }
    }
    const { dense, map, size } = this.slots;
    return {
      size,
      slotOf: dense
        ? (id) => (Number.isInteger(id) && id >= 0 && id < size ? id : -1)
        : (id) => map!.get(id) ?? -1,
    };
  }
}

const COUNTS = 1;
const FULL = 2;
const KNOWN = 4;

interface MemberArrays {
  slotOf: (memberId: number) => number;
  /** KNOWN | COUNTS | FULL per slot. */
  flags: Uint8Array;
  status: (slot: number) => MemberStatus;
  /** Index into snapshot.relationships of the relationship in force, or -1. */
  rel: Int32Array;
  /** Index into snapshot.workplaces of the workplace in force, or -1. */
  work: Int32Array;
}

/**
 * The snapshot indexed for one date. Build it once per date and reuse it for every row, node and export
 * of that date. Member-side and figure indexes are built on first use.
 */
export class AsOfIndex {
  readonly asOf: IsoDate;
  readonly year: number;
  readonly tree: OrgTree;
  readonly shared: SnapshotShared;
  /** Hosts operating at D (founded on or before D, not closed on or before D). */
  readonly operatingHosts: readonly HostRec[];
  readonly snapshot: Snapshot;

  private readonly coverageByHost = new Map<number, CoverageRec>();
  private instructorsByHost: Map<number, number[]> | undefined;
  private figuresByHost: Map<number, HostYearRec> | undefined;
  private memberArrays: MemberArrays | undefined;
  private orgMembers: Map<number, Tally> | undefined;
  private hostWorkers: Map<number, Tally> | undefined;
  private readonly factsCache = new WeakMap<Policy, { facts: Map<number, HostFacts>; complete: boolean }>();

  constructor(snapshot: Snapshot, asOf: IsoDate, shared?: SnapshotShared) {
    this.snapshot = snapshot;
    this.asOf = asOf;
    this.year = yearOf(asOf);
    this.shared = shared ?? new SnapshotShared(snapshot);
    this.tree = new OrgTree(snapshot.orgs, snapshot.reparentings, asOf);
    this.operatingHosts = snapshot.hosts.filter((h) => inForce(h.foundedOn, h.closedOn, asOf));
    for (const c of snapshot.coverages) {
      if (!inForce(c.startOn, c.endOn, asOf) || !this.tree.has(c.orgId)) continue;
      const cur = this.coverageByHost.get(c.hostId);
      // Two coverages in force is an error reported by the rules; pick the latest deterministically.
      if (!cur || c.startOn > cur.startOn || (c.startOn === cur.startOn && c.orgId < cur.orgId)) {
        this.coverageByHost.set(c.hostId, c);
      }
    }
  }

  get regionTree(): RegionTree {
    return this.shared.regionTree;
  }

  /** The covering organization's id as of D (only when that organization is in force), else null. */
  coveringOrgOf(hostId: number): number | null {
    return this.coverageByHost.get(hostId)?.orgId ?? null;
  }

  /** Instructors assigned to the host as of D, ascending. */
  instructorsOf(hostId: number): readonly number[] {
    if (!this.instructorsByHost) {
      const map = new Map<number, number[]>();
      for (const a of this.snapshot.assignments) {
        if (!inForce(a.startOn, a.endOn, this.asOf)) continue;
        const list = map.get(a.hostId);
        if (!list) map.set(a.hostId, [a.instructorId]);
        else if (!list.includes(a.instructorId)) list.push(a.instructorId);
      }
      for (const list of map.values()) list.sort((x, y) => x - y);
      this.instructorsByHost = map;
    }
    return this.instructorsByHost.get(hostId) ?? [];
  }

  /** The host's figures of year(D), else of the latest earlier year. */
  figuresOf(hostId: number): HostYearRec | undefined {
    if (!this.figuresByHost) {
      const map = new Map<number, HostYearRec>();
      for (const hy of this.snapshot.hostYears) {
        if (hy.year > this.year) continue;
        const cur = map.get(hy.hostId);
        if (!cur || hy.year >= cur.year) map.set(hy.hostId, hy);
      }
      this.figuresByHost = map;
    }
    return this.figuresByHost.get(hostId);
  }

  private arrays(): MemberArrays {
    if (this.memberArrays) return this.memberArrays;
    const d = this.asOf;
    const snap = this.snapshot;
    const { size, slotOf } = this.shared.memberSlots();
    const flags = new Uint8Array(size);
    for (const m of snap.members) {
      const slot = slotOf(m.id);
      if (slot < 0) continue;
      let f = KNOWN;
      if (m.joinedOn <= d) f |= COUNTS;
      if (m.fullOn !== null && m.fullOn <= d) f |= FULL;
      flags[slot] = f;
    }
    // Status: the latest event on or before D (few members have any).
    const statusAt = new Map<number, { status: MemberStatus; on: IsoDate }>();
    for (const e of snap.statusEvents) {
      if (e.effectiveOn > d) continue;
      const slot = slotOf(e.memberId);
      if (slot < 0) continue;
      const cur = statusAt.get(slot);
      if (!cur || e.effectiveOn >= cur.on) statusAt.set(slot, { status: e.status, on: e.effectiveOn });
    }
    for (const [slot, st] of statusAt) if (st.status !== "normal") flags[slot]! &= ~COUNTS;
    const pick = (
      recs: readonly { memberId: number; startOn: IsoDate; endOn: IsoDate | null }[],
    ): Int32Array => {
      const out = new Int32Array(size).fill(-1);
      for (let i = 0; i < recs.length; i++) {
        const r = recs[i]!;
        if (!(r.startOn <= d && (r.endOn === null || d < r.endOn))) continue;
        const slot = slotOf(r.memberId);
        if (slot < 0) continue;
        const prev = out[slot]!;
        if (prev < 0 || r.startOn >= recs[prev]!.startOn) out[slot] = i;
      }
      return out;
    };
    this.memberArrays = {
      slotOf,
      flags,
      status: (slot) => statusAt.get(slot)?.status ?? "normal",
      rel: pick(snap.relationships),
      work: pick(snap.workplaces),
    };
    return this.memberArrays;
  }

  /** One member as of D (status, counts, full, relationship, workplace); undefined when unknown. */
  memberAsOf(memberId: number): MemberAsOf | undefined {
    const a = this.arrays();
    const slot = a.slotOf(memberId);
    if (slot < 0 || !(a.flags[slot]! & KNOWN)) return undefined;
    const f = a.flags[slot]!;
    const rel = a.rel[slot]!;
    const work = a.work[slot]!;
    return {
      status: a.status(slot),
      counts: (f & COUNTS) !== 0,
      full: (f & FULL) !== 0,
      relationshipOrgId: rel < 0 ? undefined : this.snapshot.relationships[rel]!.orgId,
      workplaceHostId: work < 0 ? undefined : this.snapshot.workplaces[work]!.hostId,
    };
  }

  /** Counting members by the organization holding their relationship as of D. */
  membersByOrg(): ReadonlyMap<number, Tally> {
    if (this.orgMembers) return this.orgMembers;
    const a = this.arrays();
    const rels = this.snapshot.relationships;
    const map = new Map<number, Tally>();
    for (let slot = 0; slot < a.flags.length; slot++) {
      const f = a.flags[slot]!;
      const rel = a.rel[slot]!;
      if (!(f & COUNTS) || rel < 0) continue;
      const orgId = rels[rel]!.orgId;
      if (orgId === null) continue;
      let t = map.get(orgId);
      if (!t) map.set(orgId, (t = { all: 0, full: 0 }));
      t.all++;
      if (f & FULL) t.full++;
    }
    this.orgMembers = map;
    return map;
  }

  /**
   * Every member counting as of D (status 正常, joined), with the organization holding the relationship
   * (null: held outside the tree or none) and the host of the workplace (null: none): the records behind
   * the member counts.
   */
  forEachCountedMember(
    fn: (memberId: number, orgId: number | null, full: boolean, hostId: number | null) => void,
  ): void {
    const a = this.arrays();
    const rels = this.snapshot.relationships;
    const works = this.snapshot.workplaces;
    for (const m of this.snapshot.members) {
      const slot = a.slotOf(m.id);
      if (slot < 0) continue;
      const f = a.flags[slot]!;
      if (!(f & COUNTS)) continue;
      const rel = a.rel[slot]!;
      const work = a.work[slot]!;
      fn(m.id, rel < 0 ? null : rels[rel]!.orgId, (f & FULL) !== 0, work < 0 ? null : works[work]!.hostId);
    }
  }

  /** Counting members by the host they work in as of D. */
  workersByHost(): ReadonlyMap<number, Tally> {
    if (this.hostWorkers) return this.hostWorkers;
    const a = this.arrays();
    const works = this.snapshot.workplaces;
    const map = new Map<number, Tally>();
    for (let slot = 0; slot < a.flags.length; slot++) {
      const f = a.flags[slot]!;
      const work = a.work[slot]!;
      if (!(f & COUNTS) || work < 0) continue;
      const hostId = works[work]!.hostId;
      let t = map.get(hostId);
      if (!t) map.set(hostId, (t = { all: 0, full: 0 }));
      t.all++;
      if (f & FULL) t.full++;
    }
    this.hostWorkers = map;
    return map;
  }

  /** Facts of every operating host under `policy` (cached per policy object). */
  hostFacts(policy: Policy): ReadonlyMap<number, HostFacts> {
    const cache = this.factsFor(policy);
    if (!cache.complete) {
      for (const h of this.operatingHosts) this.hostFact(h, policy);
      cache.complete = true;
    }
    return cache.facts;
  }

  private factsFor(policy: Policy): { facts: Map<number, HostFacts>; complete: boolean } {
    let cache = this.factsCache.get(policy);
    if (!cache) this.factsCache.set(policy, (cache = { facts: new Map(), complete: false }));
    return cache;
  }

  /** The facts of one operating host under `policy` (cached). */
  hostFact(h: HostRec, policy: Policy): HostFacts {
    const facts = this.factsFor(policy).facts;
    const cached = facts.get(h.id);
    if (cached) return cached;
    const fig = this.figuresOf(h.id);
    const employees = fig?.employees ?? 0;
    const revenue = fig?.revenue ?? null;
    const aboveScale =
      h.kind === "enterprise" &&
      (employees >= policy.aboveScaleEmployees ||
        (employees >= policy.aboveScaleMidEmployees &&
          revenue !== null &&
          revenue >= policy.aboveScaleRevenue));
    const w = this.workersByHost().get(h.id);
    const membersWorking = w?.all ?? 0;
    const fullMembersWorking = w?.full ?? 0;
    const withThreeMembers =
      (policy.onlyFullMembersCount ? fullMembersWorking : membersWorking) >= policy.minMembersForBranch;
    const coveringOrgId = this.coveringOrgOf(h.id);
    const coveringOrg = coveringOrgId === null ? undefined : this.tree.org(coveringOrgId);
    const orgCovered = coveringOrg !== undefined;
    const coveredMode = coveringOrg?.formationMode ? countedMode(coveringOrg.formationMode) : null;
    const shouldEstablish = withThreeMembers || aboveScale;
    const instructorIds = this.instructorsOf(h.id);
    const hasInstructor = instructorIds.length > 0;
    const d = this.asOf;
    const massOrganizations =
      (h.unionOn !== null && h.unionOn <= d) ||
      (h.youthLeagueOn !== null && h.youthLeagueOn <= d) ||
      (h.womenOn !== null && h.womenOn <= d);
    const fact: HostFacts = {
      hostId: h.id,
      kind: h.kind,
      regionId: h.regionId,
      employees,
      revenue,
      figuresYear: fig?.year ?? null,
      aboveScale,
      membersWorking,
      fullMembersWorking,
      withMembers: membersWorking > 0,
      withThreeMembers,
      coveringOrgId: orgCovered ? coveringOrgId : null,
      coveredMode,
      orgCovered,
      shouldEstablish,
      shouldEstablishNotEstablished: shouldEstablish && !orgCovered,
      instructorIds,
      instructorCovered: !orgCovered && hasInstructor,
      massOrganizations,
      workCovered:
        orgCovered ||
        (policy.workCoverage.instructor && hasInstructor) ||
        (policy.workCoverage.massOrganizations && massOrganizations),
    };
    facts.set(h.id, fact);
    return fact;
  }
}

export function buildAsOfIndex(snapshot: Snapshot, asOf: IsoDate, shared?: SnapshotShared): AsOfIndex {
  return new AsOfIndex(snapshot, asOf, shared);
}

/** Per-host facts as of D (the ledger's computed columns). */
export function hostFactsAsOf(
  snapshot: Snapshot,
  asOf: IsoDate,
  policy: Policy,
): ReadonlyMap<number, HostFacts> {
  return new AsOfIndex(snapshot, asOf).hostFacts(policy);
}

// ---------------------------------------------------------------------------------------------------
// Parts: accumulate, sum, derive.

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
class Acc {
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

// ---------------------------------------------------------------------------------------------------
// One set of hosts and organizations.

export interface IndicatorScope {
  asOf: IsoDate;
  policy: Policy;
  /** The territory (region ids) whose hosts are counted; null: no territory (host-side keys null). */
  territoryRegionIds: ReadonlySet<number> | null;
  /** The organizations whose grassroots organizations and held members are counted. */
  orgIds: ReadonlySet<number>;
}

/** Parts over an index already built for the date. */
export function computeIndicatorPartsFromIndex(
  index: AsOfIndex,
  scope: Omit<IndicatorScope, "asOf">,
): IndicatorParts {
  const acc = new Acc(scope.territoryRegionIds !== null);
  const territory = scope.territoryRegionIds;
  if (territory !== null) {
    for (const h of index.operatingHosts)
      if (territory.has(h.regionId)) acc.addHost(index.hostFact(h, scope.policy));
  }
  const byOrg = index.membersByOrg();
  for (const id of scope.orgIds) acc.addOrg(index.tree.org(id), byOrg.get(id));
  return acc.finish();
}

export function computeIndicatorParts(snapshot: Snapshot, scope: IndicatorScope): IndicatorParts {
  return computeIndicatorPartsFromIndex(new AsOfIndex(snapshot, scope.asOf), scope);
}

/** The indicators of one territory and one set of organizations as of D (no year-over-year). */
export function computeIndicators(snapshot: Snapshot, scope: IndicatorScope): Indicators {
  return indicatorsFromParts(computeIndicatorParts(snapshot, scope));
}

// ---------------------------------------------------------------------------------------------------
// A management node split into its report rows.

interface RowSpec {
  kind: Exclude<ReportRowKind, "annex">;
  org: OrgRec;
  hasTerritory: boolean;
}

/**
 * The rows of a node as of the index's date, and which row each region and organization falls in. Every
 * host of the node's territory lands in exactly one row: the child whose territory is its nearest
 * enclosing one, else 直属. Every organization of the node's subtree lands in exactly one row: under a
 * child management node, else 直属 (with the node itself).
 */
export interface NodePartition {
  node: OrgRec;
  rows: RowSpec[];
  /** Row index of a region of the node's territory; absent: outside the territory. */
  rowOfRegion: ReadonlyMap<number, number>;
  /** Row index of each organization of the node's subtree (as of the date). */
  rowOfOrg: ReadonlyMap<number, number>;
}

export function partitionNode(index: AsOfIndex, node: OrgRec): NodePartition {
  const tree = index.tree;
  const nodeHasTerritory = node.regionId !== null && index.regionTree.has(node.regionId);
  const rows: RowSpec[] = [];
  const rowOfOrg = new Map<number, number>();
  const childRowOfRegion = new Map<number, number>();
  const inTree = tree.has(node.id);
  const children = inTree ? tree.childrenOf(node.id) : [];
  for (const cid of children) {
    const child = tree.org(cid)!;
    if (isGrassroots(child.category)) continue;
    const rowIndex = rows.length;
    rows.push({ kind: "child", org: child, hasTerritory: nodeHasTerritory && child.regionId !== null });
    for (const id of tree.subtree(cid)) rowOfOrg.set(id, rowIndex);
    if (child.regionId !== null && !childRowOfRegion.has(child.regionId))
      childRowOfRegion.set(child.regionId, rowIndex);
  }
  const direct = rows.length;
  rows.push({ kind: "direct", org: node, hasTerritory: nodeHasTerritory });
  if (inTree) {
    rowOfOrg.set(node.id, direct);
    for (const cid of children) {
      if (!isGrassroots(tree.org(cid)!.category)) continue;
      for (const id of tree.subtree(cid)) rowOfOrg.set(id, direct);
    }
  }
  const rowOfRegion = new Map<number, number>();
  if (nodeHasTerritory) {
    const regions = index.regionTree;
    for (const rid of regions.subtree(node.regionId!)) {
      let row: number;
      if (rid === node.regionId) row = childRowOfRegion.get(rid) ?? direct;
      else row = childRowOfRegion.get(rid) ?? rowOfRegion.get(regions.parentOf(rid)!) ?? direct;
      rowOfRegion.set(rid, row);
    }
  }
  return { node, rows, rowOfRegion, rowOfOrg };
}

function partitionParts(index: AsOfIndex, part: NodePartition, policy: Policy): IndicatorParts[] {
  const accs = part.rows.map((r) => new Acc(r.hasTerritory));
  if (part.rowOfRegion.size > 0) {
    for (const h of index.operatingHosts) {
      const row = part.rowOfRegion.get(h.regionId);
      if (row === undefined) continue;
      const acc = accs[row]!;
      if (acc.parts.hasTerritory) acc.addHost(index.hostFact(h, policy));
    }
  }
  const byOrg = index.membersByOrg();
  for (const [id, row] of part.rowOfOrg) accs[row]!.addOrg(index.tree.org(id), byOrg.get(id));
  return accs.map((a) => a.finish());
}

/** Hosts and organizationally covered hosts per row: all a previous year's coverage rate needs. */
function partitionCoverage(index: AsOfIndex, part: NodePartition): { hosts: number; covered: number }[] {
  const out = part.rows.map(() => ({ hosts: 0, covered: 0 }));
  for (const h of index.operatingHosts) {
    const row = part.rowOfRegion.get(h.regionId);
    if (row === undefined || !part.rows[row]!.hasTerritory) continue;
    const o = out[row]!;
    o.hosts++;
    if (index.coveringOrgOf(h.id) !== null) o.covered++;
  }
  return out;
}

function requireNode(index: AsOfIndex, nodeId: number): OrgRec {
  const node = index.tree.org(nodeId);
  if (!node) {
    const rec = index.snapshot.orgs.find((o) => o.id === nodeId);
    throw AppError.rule(
      "REPORT_NODE_NOT_FOUND",
      MESSAGES.reportNodeNotFound(rec?.name ?? String(nodeId), index.asOf),
      {
        nodeId,
      },
    );
  }
  if (isGrassroots(node.category)) {
    throw AppError.rule("REPORT_NODE_NOT_MANAGEMENT", MESSAGES.reportNodeNotManagement(node.name), {
      nodeId,
    });
  }
  return node;
}

/** The node's total parts as of the index's date: the sum of its report rows. */
export function computeNodeParts(index: AsOfIndex, nodeId: number, policy: Policy): IndicatorParts {
  const node = requireNode(index, nodeId);
  const part = partitionNode(index, node);
  const nodeHasTerritory = part.rows[part.rows.length - 1]!.hasTerritory;
  return sumIndicatorParts(partitionParts(index, part, policy), nodeHasTerritory);
}

/**
 * The node's unrounded organizational coverage rate as of the index's date, from hosts and covered hosts
 * only (a previous year's base): equal to `orgCoverageRateUnrounded(computeNodeParts(index, nodeId, p))`
 * for any policy, and needs no figures, workplaces or instructors.
 */
export function computeNodeCoverageRate(index: AsOfIndex, nodeId: number): number | null {
  const node = requireNode(index, nodeId);
  const part = partitionNode(index, node);
  if (!part.rows[part.rows.length - 1]!.hasTerritory) return null;
  const cov = partitionCoverage(index, part);
  return ratePct(
    cov.reduce((s, c) => s + c.covered, 0),
    cov.reduce((s, c) => s + c.hosts, 0),
  );
}

/**
 * A node's figures for a dashboard: the 合计 of its report as of `asOf` (equal to the year-end report's
 * total when `asOf` is 31 December). With `compareWith`, the organizational coverage rate of that date
 * (e.g. the previous 31 December) is the year-over-year base.
 */
export function computeNodeIndicators(
  snapshot: Snapshot,
  nodeId: number,
  asOf: IsoDate,
  policy: Policy,
  opts?: { compareWith?: IsoDate },
): Indicators {
  const shared = new SnapshotShared(snapshot);
  const index = new AsOfIndex(snapshot, asOf, shared);
  const parts = computeNodeParts(index, nodeId, policy);
  if (!opts?.compareWith) return indicatorsFromParts(parts);
  const prevIndex = new AsOfIndex(snapshot, opts.compareWith, shared);
  const nodeRec = index.tree.org(nodeId)!;
  const prevPart = partitionNode(prevIndex, nodeRec);
  const cov = partitionCoverage(prevIndex, prevPart);
  const hosts = cov.reduce((s, c) => s + c.hosts, 0);
  const covered = cov.reduce((s, c) => s + c.covered, 0);
  return indicatorsFromParts(parts, {
    prevOrgCoverageRate: parts.hasTerritory ? ratePct(covered, hosts) : null,
  });
}

// ---------------------------------------------------------------------------------------------------
// The year-end report.

export interface ReportOptions {
  /**
   * The base of a row's year-over-year change: last year's UNROUNDED organizational coverage rate (e.g.
   * from the unit's approved figures), or null for none. Return undefined to use the default: the same
   * row computed as of the previous 31 December on that date's tree.
   */
  previous?: (row: ReportRow) => number | null | undefined;
  /** The same for the 合计 row; default: the node computed as of the previous 31 December. */
  previousTotal?: number | null;
  /**
   * A row's 年初 members: last year's approved closing figure of the unit, or undefined for the default,
   * the row's members as of the previous 31 December on that date's tree.
   */
  opening?: (row: { kind: ReportRowKind; orgId: number }) => number | undefined;
  /** The same for the 合计 (the node's own approved closing figure of last year). */
  openingTotal?: number;
}

function toRow(kind: ReportRowKind, org: OrgRec, name: string, parts: IndicatorParts): ReportRow {
  return { kind, orgId: org.id, code: org.code, name, indicators: indicatorsFromParts(parts), parts };
}

/**
 * The year-end report (党内统计年报) of a management node, as of 31 December of `year` on that date's
 * tree: one row per child management node, one 直属 row, the 合计 (sum of the rows; `instructors`
 * distinct), and for a township or park committee an annex per grassroots organization.
 */
export function computeReport(
  snapshot: Snapshot,
  nodeId: number,
  year: number,
  policyVersion: PolicyVersion,
  opts?: ReportOptions,
): Report {
  const asOf = yearEnd(year);
  const policy = policyVersion.params;
  const shared = new SnapshotShared(snapshot);
  const regionTree = shared.regionTree;
  const index = new AsOfIndex(snapshot, asOf, shared);
  const node = requireNode(index, nodeId);
  const part = partitionNode(index, node);
  const rowParts = partitionParts(index, part, policy);
  const nodeHasTerritory = part.rows[part.rows.length - 1]!.hasTerritory;

  // The previous 31 December, on that date's tree.
  const prevIndex = new AsOfIndex(snapshot, yearEnd(year - 1), shared);
  const prevPart = partitionNode(prevIndex, node);
  const flowCtx = flowContext(snapshot, year, index, prevIndex);
  partitionFlows(flowCtx, part, prevPart).forEach((flows, i) => {
    const spec = part.rows[i]!;
    flows.opening = opts?.opening?.({ kind: spec.kind, orgId: spec.org.id }) ?? flows.opening;
    rowParts[i]!.flows = flows;
  });
  const totalParts = sumIndicatorParts(rowParts, nodeHasTerritory);
  // The 合计's flows are the node's as a whole: a move between two of its rows is no flow of the node.
  const [nodeFlows] = partitionFlows(flowCtx, wholeNode(part), wholeNode(prevPart));
  nodeFlows!.opening = opts?.openingTotal ?? nodeFlows!.opening;
  totalParts.flows = nodeFlows!;
  const prevCov = partitionCoverage(prevIndex, prevPart);
  const prevRowOf = new Map<string, number>();
  prevPart.rows.forEach((r, i) => prevRowOf.set(`${r.kind}:${r.org.id}`, i));
  let territoryCoverage: Map<number, { hosts: number; covered: number }> | undefined;
  const prevOfTerritory = (regionId: number): number | null => {
    if (!territoryCoverage) {
      territoryCoverage = new Map();
      for (const h of prevIndex.operatingHosts) {
        let c = territoryCoverage.get(h.regionId);
        if (!c) territoryCoverage.set(h.regionId, (c = { hosts: 0, covered: 0 }));
        c.hosts++;
        if (prevIndex.coveringOrgOf(h.id) !== null) c.covered++;
      }
    }
    let hosts = 0;
    let covered = 0;
    for (const rid of regionTree.subtree(regionId)) {
      const c = territoryCoverage.get(rid);
      if (c) {
        hosts += c.hosts;
        covered += c.covered;
      }
    }
    return ratePct(covered, hosts);
  };
  const defaultPrev = (spec: RowSpec): number | null => {
    if (!spec.hasTerritory) return null;
    const i = prevRowOf.get(`${spec.kind}:${spec.org.id}`);
    if (i !== undefined && prevPart.rows[i]!.hasTerritory) {
      const c = prevCov[i]!;
      return ratePct(c.covered, c.hosts);
    }
    return spec.org.regionId !== null ? prevOfTerritory(spec.org.regionId) : null;
  };

  const rows: ReportRow[] = part.rows.map((spec, i) => {
    const parts = rowParts[i]!;
    const row = toRow(spec.kind, spec.org, spec.kind === "direct" ? DIRECT_ROW_NAME : spec.org.name, parts);
    const given = opts?.previous?.(row);
    const prev = given === undefined ? defaultPrev(spec) : given;
    row.indicators = indicatorsFromParts(parts, { prevOrgCoverageRate: prev });
    return row;
  });

  let prevTotal: number | null;
  if (opts?.previousTotal !== undefined) prevTotal = opts.previousTotal;
  else if (!nodeHasTerritory) prevTotal = null;
  else {
    const hosts = prevCov.reduce((s, c) => s + c.hosts, 0);
    const covered = prevCov.reduce((s, c) => s + c.covered, 0);
    prevTotal = ratePct(covered, hosts);
  }
  const total = indicatorsFromParts(totalParts, { prevOrgCoverageRate: prevTotal });

  const annex: ReportRow[] = [];
  if (isTownshipLevel(node.category)) {
    const byOrg = index.membersByOrg();
    for (const id of index.tree.subtree(node.id)) {
      const org = index.tree.org(id)!;
      if (!isGrassroots(org.category)) continue;
      const acc = new Acc(false);
      acc.addOrg(org, byOrg.get(id));
      annex.push(toRow("annex", org, org.name, acc.finish()));
    }
  }

  let openingMembers = 0;
  if (prevIndex.tree.has(node.id)) {
    const byOrg = prevIndex.membersByOrg();
    for (const id of prevIndex.tree.subtree(node.id)) openingMembers += byOrg.get(id)?.all ?? 0;
  }

  return {
    year,
    asOf,
    node: { id: node.id, code: node.code, name: node.name },
    policy: policyVersion,
    rows,
    total,
    annex,
    totalParts,
    openingMembers,
  };
}

/**
 * Recompute a report's 合计 from its rows' parts, e.g. after approved (frozen) child rows replaced
 * computed ones. Rows without parts are rejected by the type: store frozen rows with their parts.
 */
export function totalFromRows(
  rows: readonly (ReportRow & { parts: IndicatorParts })[],
  hasTerritory: boolean,
  prevOrgCoverageRate: number | null = null,
): { total: Indicators; totalParts: IndicatorParts } {
  const totalParts = sumIndicatorParts(
    rows.map((r) => r.parts),
    hasTerritory,
  );
  return { total: indicatorsFromParts(totalParts, { prevOrgCoverageRate }), totalParts };
}
