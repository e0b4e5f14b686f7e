/**
 * Assessment (考核): instructors' annual assessment by their dispatcher, secretaries' 述职评议 by the
 * superior's administrator, and the 五好党支部 applications and reviews. Every read is bounded by the
 * caller's scope (outside it: NOT_FOUND); every write runs in one transaction with its audit row; the rules
 * of who may act are the domain's (`@liangxin/domain` cadres/assessment).
 */
import type { Cx } from "@liangxin/db/cx";
import { selectAll, selectOne, writeTransaction } from "@liangxin/db/driver";
import { fiveGoodAwards, instructorAssessments, secretaryReviews } from "@liangxin/db/schema";
import { scopeSql } from "@liangxin/db/scope";
import {
  AppError,
  assertMayApplyFiveGood,
  assertMayAssessInstructor,
  assertMayReviewFiveGood,
  assertMayReviewSecretary,
  assertYearBegun,
  honourLevelOf,
  isManagement,
  isStrictAncestor,
  yearOf,
  yearStart,
  type AssessmentGrade,
  type AwardDecision,
  type HonourLevel,
  type OrgCategory,
  type ReviewGrade,
} from "@liangxin/domain";
import { and, eq, sql } from "drizzle-orm";
import { audit } from "../commands/common.ts";
import { requireGrassrootsInSubtree, requireOrgInSubtree } from "../work/common.ts";

// ---- 指导员年度考核 ---------------------------------------------------------------------------------

interface InstructorRecord {
  id: number;
  name: string;
  dispatchOrgId: number | null;
  registeredById: number;
}

/** An instructor the caller sees (registered or dispatched by the subtree, or serving there), else NOT_FOUND. */
async function visibleInstructor(cx: Cx, instructorId: number): Promise<InstructorRecord> {
  if (!cx.scope.org) throw AppError.notFound("instructor");
  const { sets } = scopeSql(cx.scope, cx.today);
  const row = await selectOne<InstructorRecord>(
    cx.db,
    sql`select i.id, i.name, i.dispatch_org_id as dispatchOrgId, i.registered_by_id as registeredById
        from instructors i where i.id = ${instructorId}
        and (${sets.instructors.editable("i")} or ${sets.instructors.reference("i")})`,
  );
  if (!row) throw AppError.notFound("instructor");
  return row;
}

export interface AssessInstructorInput {
  instructorId: number;
  year: number;
  grade: AssessmentGrade;
  remarks?: string | null;
  /** The version read when the year's assessment already exists (a stale save writes nothing). */
  version?: number;
}

/** The year's one assessment of an instructor, by his dispatcher (or registering node): set or replaced. */
export async function assessInstructor(cx: Cx, input: AssessInstructorInput) {
  const { db, today } = cx;
  return writeTransaction(db, async () => {
    const instructor = await visibleInstructor(cx, input.instructorId);
    assertMayAssessInstructor(cx.scope.org?.id ?? null, instructor);
    assertYearBegun(input.year, today);
    const key = and(
      eq(instructorAssessments.instructorId, instructor.id),
      eq(instructorAssessments.year, input.year),
    );
    const before = (await db.select().from(instructorAssessments).where(key).limit(1))[0] ?? null;
    const fields = {
      grade: input.grade,
      remarks: input.remarks ?? null,
      assessedOn: today,
      assessedById: cx.scope.org!.id,
    };
    let after;
    if (before) {
      if (input.version !== undefined && input.version !== before.version) throw AppError.stale();
      after = (
        await db
          .update(instructorAssessments)
          .set({ ...fields, version: before.version + 1 })
          .where(and(key, eq(instructorAssessments.version, before.version)))
          .returning()
      )[0];
      if (!after) throw AppError.stale();
    } else {
      after = (
        await db
          .insert(instructorAssessments)
          .values({ instructorId: instructor.id, year: input.year, ...fields, createdBy: cx.scope.userId })
          .returning()
      )[0]!;
    }
    await audit(cx, {
      action: "instructorAssessment.set",
      entity: "instructorAssessment",
      entityId: after.id,
      scopeOrgId: cx.scope.org!.id,
      before,
      after,
    });
    return after;
  });
}

export interface AssessmentView {
  id: number;
  year: number;
  grade: AssessmentGrade;
  remarks: string | null;
  assessedOn: string;
  assessorName: string;
  version: number;
}

export interface InstructorAssessmentRow {
  instructorId: number;
  number: string;
  name: string;
  dispatchName: string | null;
  /** The caller's node is the one that assesses him. */
  mayAssess: boolean;
  assessment: AssessmentView | null;
}

/**
 * The instructors registered or dispatched by the caller's subtree with their assessment of `year`: those
 * the caller assesses first, those not yet assessed first among them (the list the dispatcher works
 * through), then the others by number.
 */
export async function listInstructorAssessments(
  cx: Cx,
  input: { year?: number } = {},
): Promise<{ year: number; rows: InstructorAssessmentRow[] }> {
  const year = input.year ?? yearOf(cx.today);
  const node = cx.scope.org;
  if (!node) return { year, rows: [] };
  const { sets } = scopeSql(cx.scope, cx.today);
  const rows = await selectAll<{
    instructorId: number;
    number: string;
    name: string;
    dispatchName: string | null;
    assessorId: number;
    id: number | null;
    grade: AssessmentGrade | null;
    remarks: string | null;
    assessedOn: string | null;
    assessorName: string | null;
    version: number | null;
  }>(
    cx.db,
    sql`select i.id as instructorId, i.number, i.name, coalesce(d.name, i.dispatch_org_name) as dispatchName,
          coalesce(i.dispatch_org_id, i.registered_by_id) as assessorId,
          a.id, a.grade, a.remarks, a.assessed_on as assessedOn, ao.name as assessorName, a.version
        from instructors i
        left join orgs d on d.id = i.dispatch_org_id
        left join instructor_assessments a on a.instructor_id = i.id and a.year = ${year}
        left join orgs ao on ao.id = a.assessed_by_id
        where ${sets.instructors.editable("i")}
        order by (coalesce(i.dispatch_org_id, i.registered_by_id) = ${node.id}) desc, (a.id is null) desc, i.number`,
  );
  return {
    year,
    rows: rows.map((r) => ({
      instructorId: r.instructorId,
      number: r.number,
      name: r.name,
      dispatchName: r.dispatchName,
      mayAssess: r.assessorId === node.id,
      assessment:
        r.id === null
          ? null
          : {
              id: r.id,
              year,
              grade: r.grade!,
              remarks: r.remarks,
              assessedOn: r.assessedOn!,
              assessorName: r.assessorName ?? "",
              version: r.version!,
            },
    })),
  };
}

/** An instructor's assessments, latest year first (his page), and whether the caller assesses him. */
export async function instructorAssessmentHistory(
  cx: Cx,
  input: { instructorId: number },
): Promise<{ instructorId: number; mayAssess: boolean; rows: AssessmentView[] }> {
  const instructor = await visibleInstructor(cx, input.instructorId);
  const rows = await selectAll<AssessmentView>(
    cx.db,
    sql`select a.id, a.year, a.grade, a.remarks, a.assessed_on as assessedOn, o.name as assessorName, a.version
        from instructor_assessments a join orgs o on o.id = a.assessed_by_id
        where a.instructor_id = ${instructor.id} order by a.year desc`,
  );
  const assessor = instructor.dispatchOrgId ?? instructor.registeredById;
  return { instructorId: instructor.id, mayAssess: assessor === cx.scope.org?.id, rows };
}

// ---- 书记抓党建述职评议 ---------------------------------------------------------------------------

export interface ReviewSecretaryInput {
  orgId: number;
  memberId: number;
  year: number;
  grade: ReviewGrade;
  remarks?: string | null;
  version?: number;
}

/** The year's review of a secretary of an organization, by the administrator of its parent node. */
export async function reviewSecretary(cx: Cx, input: ReviewSecretaryInput) {
  const { db, scope, today } = cx;
  const org = await requireGrassrootsInSubtree(db, scope, input.orgId);
  return writeTransaction(db, async () => {
    const parent = (await selectOne<{ parentId: number | null }>(
      db,
      sql`select parent_id as parentId from orgs where id = ${org.id}`,
    ))!;
    const term = await selectOne<{ name: string; startOn: string; endOn: string | null }>(
      db,
      sql`select m.name, s.start_on as startOn, s.end_on as endOn from secretaries s join members m on m.id = s.member_id
          where s.org_id = ${org.id} and s.member_id = ${input.memberId}
          order by (s.start_on < ${yearStart(input.year + 1)} and (s.end_on is null or s.end_on > ${yearStart(input.year)})) desc,
            s.start_on desc limit 1`,
    );
    if (!term) throw AppError.notFound("secretary");
    assertMayReviewSecretary(
      { role: scope.role, orgId: scope.org?.id ?? null },
      parent,
      term,
      input.year,
      today,
    );
    const key = and(
      eq(secretaryReviews.orgId, org.id),
      eq(secretaryReviews.memberId, input.memberId),
      eq(secretaryReviews.year, input.year),
    );
    const before = (await db.select().from(secretaryReviews).where(key).limit(1))[0] ?? null;
    const fields = {
      grade: input.grade,
      remarks: input.remarks ?? null,
      reviewedOn: today,
      reviewedById: scope.org!.id,
    };
    let after;
    if (before) {
      if (input.version !== undefined && input.version !== before.version) throw AppError.stale();
      after = (
        await db
          .update(secretaryReviews)
          .set({ ...fields, version: before.version + 1 })
          .where(and(key, eq(secretaryReviews.version, before.version)))
          .returning()
      )[0];
      if (!after) throw AppError.stale();
    } else {
      after = (
        await db
          .insert(secretaryReviews)
          .values({
            orgId: org.id,
            memberId: input.memberId,
            year: input.year,
            ...fields,
            createdBy: scope.userId,
          })
          .returning()
      )[0]!;
    }
    await audit(cx, {
      action: "secretaryReview.set",
      entity: "secretaryReview",
      entityId: after.id,
      scopeOrgId: org.id,
      before,
      after,
    });
    return after;
  });
}

export interface SecretaryReviewRow {
  orgId: number;
  orgCode: string;
  orgName: string;
  memberId: number;
  secretaryName: string;
  startOn: string;
  endOn: string | null;
  review: {
    id: number;
    grade: ReviewGrade;
    remarks: string | null;
    reviewedOn: string;
    version: number;
  } | null;
}

/**
 * The secretaries of the caller's direct subordinate organizations in office during `year`, with the year's
 * review (the list the superior's administrator works through; empty for a node without subordinates).
 */
export async function listSecretaryReviews(
  cx: Cx,
  input: { year?: number } = {},
): Promise<{ year: number; rows: SecretaryReviewRow[] }> {
  const year = input.year ?? yearOf(cx.today);
  const node = cx.scope.org;
  if (!node || cx.scope.role !== "admin") return { year, rows: [] };
  const { within, sets } = scopeSql(cx.scope, cx.today);
  const rows = await selectAll<{
    orgId: number;
    orgCode: string;
    orgName: string;
    memberId: number;
    secretaryName: string;
    startOn: string;
    endOn: string | null;
    id: number | null;
    grade: ReviewGrade | null;
    remarks: string | null;
    reviewedOn: string | null;
    version: number | null;
  }>(
    cx.db,
    sql`select o.id as orgId, o.code as orgCode, o.name as orgName, m.id as memberId, m.name as secretaryName,
          s.start_on as startOn, s.end_on as endOn, r.id, r.grade, r.remarks, r.reviewed_on as reviewedOn, r.version
        from orgs o join secretaries s on s.org_id = o.id join members m on m.id = s.member_id
        left join secretary_reviews r on r.org_id = o.id and r.member_id = m.id and r.year = ${year}
        where o.parent_id = ${node.id} and ${within.subtree("o")}
          and o.category in ('committee','generalBranch','branch','jointBranch')
          and s.start_on < ${yearStart(year + 1)} and (s.end_on is null or s.end_on > ${yearStart(year)})
          and ${sets.members.editable("m")}
        order by o.code, s.start_on`,
  );
  return {
    year,
    rows: rows.map(({ id, grade, remarks, reviewedOn, version, ...r }) => ({
      ...r,
      review: id === null ? null : { id, grade: grade!, remarks, reviewedOn: reviewedOn!, version: version! },
    })),
  };
}

// ---- 五好党支部 -------------------------------------------------------------------------------------

/** An application for 五好党支部 of `year` for a grassroots organization of the caller's subtree. */
export async function applyFiveGood(
  cx: Cx,
  input: { orgId: number; year: number; application?: string | null },
) {
  const { db, scope, today } = cx;
  const org = await requireOrgInSubtree(db, scope, input.orgId);
  return writeTransaction(db, async () => {
    const existing = (
      await db
        .select({ id: fiveGoodAwards.id })
        .from(fiveGoodAwards)
        .where(and(eq(fiveGoodAwards.orgId, org.id), eq(fiveGoodAwards.year, input.year)))
        .limit(1)
    )[0];
    assertMayApplyFiveGood(
      { role: scope.role, orgId: scope.org?.id ?? null },
      { id: org.id, category: org.category, inScope: true },
      input.year,
      today,
      existing !== undefined,
    );
    const row = (
      await db
        .insert(fiveGoodAwards)
        .values({
          orgId: org.id,
          year: input.year,
          appliedOn: today,
          application: input.application ?? null,
          appliedBy: scope.userId,
        })
        .returning()
    )[0]!;
    await audit(cx, {
      action: "fiveGood.apply",
      entity: "fiveGoodAward",
      entityId: row.id,
      scopeOrgId: org.id,
      after: row,
    });
    return row;
  });
}

/** The review of an application: awarded (at the reviewer's level) or rejected, once, dated today. */
export async function reviewFiveGood(
  cx: Cx,
  input: { id: number; decision: AwardDecision; reviewNote?: string | null; version?: number },
) {
  const { db, scope, today } = cx;
  return writeTransaction(db, async () => {
    const before = (
      await db.select().from(fiveGoodAwards).where(eq(fiveGoodAwards.id, input.id)).limit(1)
    )[0];
    if (!before) throw AppError.notFound("fiveGood");
    const org = await requireOrgInSubtree(db, scope, before.orgId);
    const level = assertMayReviewFiveGood(
      {
        role: scope.role,
        node: scope.org ? { category: scope.org.category as OrgCategory, path: scope.org.path } : null,
      },
      org,
      before,
      today,
    );
    if (input.version !== undefined && input.version !== before.version) throw AppError.stale();
    const after = (
      await db
        .update(fiveGoodAwards)
        .set({
          decision: input.decision,
          // The level is the award's: a rejection has none.
          level: input.decision === "awarded" ? level : null,
          reviewedOn: today,
          reviewerId: scope.org!.id,
          reviewNote: input.reviewNote ?? null,
          reviewedBy: scope.userId,
          version: before.version + 1,
        })
        .where(and(eq(fiveGoodAwards.id, before.id), eq(fiveGoodAwards.version, before.version)))
        .returning()
    )[0];
    if (!after) throw AppError.stale();
    await audit(cx, {
      action: "fiveGood.review",
      entity: "fiveGoodAward",
      entityId: before.id,
      scopeOrgId: before.orgId,
      before,
      after,
    });
    return after;
  });
}

export interface FiveGoodRow {
  id: number;
  orgId: number;
  orgCode: string;
  orgName: string;
  year: number;
  appliedOn: string;
  application: string | null;
  decision: AwardDecision | null;
  level: HonourLevel | null;
  reviewedOn: string | null;
  reviewerName: string | null;
  reviewNote: string | null;
  version: number;
  /** Pending, and the caller's node may review it. */
  mayReview: boolean;
}

const FIVE_GOOD_COLUMNS = sql`f.id, f.org_id as orgId, o.code as orgCode, o.name as orgName, o.path, f.year,
  f.applied_on as appliedOn, f.application, f.decision, f.level, f.reviewed_on as reviewedOn,
  rv.name as reviewerName, f.review_note as reviewNote, f.version`;

function withMayReview(cx: Cx, rows: (Omit<FiveGoodRow, "mayReview"> & { path: string })[]): FiveGoodRow[] {
  const node = cx.scope.org;
  const reviews =
    cx.scope.role === "admin" &&
    node !== null &&
    isManagement(node.category as OrgCategory) &&
    honourLevelOf(node.category as OrgCategory) !== null;
  return rows.map(({ path, ...r }) => ({
    ...r,
    mayReview: reviews && r.decision === null && isStrictAncestor(node!.path, path),
  }));
}

/**
 * The 五好 applications of the organizations in the caller's subtree (the applicant sees its own, the nodes
 * above see them to review): pending first, then latest year first.
 */
export async function listFiveGood(cx: Cx, input: { year?: number } = {}): Promise<FiveGoodRow[]> {
  if (!cx.scope.org) return [];
  const { within } = scopeSql(cx.scope, cx.today);
  const rows = await selectAll<Omit<FiveGoodRow, "mayReview"> & { path: string }>(
    cx.db,
    sql`select ${FIVE_GOOD_COLUMNS}
        from five_good_awards f join orgs o on o.id = f.org_id left join orgs rv on rv.id = f.reviewer_id
        where ${within.subtree("o")} ${input.year === undefined ? sql`` : sql`and f.year = ${input.year}`}
        order by (f.decision is null) desc, f.year desc, f.applied_on desc, o.code`,
  );
  return withMayReview(cx, rows);
}

/** Pending 五好 applications the caller's node may review (its 待办). */
export async function pendingFiveGoodReviews(cx: Cx): Promise<FiveGoodRow[]> {
  return (await listFiveGood(cx)).filter((r) => r.mayReview);
}

/** One organization's 五好 applications and its secretaries' reviews (the organization's page). */
export async function orgAssessment(cx: Cx, input: { orgId: number }) {
  const org = await requireOrgInSubtree(cx.db, cx.scope, input.orgId);
  const rows = await selectAll<Omit<FiveGoodRow, "mayReview"> & { path: string }>(
    cx.db,
    sql`select ${FIVE_GOOD_COLUMNS}
        from five_good_awards f join orgs o on o.id = f.org_id left join orgs rv on rv.id = f.reviewer_id
        where f.org_id = ${org.id} order by f.year desc`,
  );
  const reviews = await selectAll<{
    id: number;
    year: number;
    secretaryName: string;
    grade: ReviewGrade;
    remarks: string | null;
    reviewedOn: string;
  }>(
    cx.db,
    sql`select r.id, r.year, m.name as secretaryName, r.grade, r.remarks, r.reviewed_on as reviewedOn
        from secretary_reviews r join members m on m.id = r.member_id
        where r.org_id = ${org.id} order by r.year desc, r.reviewed_on desc`,
  );
  return { orgId: org.id, fiveGood: withMayReview(cx, rows), secretaryReviews: reviews };
}
