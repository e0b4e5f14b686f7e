/**
 * The rules of coverage (覆盖): which organization covers which host, and when. The checks over a
 * snapshot return violations: a standalone organization covers one host at a time (and, as of a date,
 * some host), a host has at most one coverage in force, coverage sits on a unit's topmost organization
 * (`breaksTopmost`), a joint organization covers at most `policy.jointCap` hosts and an instructor is
 * assigned to at most `policy.instructorCap` hosts. `assertCoverageAllowed` is the guard a command runs
 * before recording a coverage; it throws an `AppError` of code RULE with the rule's Chinese message.
 */
import { isGrassroots } from "../categories.ts";
import { inForce, intervalsOverlap, maxDate } from "../dates.ts";
import { AppError } from "../app-error.ts";
import type { Violation } from "../errors.ts";
import { MESSAGES } from "../messages.ts";
import type { Policy } from "../policy.ts";
import { indexReparentings, parentAsOf } from "../tree.ts";
import type { CoverageRec, HostRec, IsoDate, OrgRec, ReparentingRec, Snapshot } from "../types.ts";
import { assertInterval, groupBy, namer, overlappingPairs } from "./helpers.ts";

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
