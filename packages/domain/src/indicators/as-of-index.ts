/**
 * The snapshot indexed for one date D, and the per-host facts as of D. `AsOfIndex` scans the snapshot
 * once for D (coverage in force, instructors' assignments, each host's latest figures, and each member's
 * status, relationship and workplace, held in typed arrays addressed by member slot) so that any number
 * of rows can then be counted over it. `hostFact` derives what the indicators need to know about one
 * operating host (`HostFacts`: above scale, members working there, covered and by which mode, should
 * establish, instructors, work coverage), cached per policy. `SnapshotShared` holds the date-independent
 * lookups shared by the indexes of several dates (a report uses two).
 */
import { countedMode } from "../categories.ts";
import { inForce, yearOf } from "../dates.ts";
import { thresholdFen } from "../money.ts";
import type { Policy } from "../policy.ts";
import { OrgTree, RegionTree } from "../tree.ts";
import type {
  CountedMode,
  CoverageRec,
  HostKind,
  HostRec,
  HostYearRec,
  IsoDate,
  MemberStatus,
  Snapshot,
} from "../types.ts";

/** Everything the indicators need to know about one operating host as of D. */
export interface HostFacts {
  hostId: number;
  kind: HostKind;
  regionId: number;
  /** From the host's figures of year(D), else the latest earlier year; 0 / null when none. */
  employees: number;
  /** 营业收入 in 分. */
  revenueFen: number | null;
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

/** The facts of the hosts under one policy, and its revenue threshold in 分. */
interface FactsCache {
  facts: Map<number, HostFacts>;
  complete: boolean;
  aboveScaleRevenueFen: number;
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

export interface Tally {
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
  private readonly factsCache = new WeakMap<Policy, FactsCache>();

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

  private factsFor(policy: Policy): FactsCache {
    let cache = this.factsCache.get(policy);
    if (!cache)
      this.factsCache.set(
        policy,
        (cache = {
          facts: new Map(),
          complete: false,
          aboveScaleRevenueFen: thresholdFen(policy.aboveScaleRevenue, "wan"),
        }),
      );
    return cache;
  }

  /** The facts of one operating host under `policy` (cached). */
  hostFact(h: HostRec, policy: Policy): HostFacts {
    const cache = this.factsFor(policy);
    const facts = cache.facts;
    const cached = facts.get(h.id);
    if (cached) return cached;
    const fig = this.figuresOf(h.id);
    const employees = fig?.employees ?? 0;
    const revenueFen = fig?.revenueFen ?? null;
    // The revenue threshold is compared in whole 分: 500 万元 exactly is reached, 499.99 万元 is not.
    const aboveScale =
      h.kind === "enterprise" &&
      (employees >= policy.aboveScaleEmployees ||
        (employees >= policy.aboveScaleMidEmployees &&
          revenueFen !== null &&
          revenueFen >= cache.aboveScaleRevenueFen));
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
      revenueFen,
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
