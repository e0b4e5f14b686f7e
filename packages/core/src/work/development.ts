/**
 * 发展党员: applicants with dated stages, advancing one stage at a time; reaching 预备党员 enters the
 * person as a (probationary) member of the organization, reaching 正式党员 sets the member's 转正日期.
 * Probationary members of the subtree whose probation ends within 30 days are listed.
 */
import { eq, sql } from "drizzle-orm";
import {
  advanceApplicant,
  assertProbationServed,
  applicantStage,
  isValidCitizenId,
  nextApplicantStage,
  probationEndsOn,
  probationEnding,
  WORK_MESSAGES,
  AppError,
  assertNotFuture,
  type ApplicantStage,
} from "@liangxin/domain";
import type { Cx } from "@liangxin/db/cx";
import { type Db, selectAll, writeTransaction } from "@liangxin/db/driver";
import { applicants, memberRelationships, members, memberWorkplaces } from "@liangxin/db/schema";
import { type Scope, scopeSql } from "@liangxin/db/scope";
import { auditWork, requireGrassrootsInSubtree, workPolicy } from "./common.ts";
import { refuseRegistered, registering } from "../commands/registration.ts";

export interface ApplicantRow {
  id: number;
  name: string;
  gender: "male" | "female";
  orgId: number;
  orgName: string;
  appliedOn: string;
  activistOn: string | null;
  candidateOn: string | null;
  probationaryOn: string | null;
  fullOn: string | null;
  memberId: number | null;
  stage: ApplicantStage;
  nextStage: ApplicantStage | null;
}

/** Applicants of the caller's subtree: those still in the pipeline first, newest applications first. */
export async function listApplicants(cx: Cx): Promise<ApplicantRow[]> {
  const { db, scope, today } = cx;
  if (!scope.org) return [];
  const { sets, within } = scopeSql(scope, today);
  const rows = await selectAll<Omit<ApplicantRow, "stage" | "nextStage">>(
    db,
    sql`select a.id, a.name, a.gender, a.org_id as orgId, o.name as orgName, a.applied_on as appliedOn,
          a.activist_on as activistOn, a.candidate_on as candidateOn, a.probationary_on as probationaryOn,
          a.full_on as fullOn,
          -- the member the applicant became, while the caller holds them (one who left is no link)
          case when a.member_id is not null and ${sets.members.editable("a_m")} then a.member_id end as memberId
        from applicants a join orgs o on o.id = a.org_id left join members a_m on a_m.id = a.member_id
        where ${within.subtree("o")}
        order by (a.full_on is not null), a.applied_on desc, a.id desc`,
  );
  return rows.map((r) => ({ ...r, stage: applicantStage(r), nextStage: nextApplicantStage(r) }));
}

type ApplicantInput = {
  idNumber: string;
  name: string;
  gender: "male" | "female";
  orgId: number;
  appliedOn: string;
};

/**
 * A new applicant. A citizen ID registered already, as a member or an applicant, in the caller's scope or
 * not, answers the one neutral refusal of `registering` (audited, and counted against the hourly limit).
 */
export async function createApplicant(cx: Cx, input: ApplicantInput): Promise<{ id: number }> {
  const { db, scope, today } = cx;
  const attempt = { entity: "applicant", idNumber: input.idNumber, throttled: true } as const;
  return registering(db, scope, attempt, () => insertApplicant(db, scope, input, today));
}

async function insertApplicant(
  db: Db,
  scope: Scope,
  input: ApplicantInput,
  today: string,
): Promise<{ id: number }> {
  const org = await requireGrassrootsInSubtree(db, scope, input.orgId);
  assertNotFuture(input.appliedOn, today);
  const idNumber = input.idNumber.toUpperCase();
  if (!isValidCitizenId(idNumber))
    throw AppError.rule("APPLICANT_ID_INVALID", WORK_MESSAGES.applicantIdInvalid());
  return writeTransaction(db, async (tx) => {
    const dup = (
      await tx
        .select({ id: applicants.id })
        .from(applicants)
        .where(eq(applicants.idNumber, idNumber))
        .limit(1)
    )[0];
    if (dup || (await memberWithId(tx, idNumber))) refuseRegistered(idNumber);
    const row = (
      await tx
        .insert(applicants)
        .values({
          idNumber,
          name: input.name,
          gender: input.gender,
          orgId: org.id,
          appliedOn: input.appliedOn,
        })
        .returning()
    )[0]!;
    await auditWork(tx, scope, "applicant.create", "applicant", row.id, null, row);
    return { id: row.id };
  });
}

/** Advance an applicant of the caller's subtree to the next stage on `input.on`. */
export async function advanceApplicantStage(
  cx: Cx,
  input: { applicantId: number; stage: ApplicantStage; on: string },
): Promise<{ id: number; stage: ApplicantStage; memberId: number | null }> {
  const { db, scope, today } = cx;
  // The caller's own applicant: never held back by the hourly limit; a refusal at 预备党员 is audited.
  const attempt = { entity: "applicant", throttled: false } as const;
  return registering(db, scope, attempt, () => advanceApplicantRow(db, scope, input, today));
}

async function advanceApplicantRow(
  db: Db,
  scope: Scope,
  input: { applicantId: number; stage: ApplicantStage; on: string },
  today: string,
): Promise<{ id: number; stage: ApplicantStage; memberId: number | null }> {
  const a = (await db.select().from(applicants).where(eq(applicants.id, input.applicantId)).limit(1))[0];
  if (!a) throw AppError.notFound("applicant");
  await requireGrassrootsInSubtree(db, scope, a.orgId);
  const dates = advanceApplicant(a, input.stage, input.on, today, await workPolicy(db, input.on));
  return writeTransaction(db, async (tx) => {
    let memberId = a.memberId;
    if (input.stage === "probationary" && memberId === null) {
      // Never attach a member registered elsewhere (possibly outside the caller's scope): a person already
      // in the member register cannot be developed again.
      if (await memberWithId(tx, a.idNumber)) refuseRegistered(a.idNumber);
      const m = (
        await tx
          .insert(members)
          .values({
            idNumber: a.idNumber,
            name: a.name,
            gender: a.gender,
            joinedOn: input.on,
            fullOn: null,
            orgId: a.orgId,
            workHostId: a.workHostId,
            workSince: a.workHostId === null ? null : input.on,
          })
          .returning()
      )[0]!;
      await tx.insert(memberRelationships).values({ memberId: m.id, orgId: a.orgId, startOn: input.on });
      if (a.workHostId !== null)
        await tx.insert(memberWorkplaces).values({ memberId: m.id, hostId: a.workHostId, startOn: input.on });
      await auditWork(tx, scope, "member.create", "member", m.id, null, m);
      memberId = m.id;
    }
    if (input.stage === "full" && memberId !== null) {
      await tx.update(members).set({ fullOn: input.on }).where(eq(members.id, memberId));
    }
    const row = (
      await tx
        .update(applicants)
        .set({
          activistOn: dates.activistOn,
          candidateOn: dates.candidateOn,
          probationaryOn: dates.probationaryOn,
          fullOn: dates.fullOn,
          memberId,
        })
        .where(eq(applicants.id, a.id))
        .returning()
    )[0];
    await auditWork(tx, scope, "applicant.advance", "applicant", a.id, a, row);
    return { id: a.id, stage: input.stage, memberId };
  });
}

async function memberWithId(tx: Pick<Db, "select">, idNumber: string): Promise<boolean> {
  return (
    (await tx.select({ id: members.id }).from(members).where(eq(members.idNumber, idNumber)).limit(1))[0] !==
    undefined
  );
}

export interface ProbationRow {
  memberId: number;
  name: string;
  orgId: number;
  orgName: string;
  joinedOn: string;
  endsOn: string;
}

/** Probationary members (status 正常) of the caller's subtree whose probation ends within 30 days or has ended. */
export async function probationDue(cx: Cx): Promise<ProbationRow[]> {
  return probationDueIn(cx.db, cx.scope, cx.today);
}

/** `probationDue` on a connection and scope: for the reads that combine it (the inbox). */
export async function probationDueIn(db: Db, scope: Scope, today: string): Promise<ProbationRow[]> {
  if (!scope.org) return [];
  const policy = await workPolicy(db, today);
  const { within } = scopeSql(scope, today);
  const rows = await selectAll<Omit<ProbationRow, "endsOn">>(
    db,
    sql`select m.id as memberId, m.name, m.org_id as orgId, o.name as orgName, m.joined_on as joinedOn
        from members m join orgs o on o.id = m.org_id
        where ${within.subtree("o")} and m.status = 'normal' and m.full_on is null and m.joined_on <= ${today}
        order by m.joined_on, m.id`,
  );
  return rows
    .filter((r) => probationEnding({ joinedOn: r.joinedOn, fullOn: null }, policy, today))
    .map((r) => ({ ...r, endsOn: probationEndsOn(r.joinedOn, policy) }));
}

/** 按期转正: set the 转正日期 of a probationary member of the caller's subtree. */
export async function confirmFullMembership(
  cx: Cx,
  input: { memberId: number; fullOn: string },
): Promise<{ id: number }> {
  const { db, scope, today } = cx;
  const m = (await db.select().from(members).where(eq(members.id, input.memberId)).limit(1))[0];
  if (!m || m.orgId === null) throw AppError.notFound("member");
  await requireGrassrootsInSubtree(db, scope, m.orgId);
  if (m.fullOn !== null)
    throw AppError.rule("PROBATION_NOT_PROBATIONARY", WORK_MESSAGES.probationNotProbationary(m.name));
  assertNotFuture(input.fullOn, today);
  if (input.fullOn < m.joinedOn)
    throw AppError.rule(
      "APPLICANT_DATE_BACKWARDS",
      WORK_MESSAGES.applicantDateBackwards(input.fullOn, m.joinedOn),
    );
  assertProbationServed(m.joinedOn, input.fullOn, await workPolicy(db, input.fullOn));
  return writeTransaction(db, async (tx) => {
    await tx.update(members).set({ fullOn: input.fullOn }).where(eq(members.id, m.id));
    await tx.update(applicants).set({ fullOn: input.fullOn }).where(eq(applicants.memberId, m.id));
    await auditWork(
      tx,
      scope,
      "member.confirmFull",
      "member",
      m.id,
      { fullOn: null },
      { fullOn: input.fullOn },
    );
    return { id: m.id };
  });
}
