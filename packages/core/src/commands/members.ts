/**
 * 党员: create, update, status changes (the state machine; members are never deleted) and relationship
 * transfers (组织关系接转: request → accept | reject, never a silent edit).
 */
import type { Cx } from "@liangxin/db/cx";
import {
  AppError,
  assertHasRelationship,
  assertInterval,
  assertTransition,
  citizenIdBirthDate,
  decideTransfer as decideTransferState,
  forbidMemberDeletion,
  isGrassroots,
  maskCitizenId,
  type Gender,
  type JobCategory,
  type MemberStatus,
  type TransferDecision,
} from "@liangxin/domain";
import { and, eq, isNull, sql } from "drizzle-orm";
import { type Db, selectOne, selectValue, writeTransaction } from "@liangxin/db/driver";
import {
  memberRelationships,
  members,
  memberStatusEvents,
  memberWorkplaces,
  orgs,
  transfers,
} from "@liangxin/db/schema";
import {
  assertVersion,
  audit,
  isUniqueViolation,
  hostByKey,
  orgByKey,
  requireHostEdit,
  requireHostRef,
  requireOrgRef,
  requireMemberEdit,
  requireOrgEdit,
  seesOrg,
  unlessVisible,
} from "./common.ts";
import { commandMessages } from "./messages.ts";
import { refuseRegistered, registering } from "./registration.ts";
import { assertNotLocked, earliest } from "../reports/lock.ts";
import { withWriter } from "../writers/index.ts";

type MemberRow = typeof members.$inferSelect;
type TransferRow = typeof transfers.$inferSelect;

/** A member as an answer shows it: the citizen ID masked (in full only through the audited reveal). */
export type MemberAnswer = Omit<MemberRow, "idNumber"> & { idNumberMasked: string };

/** The one shape of a member in the answers of the commands below. */
export function memberAnswer({ idNumber, ...row }: MemberRow): MemberAnswer {
  return { ...row, idNumberMasked: maskCitizenId(idNumber) };
}

export interface MemberFields {
  idNumber: string;
  name: string;
  gender: Gender;
  birthDate?: string | null;
  joinedOn: string;
  fullOn?: string | null;
  /** The organization of the tree holding the relationship, or null with `outsideOrgName`. */
  orgId?: number | null;
  outsideOrgName?: string | null;
  /** Since when the relationship is held there (default: the join date). */
  relationshipSince?: string | null;
  /** The workplace: a host the caller sees, by id … */
  workHostId?: number | null;
  /** … or any operating host of the city by its exact 统一社会信用代码 (audited as `host.lookup`). */
  workHostCreditCode?: string | null;
  workSince?: string | null;
  jobCategory?: JobCategory | null;
  mobile?: boolean;
  lostContact?: boolean;
  pocket?: boolean;
  phone?: string | null;
}
export type CreateMemberInput = MemberFields;
/** The relationship changes only by a transfer: no `orgId` here. */
export type UpdateMemberInput = { id: number; version: number } & Partial<
  Omit<MemberFields, "orgId" | "outsideOrgName" | "relationshipSince">
>;

export interface ChangeMemberStatusInput {
  memberId: number;
  status: MemberStatus;
  effectiveOn: string;
  reason?: string | null;
  version?: number;
}

export interface RequestTransferInput {
  memberId: number;
  /**
   * The receiving organization of the tree — by id within the caller's sets, or by its exact 组织代码
   * anywhere in the city (audited as `org.lookup`) — or neither, with `outsideOrgName` (out of the city).
   */
  toOrgId?: number | null;
  toOrgCode?: string | null;
  outsideOrgName?: string | null;
  effectiveOn: string;
  reason?: string | null;
}

export interface DecideTransferInput {
  transferId: number;
  decision: TransferDecision;
  reason?: string | null;
}

async function getMember(db: Db, id: number): Promise<MemberRow> {
  const row = (await db.select().from(members).where(eq(members.id, id)).limit(1))[0];
  if (!row) throw AppError.notFound();
  return row;
}

/**
 * A member's workplace as given (foreign keys through scope): a host the caller sees by id, or any operating
 * host by its exact credit code (audited); else NOT_FOUND. Undefined when not given, null to clear it.
 */
async function workplaceOf(
  cx: Cx,
  input: { workHostId?: number | null; workHostCreditCode?: string | null },
): Promise<number | null | undefined> {
  if (input.workHostCreditCode) return (await hostByKey(cx, input.workHostCreditCode)).id;
  if (input.workHostId != null) await requireHostRef(cx, input.workHostId);
  return input.workHostId;
}

async function requireGrassroots(db: Db, orgId: number): Promise<void> {
  const o = (
    await db
      .select({ name: orgs.name, category: orgs.category })
      .from(orgs)
      .where(eq(orgs.id, orgId))
      .limit(1)
  )[0];
  if (!o) throw AppError.notFound();
  if (!isGrassroots(o.category))
    throw AppError.rule("MEMBER_ORG_NOT_GRASSROOTS", commandMessages.memberOrgNotGrassroots(o.name));
}

function birthDateOf(idNumber: string, given: string | null | undefined): string | null {
  const fromId = citizenIdBirthDate(idNumber);
  if (given && fromId && given !== fromId)
    throw AppError.rule("MEMBER_BIRTH_MISMATCH", commandMessages.citizenIdBirthMismatch(fromId));
  return fromId ?? given ?? null;
}

/** The citizen ID is unique city-wide: a taken one is the neutral refusal of `registering`. */
async function uniqueId<T>(idNumber: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e, "id_number")) refuseRegistered(idNumber);
    throw e;
  }
}

/** Scope of a member's audit rows: the holding organization, else the workplace's nothing (null). */
function memberScopeOrg(m: Pick<MemberRow, "orgId">): number | null {
  return m.orgId ?? null;
}

/** A new member; a citizen ID registered already (anywhere) answers the neutral refusal of `registering`. */
export async function createMember(cx: Cx, given: CreateMemberInput): Promise<MemberAnswer> {
  const { db } = cx;
  const attempt = { entity: "member", idNumber: given.idNumber, throttled: true } as const;
  return registering(db, cx.scope, attempt, () => insertMember(cx, given));
}

async function insertMember(cx: Cx, given: CreateMemberInput): Promise<MemberAnswer> {
  const { db } = cx;
  return writeTransaction(db, async () => {
    assertHasRelationship({ orgId: given.orgId ?? null, outsideOrgName: given.outsideOrgName ?? null });
    const orgId = given.orgId ?? null;
    if (orgId !== null) await requireOrgEdit(cx, orgId);
    const { workHostCreditCode: _code, ...rest } = given;
    const input = { ...rest, workHostId: (await workplaceOf(cx, given)) ?? null };
    if (orgId !== null) await requireGrassroots(db, orgId);
    else if (input.workHostId !== null) {
      // Held outside the city's tree: counted by workplace, recorded by the workplace's territory.
      await requireHostEdit(cx, input.workHostId);
    } else throw AppError.notFound();
    if (input.fullOn != null) assertInterval(input.joinedOn, input.fullOn);
    const birthDate = birthDateOf(input.idNumber, input.birthDate);
    const since = input.relationshipSince ?? input.joinedOn;
    const workSince = input.workHostId != null ? (input.workSince ?? since) : null;
    // The member counts from the start of the relationship (and of the workplace), not from joining.
    await assertNotLocked(db, {
      on: earliest(since, workSince)!,
      orgIds: [orgId],
      hostIds: [input.workHostId],
    });
    const row = await uniqueId(
      input.idNumber,
      async () =>
        (
          await db
            .insert(members)
            .values({
              idNumber: input.idNumber,
              name: input.name,
              gender: input.gender,
              birthDate,
              joinedOn: input.joinedOn,
              fullOn: input.fullOn ?? null,
              orgId,
              outsideOrgName: orgId === null ? (input.outsideOrgName ?? null) : null,
              workHostId: input.workHostId ?? null,
              workSince,
              jobCategory: input.jobCategory ?? null,
              mobile: input.mobile ?? false,
              lostContact: input.lostContact ?? false,
              pocket: input.pocket ?? false,
              phone: input.phone ?? null,
            })
            .returning()
        )[0]!,
    );
    await db
      .insert(memberRelationships)
      .values({ memberId: row.id, orgId, outsideOrgName: row.outsideOrgName, startOn: since });
    if (row.workHostId !== null && workSince !== null)
      await db
        .insert(memberWorkplaces)
        .values({ memberId: row.id, hostId: row.workHostId, startOn: workSince });
    await audit(cx, {
      action: "member.create",
      entity: "member",
      entityId: row.id,
      scopeOrgId: memberScopeOrg(row),
      after: row,
    });
    return memberAnswer(row);
  });
}

/**
 * Update a member's record. A new workplace (`workHostId`/`workSince`) ends the dated workplace in force
 * on `workSince` and starts the new one; the relationship changes only through a transfer.
 */
export async function updateMember(cx: Cx, given: UpdateMemberInput): Promise<MemberAnswer> {
  const { db } = cx;
  // A corrected citizen ID that is registered already is refused like a new registration.
  const attempt = {
    entity: "member",
    idNumber: given.idNumber,
    throttled: given.idNumber !== undefined,
  } as const;
  return registering(db, cx.scope, attempt, () => saveMember(cx, given));
}

async function saveMember(cx: Cx, given: UpdateMemberInput): Promise<MemberAnswer> {
  const { db } = cx;
  return writeTransaction(db, async () => {
    await requireMemberEdit(cx, given.id);
    const before = await getMember(db, given.id);
    assertVersion(before.version, given.version);
    const { workHostCreditCode: _code, ...input } = given;
    // An unchanged workplace is kept as it is (it may be a host named only, found by its code once).
    if (given.workHostCreditCode || (given.workHostId != null && given.workHostId !== before.workHostId))
      input.workHostId = await workplaceOf(cx, given);
    const { id, version, ...changes } = input;
    const idNumber = changes.idNumber ?? before.idNumber;
    const birthDate = birthDateOf(
      idNumber,
      changes.birthDate === undefined ? before.birthDate : changes.birthDate,
    );
    const joinedOn = changes.joinedOn ?? before.joinedOn;
    const fullOn = changes.fullOn === undefined ? before.fullOn : changes.fullOn;
    if (fullOn != null) assertInterval(joinedOn, fullOn);
    // Dates that decide when the member counts (joined, full) reach back to the earlier of old and new.
    const countedFrom = earliest(
      joinedOn !== before.joinedOn ? earliest(joinedOn, before.joinedOn) : undefined,
      fullOn !== before.fullOn ? earliest(fullOn, before.fullOn) : undefined,
    );
    if (countedFrom) await assertNotLocked(db, { on: countedFrom, memberIds: [id] });
    const workChanged = changes.workHostId !== undefined && changes.workHostId !== before.workHostId;
    const workSince = workChanged ? (changes.workSince ?? cx.today) : (changes.workSince ?? before.workSince);
    if (workChanged)
      await assertNotLocked(db, {
        on: workSince ?? cx.today,
        memberIds: [id],
        hostIds: [before.workHostId, changes.workHostId],
      });
    if (workChanged) {
      const open = await db
        .select()
        .from(memberWorkplaces)
        .where(and(eq(memberWorkplaces.memberId, id), isNull(memberWorkplaces.endOn)));
      for (const w of open) {
        if (workSince === null || w.startOn >= workSince)
          throw AppError.rule(
            "WORKPLACE_BEFORE_LAST",
            commandMessages.workplaceBeforeLast(workSince ?? "", w.startOn),
          );
        await db.update(memberWorkplaces).set({ endOn: workSince }).where(eq(memberWorkplaces.id, w.id));
      }
      if (changes.workHostId != null && workSince !== null)
        await db
          .insert(memberWorkplaces)
          .values({ memberId: id, hostId: changes.workHostId, startOn: workSince });
    }
    const changed = await uniqueId(idNumber, () =>
      withWriter(db, (w) =>
        w.update(
          members,
          { id },
          { ...changes, birthDate, workSince: changes.workHostId === null ? null : workSince },
          { version },
        ),
      ),
    );
    if (changed !== 1) throw AppError.stale();
    const after = await getMember(db, id);
    await audit(cx, {
      action: "member.update",
      entity: "member",
      entityId: id,
      scopeOrgId: memberScopeOrg(after),
      before,
      after,
    });
    return memberAnswer(after);
  });
}

/** Members are never deleted: there is no deletion, only a dated status change. Always rejects. */
export async function deleteMember(_cx: Cx, _input: { id: number }): Promise<never> {
  return forbidMemberDeletion();
}

/** A dated status change along the state machine (正常 → 转出/出党/死亡/停止党籍; 停止党籍 → 正常). */
export async function changeMemberStatus(cx: Cx, input: ChangeMemberStatusInput): Promise<MemberAnswer> {
  const { db } = cx;
  return writeTransaction(db, async () => {
    await requireMemberEdit(cx, input.memberId);
    const before = await getMember(db, input.memberId);
    if (input.version !== undefined) assertVersion(before.version, input.version);
    assertTransition(before.status, input.status);
    const last =
      (await selectValue<string | null>(
        db,
        sql`select max(effective_on) as d from member_status_events where member_id = ${input.memberId}`,
      )) ?? null;
    if (last !== null && input.effectiveOn < last)
      throw AppError.rule("STATUS_BEFORE_LAST", commandMessages.statusBeforeLast(input.effectiveOn, last));
    await assertNotLocked(db, { on: input.effectiveOn, memberIds: [input.memberId] });
    const event = (
      await db
        .insert(memberStatusEvents)
        .values({
          memberId: input.memberId,
          status: input.status,
          effectiveOn: input.effectiveOn,
          reason: input.reason ?? null,
        })
        .returning()
    )[0]!;
    await db
      .update(members)
      .set({ status: input.status, statusOn: input.effectiveOn, version: sql`${members.version} + 1` })
      .where(eq(members.id, input.memberId));
    const after = await getMember(db, input.memberId);
    await audit(cx, {
      action: "member.changeStatus",
      entity: "member",
      entityId: input.memberId,
      scopeOrgId: memberScopeOrg(after),
      before,
      after: { ...after, event },
    });
    return memberAnswer(after);
  });
}

// ---------------------------------------------------------------------------------------------------
// 组织关系接转.

/** The sending side (which holds the member) requests; the receiving organization decides. */
export async function requestTransfer(cx: Cx, input: RequestTransferInput): Promise<TransferRow> {
  const { db } = cx;
  return writeTransaction(db, async () => {
    await requireMemberEdit(cx, input.memberId);
    const member = await getMember(db, input.memberId);
    if (member.status !== "normal")
      throw AppError.rule("MEMBER_NOT_NORMAL", commandMessages.memberNotNormal(member.name));
    // The receiving organization: by id within the caller's sets, or anywhere in the city by its exact
    // 组织代码 (audited); a refusal never names one the caller does not see.
    if (input.toOrgId != null) await requireOrgRef(cx, input.toOrgId);
    const toOrgId = input.toOrgCode ? (await orgByKey(cx, input.toOrgCode)).id : (input.toOrgId ?? null);
    assertHasRelationship({ orgId: toOrgId, outsideOrgName: input.outsideOrgName ?? null });
    if (toOrgId !== null)
      await unlessVisible(await seesOrg(cx, toOrgId), () => requireGrassroots(db, toOrgId));
    if (toOrgId !== null && toOrgId === member.orgId)
      throw AppError.rule("TRANSFER_SAME_ORG", commandMessages.transferSameOrg);
    const pending = await selectOne(
      db,
      sql`select 1 from transfers where member_id = ${member.id} and state = 'pending'`,
    );
    if (pending) throw AppError.rule("TRANSFER_PENDING", commandMessages.transferPending(member.name));
    const row = (
      await db
        .insert(transfers)
        .values({
          memberId: member.id,
          fromOrgId: member.orgId,
          toOrgId,
          outsideOrgName: toOrgId === null ? (input.outsideOrgName ?? null) : null,
          requestedOn: cx.today,
          effectiveOn: input.effectiveOn,
          decisionReason: null,
          requestedBy: cx.scope.userId,
        })
        .returning()
    )[0]!;
    await audit(cx, {
      action: "transfer.request",
      entity: "transfer",
      entityId: row.id,
      scopeOrgId: member.orgId,
      after: { ...row, reason: input.reason ?? null },
    });
    return row;
  });
}

/**
 * Accept or reject (打回, with a reason) a pending transfer. The receiving organization's chain decides
 * (for a transfer out of the city, the sending side records the answer). Accepting ends the relationship
 * in force on the effective date, starts the new one and moves the member; rejecting changes nothing
 * else. A decided transfer cannot be decided again (the domain's rule).
 */
export async function decideTransfer(cx: Cx, input: DecideTransferInput): Promise<TransferRow> {
  const { db } = cx;
  return writeTransaction(db, async () => {
    const before = (await db.select().from(transfers).where(eq(transfers.id, input.transferId)).limit(1))[0];
    if (!before) throw AppError.notFound();
    if (before.toOrgId !== null) await requireOrgEdit(cx, before.toOrgId);
    else await requireMemberEdit(cx, before.memberId);
    const state = decideTransferState(before.state, input.decision);
    if (state === "rejected" && !input.reason?.trim())
      throw AppError.rule("TRANSFER_REJECT_REASON", commandMessages.rejectReasonRequired);
    if (state === "accepted") {
      const member = await getMember(db, before.memberId);
      if (member.orgId !== before.fromOrgId)
        throw AppError.rule("TRANSFER_MOVED", commandMessages.transferMoved(member.name));
      if (member.status !== "normal")
        throw AppError.rule("MEMBER_NOT_NORMAL", commandMessages.memberNotNormal(member.name));
      await assertNotLocked(db, {
        on: before.effectiveOn,
        memberIds: [member.id],
        orgIds: [before.fromOrgId, before.toOrgId],
      });
      const open = await db
        .select()
        .from(memberRelationships)
        .where(and(eq(memberRelationships.memberId, member.id), isNull(memberRelationships.endOn)));
      for (const r of open) {
        if (r.startOn >= before.effectiveOn)
          throw AppError.rule(
            "TRANSFER_BEFORE_START",
            commandMessages.transferBeforeStart(before.effectiveOn, r.startOn),
          );
        await db
          .update(memberRelationships)
          .set({ endOn: before.effectiveOn })
          .where(eq(memberRelationships.id, r.id));
      }
      await db.insert(memberRelationships).values({
        memberId: member.id,
        orgId: before.toOrgId,
        outsideOrgName: before.outsideOrgName,
        startOn: before.effectiveOn,
      });
      await db
        .update(members)
        .set({
          orgId: before.toOrgId,
          outsideOrgName: before.outsideOrgName,
          version: sql`${members.version} + 1`,
        })
        .where(eq(members.id, member.id));
    }
    const after = (
      await db
        .update(transfers)
        .set({
          state,
          decidedOn: cx.today,
          decisionReason: input.reason ?? null,
          decidedBy: cx.scope.userId,
        })
        .where(and(eq(transfers.id, before.id), eq(transfers.state, "pending")))
        .returning()
    )[0];
    if (!after) throw AppError.stale();
    await audit(cx, {
      action: `transfer.${input.decision}`,
      entity: "transfer",
      entityId: before.id,
      scopeOrgId: before.toOrgId ?? before.fromOrgId,
      before,
      after,
    });
    return after;
  });
}
