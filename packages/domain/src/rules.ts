/**
 * The rules of the domain: invariant checks over records (returning violations) and guards for
 * mutations (throwing an `AppError` of code RULE), plus the year-end checks (校核) of a report. Every message is
 * Chinese and names its rule (see messages.ts).
 */
import { isGrassroots } from "./categories.ts";
import { inForce, intervalsOverlap, maxDate } from "./dates.ts";
import { AppError } from "./app-error.ts";
import type { Violation } from "./errors.ts";
import type { Indicators, Report } from "./indicator-types.ts";
import {
  COUNTED_MODE_LABELS,
  INDICATOR_LABELS,
  MEMBER_COUNT_LABELS,
  MEMBER_STATUS_LABELS,
  ORG_COUNT_LABELS,
  TOTAL_ROW_NAME,
  TRANSFER_STATE_LABELS,
} from "./labels.ts";
import { MESSAGES } from "./messages.ts";
import { expectedClosing } from "./member-flows.ts";
import type { Policy } from "./policy.ts";
import { indexReparentings, parentAsOf } from "./tree.ts";
import {
  COUNTED_MODES,
  type CoverageRec,
  type HostRec,
  type IsoDate,
  type MemberStatus,
  type OrgRec,
  type ReparentingRec,
  type SecretaryTermRec,
  type Snapshot,
  type TransferDecision,
  type TransferState,
} from "./types.ts";

// ---------------------------------------------------------------------------------------------------
// Helpers.

function groupBy<T>(items: readonly T[], key: (t: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = map.get(k);
    if (list) list.push(t);
    else map.set(k, [t]);
  }
  return map;
}

function byStart<T extends { startOn: IsoDate }>(a: T, b: T): number {
  return a.startOn < b.startOn ? -1 : a.startOn > b.startOn ? 1 : 0;
}

/** Pairs of overlapping intervals in a list (sorted by start), with the first shared day. */
function overlappingPairs<T extends { startOn: IsoDate; endOn: IsoDate | null }>(
  items: readonly T[],
): [T, T, IsoDate][] {
  const sorted = [...items].sort(byStart);
  const out: [T, T, IsoDate][] = [];
  for (let i = 0; i < sorted.length; i++) {
    const b = sorted[i]!;
    for (let j = 0; j < i; j++) {
      const a = sorted[j]!;
      if (intervalsOverlap(a.startOn, a.endOn, b.startOn, b.endOn))
        out.push([a, b, maxDate(a.startOn, b.startOn)]);
    }
  }
  return out;
}

function namer<T extends { id: number; name: string }>(items: readonly T[]): (id: number) => string {
  const map = new Map<number, string>();
  for (const t of items) map.set(t.id, t.name);
  return (id) => map.get(id) ?? String(id);
}

/** A half-open interval must end after it starts. */
export function assertInterval(startOn: IsoDate, endOn: IsoDate | null): void {
  if (endOn !== null && endOn <= startOn) {
    throw AppError.rule("INVALID_INTERVAL", MESSAGES.invalidInterval(startOn, endOn), { startOn, endOn });
  }
}

// ---------------------------------------------------------------------------------------------------
// Coverage.

/**
 * A standalone organization covers exactly one host at any date: two at once is an error; with `asOf`,
 * a unit's topmost standalone organization in force covering none on that date is a warning.
 */
export function checkStandaloneCoverage(
  snapshot: Pick<Snapshot, "orgs" | "hosts" | "coverages" | "reparentings">,
  opts?: { asOf?: IsoDate },
): Violation[] {
  const out: Violation[] = [];
  const hostName = namer(snapshot.hosts);
  const standalone = new Map<number, OrgRec>();
  for (const o of snapshot.orgs) if (o.formationMode === "standalone") standalone.set(o.id, o);
  const byOrg = groupBy(
    snapshot.coverages.filter((c) => standalone.has(c.orgId)),
    (c) => c.orgId,
  );
  for (const [orgId, list] of byOrg) {
    for (const [a, b, date] of overlappingPairs(list)) {
      if (a.hostId === b.hostId) continue;
      out.push({
        level: "error",
        code: "STANDALONE_MULTIPLE_HOSTS",
        message: MESSAGES.standaloneMultipleHosts(standalone.get(orgId)!.name, date, [
          hostName(a.hostId),
          hostName(b.hostId),
        ]),
        refs: { orgIds: [orgId], hostIds: [a.hostId, b.hostId], date },
      });
    }
  }
  const asOf = opts?.asOf;
  if (asOf) {
    const categories = new Map(snapshot.orgs.map((o) => [o.id, o.category]));
    const history = indexReparentings(snapshot.reparentings);
    for (const o of standalone.values()) {
      if (!inForce(o.foundedOn, o.revokedOn, asOf)) continue;
      const p = parentAsOf(o, history.get(o.id), asOf);
      const pc = p === null ? undefined : categories.get(p);
      if (pc !== undefined && isGrassroots(pc)) continue;
      const covers = (byOrg.get(o.id) ?? []).some((c) => inForce(c.startOn, c.endOn, asOf));
      if (!covers) {
        out.push({
          level: "warning",
          code: "STANDALONE_WITHOUT_HOST",
          message: MESSAGES.standaloneWithoutHost(o.name, asOf),
          refs: { orgIds: [o.id], date: asOf },
        });
      }
    }
  }
  return out;
}

/** A host has at most one coverage in force at any date. */
export function checkCoverageOverlaps(snapshot: Pick<Snapshot, "orgs" | "hosts" | "coverages">): Violation[] {
  const out: Violation[] = [];
  const hostName = namer(snapshot.hosts);
  const orgName = namer(snapshot.orgs);
  for (const [hostId, list] of groupBy(snapshot.coverages, (c) => c.hostId)) {
    if (list.length < 2) continue;
    for (const [a, b, date] of overlappingPairs(list)) {
      out.push({
        level: "error",
        code: "COVERAGE_HOST_OVERLAP",
        message: MESSAGES.coverageHostOverlap(hostName(hostId), date, [orgName(a.orgId), orgName(b.orgId)]),
        refs: { hostIds: [hostId], orgIds: [a.orgId, b.orgId], date },
      });
    }
  }
  return out;
}

/** Dates on which a coverage's organization gets a (possibly new) superior while the coverage holds. */
function superiorDates(c: CoverageRec, history: readonly ReparentingRec[] | undefined): IsoDate[] {
  const dates = [c.startOn];
  for (const r of history ?? []) {
    if (r.effectiveOn > c.startOn && (c.endOn === null || r.effectiveOn < c.endOn)) dates.push(r.effectiveOn);
  }
  return dates;
}

/** Modes of a unit's own organization (the host's, or several hosts' joint one). */
const UNIT_MODES: ReadonlySet<string> = new Set(["standalone", "joint"]);

/**
 * Whether covering by `org` under `superior` breaks "coverage sits on a unit's topmost organization". A
 * standalone or joint organization (or one without a mode) must not sit under a grassroots organization.
 * An affiliated, hosted, regional or grid organization may: any organization may cover a host, e.g. a
 * branch of a village or community committee covering by affiliation; it only may not sit inside another
 * covering unit (a superior that itself has a formation mode).
 */
export function breaksTopmost(org: OrgRec, superior: OrgRec | undefined): boolean {
  if (!superior || !isGrassroots(superior.category)) return false;
  if (org.formationMode === null || UNIT_MODES.has(org.formationMode)) return true;
  return superior.formationMode !== null;
}

/**
 * Coverage sits on a unit's topmost organization: the covering organization's superior (at the start of
 * the coverage, and after each re-parenting while it holds) is not a grassroots organization (relaxed for
 * affiliated, hosted, regional and grid organizations: see `breaksTopmost`). The
 * covering organization must exist and have a formation mode.
 */
export function checkCoverageOnTopmost(
  snapshot: Pick<Snapshot, "orgs" | "hosts" | "coverages" | "reparentings">,
): Violation[] {
  const out: Violation[] = [];
  const hostName = namer(snapshot.hosts);
  const orgs = new Map<number, OrgRec>();
  for (const o of snapshot.orgs) orgs.set(o.id, o);
  const history = indexReparentings(snapshot.reparentings);
  const withoutMode = new Set<number>();
  for (const c of snapshot.coverages) {
    const org = orgs.get(c.orgId);
    if (!org) {
      out.push({
        level: "error",
        code: "COVERAGE_ORG_UNKNOWN",
        message: MESSAGES.coverageOrgUnknown(hostName(c.hostId), String(c.orgId)),
        refs: { hostIds: [c.hostId], orgIds: [c.orgId] },
      });
      continue;
    }
    if (org.formationMode === null && !withoutMode.has(org.id)) {
      withoutMode.add(org.id);
      out.push({
        level: "error",
        code: "COVERAGE_WITHOUT_MODE",
        message: MESSAGES.coverageWithoutMode(org.name),
        refs: { orgIds: [org.id] },
      });
    }
    for (const d of superiorDates(c, history.get(org.id))) {
      const p = parentAsOf(org, history.get(org.id), d);
      const superior = p === null ? undefined : orgs.get(p);
      if (superior && breaksTopmost(org, superior)) {
        out.push({
          level: "error",
          code: "COVERAGE_NOT_TOPMOST",
          message: MESSAGES.coverageNotTopmost(org.name, superior.name, d),
          refs: { hostIds: [c.hostId], orgIds: [org.id, superior.id], date: d },
        });
        break;
      }
    }
  }
  return out;
}

/** A joint organization covering more than `policy.jointCap` hosts on D is a warning. */
export function checkJointCap(
  snapshot: Pick<Snapshot, "orgs" | "coverages">,
  policy: Policy,
  asOf: IsoDate,
): Violation[] {
  const out: Violation[] = [];
  const joint = new Map<number, OrgRec>();
  for (const o of snapshot.orgs) if (o.formationMode === "joint") joint.set(o.id, o);
  const hosts = new Map<number, Set<number>>();
  for (const c of snapshot.coverages) {
    if (!joint.has(c.orgId) || !inForce(c.startOn, c.endOn, asOf)) continue;
    let set = hosts.get(c.orgId);
    if (!set) hosts.set(c.orgId, (set = new Set()));
    set.add(c.hostId);
  }
  for (const [orgId, set] of hosts) {
    if (set.size > policy.jointCap) {
      out.push({
        level: "warning",
        code: "JOINT_OVER_CAP",
        message: MESSAGES.jointOverCap(joint.get(orgId)!.name, asOf, set.size, policy.jointCap),
        refs: { orgIds: [orgId], hostIds: [...set], date: asOf },
      });
    }
  }
  return out;
}

/** An instructor assigned to more than `policy.instructorCap` hosts on D is a warning. */
export function checkInstructorCap(
  snapshot: Pick<Snapshot, "instructors" | "assignments">,
  policy: Policy,
  asOf: IsoDate,
): Violation[] {
  const out: Violation[] = [];
  const numbers = new Map<number, string>();
  for (const i of snapshot.instructors) numbers.set(i.id, i.number);
  const hosts = new Map<number, Set<number>>();
  for (const a of snapshot.assignments) {
    if (!inForce(a.startOn, a.endOn, asOf)) continue;
    let set = hosts.get(a.instructorId);
    if (!set) hosts.set(a.instructorId, (set = new Set()));
    set.add(a.hostId);
  }
  for (const [id, set] of hosts) {
    if (set.size > policy.instructorCap) {
      out.push({
        level: "warning",
        code: "INSTRUCTOR_OVER_CAP",
        message: MESSAGES.instructorOverCap(
          numbers.get(id) ?? String(id),
          asOf,
          set.size,
          policy.instructorCap,
        ),
        refs: { instructorIds: [id], hostIds: [...set], date: asOf },
      });
    }
  }
  return out;
}

/**
 * Guard for recording a coverage: valid interval, existing organization, no other coverage of the host
 * overlapping it, a standalone organization covering no other host meanwhile, and the organization
 * topmost of its unit on the start date. `existing` may contain the candidate's own previous version
 * (pass `replaces` to ignore it).
 */
export function assertCoverageAllowed(
  ctx: {
    orgs: readonly OrgRec[];
    coverages: readonly CoverageRec[];
    reparentings?: readonly ReparentingRec[];
    hosts?: readonly HostRec[];
  },
  candidate: CoverageRec,
  replaces?: CoverageRec,
): void {
  assertInterval(candidate.startOn, candidate.endOn);
  const hostName = namer(ctx.hosts ?? []);
  const orgs = new Map<number, OrgRec>();
  for (const o of ctx.orgs) orgs.set(o.id, o);
  const org = orgs.get(candidate.orgId);
  if (!org) {
    throw AppError.rule(
      "COVERAGE_ORG_UNKNOWN",
      MESSAGES.coverageOrgUnknown(hostName(candidate.hostId), String(candidate.orgId)),
    );
  }
  const others = ctx.coverages.filter((c) => c !== replaces);
  for (const c of others) {
    if (c.hostId !== candidate.hostId) continue;
    if (intervalsOverlap(c.startOn, c.endOn, candidate.startOn, candidate.endOn)) {
      const date = maxDate(c.startOn, candidate.startOn);
      throw AppError.rule(
        "COVERAGE_HOST_OVERLAP",
        MESSAGES.coverageHostOverlap(hostName(candidate.hostId), date, [
          orgs.get(c.orgId)?.name ?? String(c.orgId),
          org.name,
        ]),
        { hostId: candidate.hostId, orgIds: [c.orgId, org.id], date },
      );
    }
  }
  if (org.formationMode === "standalone") {
    for (const c of others) {
      if (c.orgId !== org.id || c.hostId === candidate.hostId) continue;
      if (intervalsOverlap(c.startOn, c.endOn, candidate.startOn, candidate.endOn)) {
        const date = maxDate(c.startOn, candidate.startOn);
        throw AppError.rule(
          "STANDALONE_MULTIPLE_HOSTS",
          MESSAGES.standaloneMultipleHosts(org.name, date, [hostName(c.hostId), hostName(candidate.hostId)]),
          { orgId: org.id, hostIds: [c.hostId, candidate.hostId], date },
        );
      }
    }
  }
  const history = indexReparentings(ctx.reparentings ?? []);
  for (const d of superiorDates(candidate, history.get(org.id))) {
    const p = parentAsOf(org, history.get(org.id), d);
    const superior = p === null ? undefined : orgs.get(p);
    if (superior && breaksTopmost(org, superior)) {
      throw AppError.rule("COVERAGE_NOT_TOPMOST", MESSAGES.coverageNotTopmost(org.name, superior.name, d), {
        orgId: org.id,
        superiorId: superior.id,
        date: d,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Members.

const TRANSITIONS: Readonly<Record<MemberStatus, readonly MemberStatus[]>> = {
  normal: ["transferredOut", "expelled", "deceased", "stopped"],
  stopped: ["normal"],
  transferredOut: [],
  expelled: [],
  deceased: [],
};

/**
 * The member status machine: 正常 → 转出 | 出党 | 死亡 | 停止党籍; 停止党籍 → 正常 (恢复党籍); nothing else.
 * (A member transferred out who comes back is a new transfer-in of the relationship, not a status edit.)
 */
export function canTransition(from: MemberStatus, to: MemberStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: MemberStatus, to: MemberStatus): void {
  if (!canTransition(from, to)) {
    throw AppError.rule(
      "STATUS_TRANSITION_FORBIDDEN",
      MESSAGES.statusTransitionForbidden(MEMBER_STATUS_LABELS[from], MEMBER_STATUS_LABELS[to]),
      { from, to },
    );
  }
}

/** Members are never deleted: they leave by a dated status change. Always throws. */
export function forbidMemberDeletion(): never {
  throw AppError.rule("MEMBER_DELETE_FORBIDDEN", MESSAGES.memberDeleteForbidden());
}

/** A member's relationship is held by an organization of the tree or, named, outside it. */
export function assertHasRelationship(input: {
  orgId: number | null | undefined;
  outsideOrgName?: string | null;
}): void {
  if (input.orgId !== null && input.orgId !== undefined) return;
  if (input.outsideOrgName && input.outsideOrgName.trim() !== "") return;
  throw AppError.rule("MEMBER_RELATIONSHIP_REQUIRED", MESSAGES.memberRelationshipRequired());
}

/** Every member counting on D (status 正常, joined) has a relationship in force (in the tree or outside). */
export function checkMemberRelationships(
  snapshot: Pick<Snapshot, "members" | "relationships" | "statusEvents">,
  asOf: IsoDate,
  memberName: (id: number) => string = String,
): Violation[] {
  const status = new Map<number, { s: MemberStatus; on: IsoDate }>();
  for (const e of snapshot.statusEvents) {
    if (e.effectiveOn > asOf) continue;
    const cur = status.get(e.memberId);
    if (!cur || e.effectiveOn >= cur.on) status.set(e.memberId, { s: e.status, on: e.effectiveOn });
  }
  const held = new Set<number>();
  for (const r of snapshot.relationships) if (inForce(r.startOn, r.endOn, asOf)) held.add(r.memberId);
  const out: Violation[] = [];
  for (const m of snapshot.members) {
    if (m.joinedOn > asOf || (status.get(m.id)?.s ?? "normal") !== "normal" || held.has(m.id)) continue;
    out.push({
      level: "error",
      code: "MEMBER_WITHOUT_RELATIONSHIP",
      message: MESSAGES.memberWithoutRelationship(memberName(m.id), asOf),
      refs: { memberIds: [m.id], date: asOf },
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Transfers (组织关系接转).

/** pending → accepted | rejected; a decided transfer cannot be decided again. */
export function decideTransfer(state: TransferState, decision: TransferDecision): TransferState {
  if (state === "accepted" && decision === "accept") {
    throw AppError.rule("TRANSFER_ALREADY_ACCEPTED", MESSAGES.transferAlreadyAccepted(), {
      state,
      decision,
    });
  }
  if (state !== "pending") {
    throw AppError.rule(
      "TRANSFER_ALREADY_DECIDED",
      MESSAGES.transferAlreadyDecided(TRANSFER_STATE_LABELS[state]),
      {
        state,
        decision,
      },
    );
  }
  return decision === "accept" ? "accepted" : "rejected";
}

export function canDecideTransfer(state: TransferState): boolean {
  return state === "pending";
}

// ---------------------------------------------------------------------------------------------------
// Secretaries.

/** At most one secretary per organization at a time. */
export function checkSecretaryTerms(
  terms: readonly SecretaryTermRec[],
  orgName: (id: number) => string = String,
): Violation[] {
  const out: Violation[] = [];
  for (const [orgId, list] of groupBy(terms, (t) => t.orgId)) {
    for (const [a, b, date] of overlappingPairs(list)) {
      out.push({
        level: "error",
        code: "SECRETARY_OVERLAP",
        message: MESSAGES.secretaryOverlap(orgName(orgId), date),
        refs: { orgIds: [orgId], memberIds: [a.memberId, b.memberId], date },
      });
    }
  }
  return out;
}

/** Guard for appointing a secretary: no other term of the organization overlaps the new one. */
export function assertSecretaryTermAllowed(
  existing: readonly SecretaryTermRec[],
  candidate: SecretaryTermRec,
  orgName: string = String(candidate.orgId),
  replaces?: SecretaryTermRec,
): void {
  assertInterval(candidate.startOn, candidate.endOn);
  for (const t of existing) {
    if (t === replaces || t.orgId !== candidate.orgId) continue;
    if (intervalsOverlap(t.startOn, t.endOn, candidate.startOn, candidate.endOn)) {
      const date = maxDate(t.startOn, candidate.startOn);
      throw AppError.rule("SECRETARY_OVERLAP", MESSAGES.secretaryOverlap(orgName, date), {
        orgId: candidate.orgId,
        memberId: t.memberId,
        date,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// All record checks at once.

export function checkRecords(
  snapshot: Snapshot,
  policy: Policy,
  asOf: IsoDate,
  extra?: { secretaryTerms?: readonly SecretaryTermRec[]; memberName?: (id: number) => string },
): Violation[] {
  const orgName = namer(snapshot.orgs);
  return [
    ...checkStandaloneCoverage(snapshot, { asOf }),
    ...checkCoverageOverlaps(snapshot),
    ...checkCoverageOnTopmost(snapshot),
    ...checkJointCap(snapshot, policy, asOf),
    ...checkInstructorCap(snapshot, policy, asOf),
    ...checkMemberRelationships(snapshot, asOf, extra?.memberName),
    ...checkSecretaryTerms(extra?.secretaryTerms ?? [], orgName),
  ];
}

// ---------------------------------------------------------------------------------------------------
// Year-end checks (校核).

type CountKey =
  | "hosts"
  | "enterprises"
  | "socialOrgs"
  | "employees"
  | "aboveScale"
  | "withMembers"
  | "withThreeMembers"
  | "orgCovered"
  | "shouldEstablishNotEstablished"
  | "instructorCovered"
  | "workCovered"
  | "membersEmployed";

const COUNT_KEYS: readonly CountKey[] = [
  "hosts",
  "enterprises",
  "socialOrgs",
  "employees",
  "aboveScale",
  "withMembers",
  "withThreeMembers",
  "orgCovered",
  "shouldEstablishNotEstablished",
  "instructorCovered",
  "workCovered",
  "membersEmployed",
];

type RateKey =
  | "orgCoverageRate"
  | "standaloneRate"
  | "aboveScaleCoverageRate"
  | "threeMemberStandaloneRate"
  | "workCoverageRate"
  | "membersShareOfEmployees"
  | "prevOrgCoverageRate";

const RATE_KEYS: readonly RateKey[] = [
  "orgCoverageRate",
  "standaloneRate",
  "aboveScaleCoverageRate",
  "threeMemberStandaloneRate",
  "workCoverageRate",
  "membersShareOfEmployees",
  "prevOrgCoverageRate",
];

/** Every count of a row as [label, value]. */
function countsOf(ind: Indicators): [string, number | null][] {
  return [
    ...COUNT_KEYS.map((k): [string, number | null] => [INDICATOR_LABELS[k], ind[k]]),
    ...COUNTED_MODES.map((m): [string, number | null] => [
      `${INDICATOR_LABELS.orgCovered}·${COUNTED_MODE_LABELS[m]}`,
      ind.coveredByMode[m],
    ]),
    ...(Object.keys(ORG_COUNT_LABELS) as (keyof Indicators["orgs"])[]).map((k): [string, number | null] => [
      ORG_COUNT_LABELS[k],
      ind.orgs[k],
    ]),
    ...(Object.keys(MEMBER_COUNT_LABELS) as (keyof Indicators["members"])[]).map(
      (k): [string, number | null] => [MEMBER_COUNT_LABELS[k], ind.members[k]],
    ),
  ];
}

function checkRow(name: string, ind: Indicators, rowOrgId: number | undefined): Violation[] {
  const out: Violation[] = [];
  const refs = rowOrgId === undefined ? undefined : { rowOrgId };
  const o = ind.orgs;
  const orgSum = o.committees + o.generalBranches + o.branches;
  if (o.total !== orgSum) {
    out.push({
      level: "error",
      code: "ORGS_TOTAL_MISMATCH",
      message: MESSAGES.orgsTotalMismatch(name, o.total, orgSum),
      refs,
    });
  }
  if (o.jointBranches > o.branches) {
    out.push({
      level: "error",
      code: "JOINT_BRANCHES_EXCEED_BRANCHES",
      message: MESSAGES.jointBranchesExceedBranches(name, o.jointBranches, o.branches),
      refs,
    });
  }
  const m = ind.members;
  if (m.total !== m.full + m.probationary) {
    out.push({
      level: "error",
      code: "MEMBERS_TOTAL_MISMATCH",
      message: MESSAGES.membersTotalMismatch(name, m.total, m.full + m.probationary),
      refs,
    });
  }
  if (ind.orgCovered !== null) {
    const modeSum = COUNTED_MODES.reduce((s, k) => s + (ind.coveredByMode[k] ?? 0), 0);
    if (modeSum !== ind.orgCovered) {
      out.push({
        level: "error",
        code: "COVERED_BY_MODE_MISMATCH",
        message: MESSAGES.coveredByModeMismatch(name, ind.orgCovered, modeSum),
        refs,
      });
    }
  }
  for (const k of RATE_KEYS) {
    const v = ind[k];
    if (v !== null && !(v >= 0 && v <= 100)) {
      out.push({
        level: "error",
        code: "RATE_OUT_OF_RANGE",
        message: MESSAGES.rateOutOfRange(name, INDICATOR_LABELS[k], v),
        refs,
      });
    }
  }
  return out;
}

/**
 * The checks before submission (校核): per row and total, organizations = 基层党委 + 党总支 + 党支部,
 * members = full + probationary, coveredByMode sums to orgCovered, rates within 0–100; every count of 合计
 * equals the sum of the rows (instructors: at most the sum); opening members equal last year's approved
 * closing figure (the difference is named).
 */
export function checkReport(
  report: Report,
  opts?: { previousApprovedClosingMembers?: number | null; openingMembers?: number },
): Violation[] {
  const out: Violation[] = [];
  for (const r of [...report.rows, ...report.annex]) out.push(...checkRow(r.name, r.indicators, r.orgId));
  out.push(...checkRow(TOTAL_ROW_NAME, report.total, undefined));

  const totalCounts = countsOf(report.total);
  const sums = totalCounts.map((): number => 0);
  const seen = totalCounts.map((): boolean => false);
  for (const r of report.rows) {
    countsOf(r.indicators).forEach(([, v], i) => {
      if (v === null) return;
      sums[i] = sums[i]! + v;
      seen[i] = true;
    });
  }
  totalCounts.forEach(([label, v], i) => {
    if (v === null && !seen[i]) return;
    const total = v ?? 0;
    const sum = sums[i]!;
    if (total !== sum) {
      out.push({
        level: "error",
        code: "ROWS_SUM_MISMATCH",
        message: MESSAGES.rowsSumMismatch(label, total, sum),
      });
    }
  });
  if (report.total.instructors !== null) {
    const sum = report.rows.reduce((s, r) => s + (r.indicators.instructors ?? 0), 0);
    if (report.total.instructors > sum) {
      out.push({
        level: "error",
        code: "INSTRUCTORS_EXCEED_SUM",
        message: MESSAGES.instructorsExceedSum(report.total.instructors, sum),
      });
    }
  }

  // 年末 = 年初 + 发展 + 转入 + 隶属变更转入 − 转出 − 隶属变更转出 − 出党 − 死亡 − 停止党籍, per row: 年初 is last
  // year's approved figure, so a record of last year changed since breaks it for the row holding it.
  for (const r of report.rows) {
    const f = r.indicators.flows;
    if (!f) continue;
    const expected = expectedClosing(f);
    if (expected !== f.closing) {
      out.push({
        level: "warning",
        code: "MEMBER_BALANCE",
        message: MESSAGES.memberBalance(r.name, f.closing, expected, f.opening),
        refs: { rowOrgId: r.orgId },
      });
    }
  }

  const approved = opts?.previousApprovedClosingMembers;
  const opening = opts?.openingMembers ?? report.openingMembers;
  if (approved !== null && approved !== undefined && opening !== undefined && opening !== approved) {
    // A difference is shown and must be explained (issue 18).
    out.push({
      level: "warning",
      code: "OPENING_MEMBERS_MISMATCH",
      message: MESSAGES.openingMembersMismatch(opening, approved),
      refs: { rowOrgId: report.node.id },
    });
  }
  return out;
}

/** Whether a list of violations blocks (contains an error). */
export function hasErrors(violations: readonly Violation[]): boolean {
  return violations.some((v) => v.level === "error");
}
