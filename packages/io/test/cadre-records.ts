/**
 * Cadre-work records (training, assessment, 述职评议, 五好党支部, showcase sites, leaders' contact points)
 * written through the write model's row writer into a demo database, for the county of the demo's
 * `county` account and a branch of its `township`. The demo's own cadre records of the chosen organization,
 * instructor and host are cleared first; all the others stay and must import back as well.
 */
import { rowWriter } from "@liangxin/core/writers";
import { writeTransaction, type Db } from "@liangxin/db/driver";
import * as s from "@liangxin/db/schema";
import { scopeOf } from "./helpers.ts";

export interface CadreTargets {
  countyId: number;
  countyCode: string;
  townshipId: number;
  townshipCode: string;
  /** A grassroots organization of the township with an open secretary term since 2024 or earlier. */
  branchId: number;
  branchCode: string;
  branchParentId: number;
  secretaryMemberId: number;
  secretaryIdNumber: string;
  /** Members of the branch other than the secretary. */
  memberIdNumbers: string[];
  /** An instructor assessed by the county's subtree (its dispatcher, or its registrar for an organ outside). */
  instructorId: number;
  instructorNumber: string;
  assessorId: number;
  assessorCode: string;
  /** An open host covered by an organization of the township. */
  hostId: number;
  hostCode: string;
}

export async function cadreTargets(db: Db): Promise<CadreTargets> {
  const one = <T>(sql: string, ...p: unknown[]) => db.$client.prepare(sql).get(...p) as T;
  const county = (await scopeOf(db, "county")).org!;
  const township = (await scopeOf(db, "township")).org!;
  if (!township.path.startsWith(county.path)) throw new Error("the demo's township is not in its county");
  const branch = one<{ id: number; code: string; parentId: number; memberId: number; idNumber: string }>(
    `select o.id, o.code, o.parent_id as parentId, s.member_id as memberId, m.id_number as idNumber
     from orgs o join secretaries s on s.org_id = o.id and s.end_on is null join members m on m.id = s.member_id
     where o.category in ('branch', 'jointBranch', 'generalBranch', 'committee') and o.revoked_on is null
       and o.path like ? || '%' and s.start_on <= '2024-01-01'
       and (select count(*) from members x where x.org_id = o.id and x.status = 'normal') >= 3
     order by o.id limit 1`,
    township.path,
  );
  const memberIdNumbers = db.$client
    .prepare(
      "select id_number from members where org_id = ? and status = 'normal' and id <> ? order by id limit 2",
    )
    .pluck()
    .all(branch.id, branch.memberId) as string[];
  const instructor = one<{ id: number; number: string; assessorId: number; assessorCode: string }>(
    `select i.id, i.number, a.id as assessorId, a.code as assessorCode from instructors i
     join orgs a on a.id = coalesce(i.dispatch_org_id, i.registered_by_id)
     where a.path like ? || '%' order by i.id limit 1`,
    county.path,
  );
  const host = one<{ id: number; code: string }>(
    `select h.id, h.credit_code as code from hosts h join coverages c on c.host_id = h.id and c.end_on is null
     join orgs o on o.id = c.org_id join regions r on r.id = h.region_id
     where o.path like ? || '%' and h.closed_on is null order by h.id limit 1`,
    township.path,
  );
  if (!branch || !instructor || !host || memberIdNumbers.length < 2)
    throw new Error("the demo lacks the records the cadre tests need");
  // The demo records cadre work of its own for most organizations, instructors and hosts: the chosen
  // ones are cleared of it, so that the tests' rows (one assessment per instructor and year, one review
  // per secretary and year, one 五好 application per year, showcases without overlap) are theirs alone.
  const clear = (sql: string, id: number) => db.$client.prepare(sql).run(id);
  clear("delete from instructor_assessments where instructor_id = ?", instructor.id);
  clear("delete from secretary_reviews where org_id = ?", branch.id);
  clear("delete from five_good_awards where org_id = ?", branch.id);
  clear("delete from showcases where org_id = ?", branch.id);
  clear("delete from showcases where host_id = ?", host.id);
  return {
    countyId: county.id,
    countyCode: one<{ code: string }>("select code from orgs where id = ?", county.id).code,
    townshipId: township.id,
    townshipCode: one<{ code: string }>("select code from orgs where id = ?", township.id).code,
    branchId: branch.id,
    branchCode: branch.code,
    branchParentId: branch.parentId,
    secretaryMemberId: branch.memberId,
    secretaryIdNumber: branch.idNumber,
    memberIdNumbers,
    instructorId: instructor.id,
    instructorNumber: instructor.number,
    assessorId: instructor.assessorId,
    assessorCode: instructor.assessorCode,
    hostId: host.id,
    hostCode: host.code,
  };
}

/** One record or more of each of the nine tables, as the forms would write them. */
export async function addCadreRecords(db: Db): Promise<CadreTargets> {
  const t = await cadreTargets(db);
  await writeTransaction(db, async () => {
    const w = rowWriter(db);
    const training = await w.insert(s.trainings, {
      organizerId: t.countyId,
      title: "全县两新组织党组织书记示范培训班",
      kind: "secretary",
      startOn: "2025-04-14",
      endOn: "2025-04-16",
      place: "县委党校",
      hours: 24,
    });
    await w.insert(s.trainingParticipants, {
      trainingId: training.id,
      kind: "member",
      memberId: t.secretaryMemberId,
    });
    await w.insert(s.trainingParticipants, {
      trainingId: training.id,
      kind: "instructor",
      instructorId: t.instructorId,
    });
    await w.insert(s.trainingParticipants, { trainingId: training.id, kind: "owner", hostId: t.hostId });
    await w.insert(s.trainings, {
      organizerId: t.townshipId,
      title: "党员冬训",
      kind: "member",
      startOn: "2025-12-01",
      endOn: "2025-12-01",
      place: null,
      hours: null,
    });
    await w.insert(s.instructorAssessments, {
      instructorId: t.instructorId,
      year: 2025,
      grade: "excellent",
      remarks: "指导有力",
      assessedOn: "2025-12-20",
      assessedById: t.assessorId,
    });
    await w.insert(s.secretaryReviews, {
      orgId: t.branchId,
      memberId: t.secretaryMemberId,
      year: 2025,
      grade: "fairlyGood",
      remarks: null,
      reviewedOn: "2026-01-10",
      reviewedById: t.branchParentId,
    });
    await w.insert(s.fiveGoodAwards, {
      orgId: t.branchId,
      year: 2025,
      appliedOn: "2025-10-08",
      application: "组织健全、队伍过硬",
      decision: "awarded",
      level: "county",
      reviewedOn: "2025-12-05",
      reviewerId: t.countyId,
      reviewNote: "同意",
    });
    await w.insert(s.fiveGoodAwards, {
      orgId: t.branchId,
      year: 2026,
      appliedOn: "2026-11-02",
      application: null,
    });
    await w.insert(s.showcases, {
      orgId: t.branchId,
      level: "township",
      namedById: t.townshipId,
      startOn: "2024-07-01",
      endOn: null,
      reasons: "三会一课规范",
    });
    await w.insert(s.showcases, {
      hostId: t.hostId,
      level: "county",
      namedById: t.countyId,
      startOn: "2025-01-01",
      endOn: "2026-01-01",
      reasons: "党建引领发展",
    });
    const leader = await w.insert(s.leaders, {
      name: "王建国",
      post: "副县长",
      unit: "县人民政府",
      registeredById: t.countyId,
    });
    const point = await w.insert(s.contactPoints, {
      leaderId: leader.id,
      orgId: t.branchId,
      startOn: "2024-01-01",
    });
    await w.insert(s.contactPoints, {
      leaderId: leader.id,
      hostId: t.hostId,
      startOn: "2025-01-01",
      endOn: "2026-01-01",
    });
    for (const [visitedOn, content] of [
      ["2025-03-15", "调研组织生活"],
      ["2025-09-10", "座谈"],
    ] as const)
      await w.insert(s.contactVisits, {
        contactPointId: point.id,
        visitedOn,
        content,
        problems: "活动场所偏小",
        followUp: "协调共享场所",
      });
    await w.flush();
  });
  return t;
}

/** The cadre-work records of a database, by codes (ids differ between databases), in a stable order. */
export function cadreRecords(db: Db) {
  const q = (sql: string) => db.$client.prepare(sql).all();
  return {
    trainings: q(`select o.code, t.title, t.kind, t.start_on, t.end_on, t.place, t.hours from trainings t
      join orgs o on o.id = t.organizer_id order by 1, 4, 2`),
    participants: q(`select o.code, t.start_on, t.title, p.kind, m.id_number, i.number, h.credit_code
      from training_participants p join trainings t on t.id = p.training_id join orgs o on o.id = t.organizer_id
      left join members m on m.id = p.member_id left join instructors i on i.id = p.instructor_id
      left join hosts h on h.id = p.host_id order by 1, 2, 3, 4, 5, 6, 7`),
    assessments: q(`select i.number, a.year, a.grade, a.remarks, a.assessed_on, o.code
      from instructor_assessments a join instructors i on i.id = a.instructor_id join orgs o on o.id = a.assessed_by_id
      order by 1, 2`),
    reviews: q(`select o.code, m.id_number, r.year, r.grade, r.remarks, r.reviewed_on, b.code as reviewer
      from secretary_reviews r join orgs o on o.id = r.org_id join members m on m.id = r.member_id
      join orgs b on b.id = r.reviewed_by_id order by 1, 2, 3`),
    fiveGood:
      q(`select o.code, a.year, a.applied_on, a.application, a.decision, a.level, a.reviewed_on, b.code as reviewer,
      a.review_note from five_good_awards a join orgs o on o.id = a.org_id left join orgs b on b.id = a.reviewer_id
      order by 1, 2`),
    showcases: q(`select o.code, h.credit_code, x.level, n.code as namedBy, x.start_on, x.end_on, x.reasons
      from showcases x left join orgs o on o.id = x.org_id left join hosts h on h.id = x.host_id
      join orgs n on n.id = x.named_by_id order by 1, 2, 3, 5`),
    leaders: q(`select l.name, l.unit, l.post, o.code from leaders l join orgs o on o.id = l.registered_by_id
      order by 1, 2`),
    points: q(`select l.name, l.unit, o.code, h.credit_code, p.start_on, p.end_on from contact_points p
      join leaders l on l.id = p.leader_id left join orgs o on o.id = p.org_id left join hosts h on h.id = p.host_id
      order by 1, 2, 3, 4, 5`),
    visits: q(`select l.name, l.unit, o.code, h.credit_code, v.visited_on, v.content, v.problems, v.follow_up
      from contact_visits v join contact_points p on p.id = v.contact_point_id join leaders l on l.id = p.leader_id
      left join orgs o on o.id = p.org_id left join hosts h on h.id = p.host_id order by 1, 2, 3, 4, 5`),
  };
}
