/**
 * The records of the cadre work: 培训 (an event by a management node, keyed by organizer, first day and
 * title) and its 学员 (a member, an instructor or a host's 出资人, once per training), 指导员考核 (one per
 * instructor and year, by the dispatching organization — or, for a dispatcher outside the tree, by the
 * registering node — and no one else), 书记述职评议 (one per organization, secretary and year, by a superior
 * of the organization), 五好党支部 (one application per organization and year, reviewed by a management node
 * above it), 示范点 (an organization or a host, exactly one, named by a management node for a period),
 * 领导干部 (keyed by name and unit), their 联系点 (an organization or a host, exactly one, dated) and 走访记录
 * (one per contact point and day, within the point's period).
 *
 * Scope is the gate's (`../scope-check.ts`): the rows that reach here are within the importer's set. The
 * columns naming users (createdBy, appliedBy, reviewedBy) are left empty by an import.
 */
import { isManagement, yearOf, type OrgCategory } from "@liangxin/domain";
import { ioMessages as m } from "../messages.ts";
import { idsOfPath } from "../scope.ts";
import type { Loc } from "../tables.ts";
import { checkOverlaps, grassrootsId } from "./basics.ts";
import { header, type PlanContext } from "./context.ts";
import { leaderKey, participantKey, rowKey, subjectKey, trainingKey } from "./state.ts";

function groupBy<T>(items: Iterable<T>, key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/** The id of a management node by code, else an error on the cell. */
function managementId(cx: PlanContext, code: string, loc: Loc, column: string): number | undefined {
  const id = cx.orgId(code, loc, column);
  if (id === undefined) return undefined;
  if (!isManagement(cx.state.orgs.get(id)!.category as OrgCategory)) {
    cx.error(loc, column, code, m.notManagement);
    return undefined;
  }
  return id;
}

/** A day not after today, else an error on the cell. */
function notFuture(cx: PlanContext, day: string, loc: Loc, column: string): boolean {
  if (day <= cx.today) return true;
  cx.error(loc, column, day, m.futureDate(cx.today));
  return false;
}

/** A year not after this one and its day of record within it or later (not after today). */
function yearAndDay(
  cx: PlanContext,
  r: { year: number; loc: Loc },
  day: string,
  yearColumn: string,
  dayColumn: string,
): boolean {
  if (r.year > yearOf(cx.today)) {
    cx.error(r.loc, yearColumn, r.year, m.futureYear(r.year));
    return false;
  }
  if (day < `${r.year}-01-01`) {
    cx.error(r.loc, dayColumn, day, m.beforeYear(r.year));
    return false;
  }
  return notFuture(cx, day, r.loc, dayColumn);
}

/** The organization or host a row names (exactly one of the two), else an error. */
function subjectOf(
  cx: PlanContext,
  r: { orgCode: string | null; creditCode: string | null; loc: Loc },
  orgColumn: string,
  hostColumn: string,
): { orgId: number | null; hostId: number | null } | undefined {
  if (r.orgCode !== null && r.creditCode !== null) {
    cx.error(r.loc, hostColumn, r.creditCode, m.subjectBoth);
    return undefined;
  }
  if (r.orgCode !== null) {
    const id = cx.orgId(r.orgCode, r.loc, orgColumn);
    return id === undefined ? undefined : { orgId: id, hostId: null };
  }
  if (r.creditCode !== null) {
    const id = cx.hostId(r.creditCode, r.loc, hostColumn);
    return id === undefined ? undefined : { orgId: null, hostId: id };
  }
  cx.error(r.loc, orgColumn, "", m.subjectNone);
  return undefined;
}

/**
 * The superiors of an organization: the nodes above it today and above each parent it had before (a
 * review or an award of a past year may come from the superior of the day).
 */
function superiorsOf(cx: PlanContext, orgId: number): Set<number> {
  const { orgs, reparentings } = cx.state;
  const out = new Set<number>();
  const addPath = (id: number) => {
    const o = orgs.get(id);
    if (o) for (const x of idsOfPath(o.path)) out.add(x);
  };
  const self = orgs.get(orgId);
  if (self?.parentId != null) addPath(self.parentId);
  for (const r of reparentings.rows.values()) if (r.orgId === orgId) addPath(r.fromParentId);
  out.delete(orgId);
  return out;
}

export function planTrainings(cx: PlanContext): void {
  const { trainings } = cx.state;
  const col = (f: string) => header("trainings", f);
  const first = cx.firstInSheet();
  for (const r of cx.sheets.trainings) {
    const oid = managementId(cx, r.organizerCode, r.loc, col("organizerCode"));
    if (oid === undefined) continue;
    if (r.endOn < r.startOn) {
      cx.error(r.loc, col("endOn"), r.endOn, m.trainingEndBeforeStart);
      continue;
    }
    const key = trainingKey(oid, r.startOn, r.title);
    if (!first(key, r.loc, col("title"), `${r.organizerCode} ${r.startOn} ${r.title}`)) continue;
    trainings.stage(
      key,
      {
        organizerId: oid,
        title: r.title,
        kind: r.kind,
        startOn: r.startOn,
        endOn: r.endOn,
        place: r.place,
        hours: r.hours,
      },
      r.loc,
    );
  }
}

/**
 * Whether a person may take part in a training of an organizer: a member held (now or once) in its subtree
 * or working in its territory, an instructor it dispatched or registered (or one who guided a host of its
 * territory), a host's 出资人 of its territory or covered from its subtree. Lenient on dates: any link that
 * ever placed the person in the organizer's reach counts.
 */
function organizerReach(cx: PlanContext): (organizerId: number, kind: string, personId: number) => boolean {
  const { orgs, regions, hosts, members, instructors, relationships, workplaces, coverages, assignments } =
    cx.state;
  const relsOf = groupBy(relationships.rows.values(), (r) => String(r.memberId));
  const worksOf = groupBy(workplaces.rows.values(), (r) => String(r.memberId));
  const coversOf = groupBy(coverages.rows.values(), (r) => String(r.hostId));
  const guidesOf = groupBy(assignments.rows.values(), (r) => String(r.instructorId));
  const under = (orgId: number | null, organizerId: number) => {
    const o = orgId === null ? undefined : orgs.get(orgId);
    return o !== undefined && o.path.startsWith(orgs.get(organizerId)!.path);
  };
  const hostUnder = (hostId: number | null, organizerId: number) => {
    const h = hostId === null ? undefined : hosts.get(hostId);
    if (!h) return false;
    const territory = orgs.get(organizerId)!.regionId;
    const region = regions.get(h.regionId);
    if (territory !== null && region && region.path.startsWith(regions.get(territory)?.path ?? "~"))
      return true;
    return (coversOf.get(String(h.id)) ?? []).some((c) => under(c.orgId, organizerId));
  };
  return (organizerId, kind, personId) => {
    if (kind === "owner") return hostUnder(personId, organizerId);
    if (kind === "instructor") {
      const i = instructors.get(personId)!;
      return (
        under(i.dispatchOrgId, organizerId) ||
        under(i.registeredById, organizerId) ||
        (guidesOf.get(String(personId)) ?? []).some((a) => hostUnder(a.hostId, organizerId))
      );
    }
    const x = members.get(personId)!;
    return (
      under(x.orgId, organizerId) ||
      hostUnder(x.workHostId, organizerId) ||
      (relsOf.get(String(personId)) ?? []).some((r) => under(r.orgId, organizerId)) ||
      (worksOf.get(String(personId)) ?? []).some((w) => hostUnder(w.hostId, organizerId))
    );
  };
}

export function planTrainingParticipants(cx: PlanContext): void {
  const { trainings, trainingParticipants, instructors } = cx.state;
  const col = (f: string) => header("trainingParticipants", f);
  const first = cx.firstInSheet();
  if (cx.sheets.trainingParticipants.length === 0) return;
  const reach = organizerReach(cx);
  for (const r of cx.sheets.trainingParticipants) {
    const oid = cx.orgId(r.organizerCode, r.loc, col("organizerCode"));
    if (oid === undefined) continue;
    const tid = trainings.idOf(trainingKey(oid, r.startOn, r.title));
    if (tid === undefined) {
      cx.error(r.loc, col("title"), r.title, m.trainingMissing);
      continue;
    }
    const given = [r.idNumber, r.instructorNumber, r.ownerCreditCode].filter((x) => x !== null);
    if (given.length !== 1) {
      cx.error(r.loc, col("idNumber"), given.join(" "), m.participantOne);
      continue;
    }
    let person: { kind: "member" | "instructor" | "owner"; id: number; shown: string } | undefined;
    if (r.idNumber !== null) {
      const id = cx.memberId(r.idNumber, r.loc, col("idNumber"));
      if (id !== undefined) person = { kind: "member", id, shown: r.idNumber };
    } else if (r.instructorNumber !== null) {
      const id = instructors.idOf(r.instructorNumber);
      if (id === undefined) cx.error(r.loc, col("instructorNumber"), r.instructorNumber, m.instructorMissing);
      else person = { kind: "instructor", id, shown: r.instructorNumber };
    } else {
      const id = cx.hostId(r.ownerCreditCode!, r.loc, col("ownerCreditCode"));
      if (id !== undefined) person = { kind: "owner", id, shown: r.ownerCreditCode! };
    }
    if (!person) continue;
    if (!reach(oid, person.kind, person.id)) {
      const column =
        person.kind === "member"
          ? "idNumber"
          : person.kind === "instructor"
            ? "instructorNumber"
            : "ownerCreditCode";
      cx.error(r.loc, col(column), person.shown, m.participantOutsideOrganizer);
      continue;
    }
    const key = participantKey(tid, person.kind, person.id);
    if (!first(key, r.loc, col("title"), `${r.title} ${person.shown}`)) continue;
    trainingParticipants.stage(
      key,
      {
        trainingId: tid,
        kind: person.kind,
        memberId: person.kind === "member" ? person.id : null,
        instructorId: person.kind === "instructor" ? person.id : null,
        hostId: person.kind === "owner" ? person.id : null,
      },
      r.loc,
    );
  }
}

export function planInstructorAssessments(cx: PlanContext): void {
  const { instructors, instructorAssessments, orgs } = cx.state;
  const col = (f: string) => header("instructorAssessments", f);
  const first = cx.firstInSheet();
  for (const r of cx.sheets.instructorAssessments) {
    const iid = instructors.idOf(r.number);
    if (iid === undefined) {
      cx.error(r.loc, col("number"), r.number, m.instructorMissing);
      continue;
    }
    if (!yearAndDay(cx, r, r.assessedOn, col("year"), col("assessedOn"))) continue;
    // 谁派出、谁主管: the dispatching organization, or the registering node for an organ outside the tree.
    const instructor = instructors.get(iid)!;
    const assessor = instructor.dispatchOrgId ?? instructor.registeredById;
    if (r.assessedByCode !== null) {
      const given = cx.orgId(r.assessedByCode, r.loc, col("assessedByCode"));
      if (given === undefined) continue;
      if (given !== assessor) {
        cx.error(
          r.loc,
          col("assessedByCode"),
          r.assessedByCode,
          m.assessorMismatch(orgs.get(assessor)!.code),
        );
        continue;
      }
    }
    const key = rowKey(iid, r.year);
    if (!first(key, r.loc, col("year"), `${r.number} ${r.year}`)) continue;
    instructorAssessments.stage(
      key,
      {
        instructorId: iid,
        year: r.year,
        grade: r.grade,
        remarks: r.remarks,
        assessedOn: r.assessedOn,
        assessedById: assessor,
      },
      r.loc,
    );
  }
}

export function planSecretaryReviews(cx: PlanContext): void {
  const { secretaryReviews, secretaries, orgs } = cx.state;
  const col = (f: string) => header("secretaryReviews", f);
  const first = cx.firstInSheet();
  const termsOf = groupBy(secretaries.rows.values(), (s) => rowKey(s.orgId, s.memberId));
  for (const r of cx.sheets.secretaryReviews) {
    const oid = grassrootsId(cx, r.orgCode, r.loc, col("orgCode"));
    const mid = cx.memberId(r.idNumber, r.loc, col("idNumber"));
    if (oid === undefined || mid === undefined) continue;
    if (!yearAndDay(cx, r, r.reviewedOn, col("year"), col("reviewedOn"))) continue;
    const yearStart = `${r.year}-01-01`;
    const yearEnd = `${r.year + 1}-01-01`;
    const served = (termsOf.get(rowKey(oid, mid)) ?? []).some(
      (s) => s.startOn < yearEnd && (s.endOn === null || s.endOn > yearStart),
    );
    if (!served) {
      cx.error(r.loc, col("idNumber"), r.idNumber, m.notSecretaryInYear);
      continue;
    }
    const superiors = superiorsOf(cx, oid);
    let reviewer: number | undefined;
    if (r.reviewedByCode === null) {
      reviewer = orgs.get(oid)!.parentId ?? undefined;
      if (reviewer === undefined) {
        cx.error(r.loc, col("reviewedByCode"), "", m.reviewerNotSuperior);
        continue;
      }
    } else {
      reviewer = cx.orgId(r.reviewedByCode, r.loc, col("reviewedByCode"));
      if (reviewer === undefined) continue;
      if (!superiors.has(reviewer)) {
        cx.error(r.loc, col("reviewedByCode"), r.reviewedByCode, m.reviewerNotSuperior);
        continue;
      }
    }
    const key = rowKey(oid, mid, r.year);
    if (!first(key, r.loc, col("year"), `${r.orgCode} ${r.idNumber} ${r.year}`)) continue;
    secretaryReviews.stage(
      key,
      {
        orgId: oid,
        memberId: mid,
        year: r.year,
        grade: r.grade,
        remarks: r.remarks,
        reviewedOn: r.reviewedOn,
        reviewedById: reviewer,
      },
      r.loc,
    );
  }
}

export function planFiveGood(cx: PlanContext): void {
  const { fiveGoodAwards } = cx.state;
  const col = (f: string) => header("fiveGood", f);
  const first = cx.firstInSheet();
  for (const r of cx.sheets.fiveGood) {
    const oid = grassrootsId(cx, r.orgCode, r.loc, col("orgCode"));
    if (oid === undefined) continue;
    if (r.year > yearOf(cx.today)) {
      cx.error(r.loc, col("year"), r.year, m.futureYear(r.year));
      continue;
    }
    if (!notFuture(cx, r.appliedOn, r.loc, col("appliedOn"))) continue;
    let reviewerId: number | null = null;
    if (r.decision === null) {
      const filled = (["level", "reviewedOn", "reviewerCode", "reviewNote"] as const).find(
        (f) => r[f] !== null,
      );
      if (filled) {
        cx.error(r.loc, col(filled), r[filled], m.pendingFieldsEmpty);
        continue;
      }
    } else {
      if (r.reviewedOn === null || r.reviewerCode === null) {
        const missing = r.reviewedOn === null ? "reviewedOn" : "reviewerCode";
        cx.error(r.loc, col(missing), "", m.decisionFieldsRequired);
        continue;
      }
      if (r.decision === "awarded" && r.level === null) {
        cx.error(r.loc, col("level"), "", m.awardLevelRequired);
        continue;
      }
      if (r.decision === "rejected" && r.level !== null) {
        cx.error(r.loc, col("level"), r.level, m.rejectedNoLevel);
        continue;
      }
      if (r.reviewedOn < r.appliedOn) {
        cx.error(r.loc, col("reviewedOn"), r.reviewedOn, m.reviewedBeforeApplied);
        continue;
      }
      if (!notFuture(cx, r.reviewedOn, r.loc, col("reviewedOn"))) continue;
      const id = managementId(cx, r.reviewerCode, r.loc, col("reviewerCode"));
      if (id === undefined) continue;
      if (!superiorsOf(cx, oid).has(id)) {
        cx.error(r.loc, col("reviewerCode"), r.reviewerCode, m.awardReviewerNotSuperior);
        continue;
      }
      reviewerId = id;
    }
    const key = rowKey(oid, r.year);
    if (!first(key, r.loc, col("year"), `${r.orgCode} ${r.year}`)) continue;
    fiveGoodAwards.stage(
      key,
      {
        orgId: oid,
        year: r.year,
        appliedOn: r.appliedOn,
        application: r.application,
        decision: r.decision,
        level: r.level,
        reviewedOn: r.reviewedOn,
        reviewerId,
        reviewNote: r.reviewNote,
      },
      r.loc,
    );
  }
}

export function planShowcases(cx: PlanContext): void {
  const { showcases } = cx.state;
  const col = (f: string) => header("showcases", f);
  const first = cx.firstInSheet();
  for (const r of cx.sheets.showcases) {
    const subject = subjectOf(cx, r, col("orgCode"), col("creditCode"));
    const namedBy = managementId(cx, r.namedByCode, r.loc, col("namedByCode"));
    if (subject === undefined || namedBy === undefined) continue;
    if (r.endOn !== null && r.endOn <= r.startOn) {
      cx.error(r.loc, col("endOn"), r.endOn, m.endBeforeStart);
      continue;
    }
    const key = rowKey(subjectKey(subject.orgId, subject.hostId), r.level, r.startOn);
    if (!first(key, r.loc, col("startOn"), `${r.orgCode ?? r.creditCode} ${r.startOn}`)) continue;
    showcases.stage(
      key,
      {
        ...subject,
        level: r.level,
        namedById: namedBy,
        startOn: r.startOn,
        endOn: r.endOn,
        reasons: r.reasons,
      },
      r.loc,
    );
  }
  checkOverlaps(
    cx,
    showcases,
    col("startOn"),
    (r) => rowKey(subjectKey(r.orgId, r.hostId), r.level),
    (r) => r.startOn,
    (r) => r.endOn,
  );
}

export function planLeaders(cx: PlanContext): void {
  const { leaders } = cx.state;
  const col = (f: string) => header("leaders", f);
  const first = cx.firstInSheet();
  for (const r of cx.sheets.leaders) {
    const rid = managementId(cx, r.registeredCode, r.loc, col("registeredCode"));
    if (rid === undefined) continue;
    const key = leaderKey(r.name, r.unit);
    if (!first(key, r.loc, col("name"), `${r.name} ${r.unit}`)) continue;
    leaders.stage(key, { name: r.name, unit: r.unit, post: r.post, registeredById: rid }, r.loc);
  }
}

/** The id of a leader by name and unit, else an error. */
function leaderId(cx: PlanContext, name: string, unit: string, loc: Loc, column: string): number | undefined {
  const id = cx.state.leaders.idOf(leaderKey(name, unit));
  if (id === undefined) cx.error(loc, column, `${name} ${unit}`, m.leaderMissing);
  return id;
}

export function planContactPoints(cx: PlanContext): void {
  const { contactPoints } = cx.state;
  const col = (f: string) => header("contactPoints", f);
  const first = cx.firstInSheet();
  for (const r of cx.sheets.contactPoints) {
    const lid = leaderId(cx, r.leaderName, r.leaderUnit, r.loc, col("leaderName"));
    const subject = subjectOf(cx, r, col("orgCode"), col("creditCode"));
    if (lid === undefined || subject === undefined) continue;
    if (r.endOn !== null && r.endOn <= r.startOn) {
      cx.error(r.loc, col("endOn"), r.endOn, m.endBeforeStart);
      continue;
    }
    const key = rowKey(lid, subjectKey(subject.orgId, subject.hostId), r.startOn);
    if (!first(key, r.loc, col("startOn"), `${r.leaderName} ${r.orgCode ?? r.creditCode} ${r.startOn}`))
      continue;
    contactPoints.stage(key, { leaderId: lid, ...subject, startOn: r.startOn, endOn: r.endOn }, r.loc);
  }
  checkOverlaps(
    cx,
    contactPoints,
    col("startOn"),
    (r) => rowKey(r.leaderId, subjectKey(r.orgId, r.hostId)),
    (r) => r.startOn,
    (r) => r.endOn,
  );
}

export function planContactVisits(cx: PlanContext): void {
  const { contactPoints, contactVisits } = cx.state;
  const col = (f: string) => header("contactVisits", f);
  const first = cx.firstInSheet();
  const pointsOf = groupBy(contactPoints.rows.values(), (p) =>
    rowKey(p.leaderId, subjectKey(p.orgId, p.hostId)),
  );
  for (const r of cx.sheets.contactVisits) {
    const lid = leaderId(cx, r.leaderName, r.leaderUnit, r.loc, col("leaderName"));
    const subject = subjectOf(cx, r, col("orgCode"), col("creditCode"));
    if (lid === undefined || subject === undefined) continue;
    if (!notFuture(cx, r.visitedOn, r.loc, col("visitedOn"))) continue;
    const point = (pointsOf.get(rowKey(lid, subjectKey(subject.orgId, subject.hostId))) ?? []).find(
      (p) => p.startOn <= r.visitedOn && (p.endOn === null || p.endOn > r.visitedOn),
    );
    if (!point) {
      cx.error(r.loc, col("visitedOn"), r.visitedOn, m.visitOutsidePoint);
      continue;
    }
    const key = rowKey(point.id, r.visitedOn);
    if (!first(key, r.loc, col("visitedOn"), `${r.leaderName} ${r.visitedOn}`)) continue;
    contactVisits.stage(
      key,
      {
        contactPointId: point.id,
        visitedOn: r.visitedOn,
        content: r.content,
        problems: r.problems,
        followUp: r.followUp,
      },
      r.loc,
    );
  }
}
