/**
 * The rules of members and of their organizational relationship: the member status machine
 * (`canTransition`, `assertTransition`), members are never deleted, a member's relationship is held in
 * the tree or named outside it, every counting member has a relationship in force on a date
 * (`checkMemberRelationships`), and the decision on a transfer of the relationship (组织关系接转:
 * pending → accepted | rejected, `decideTransfer`).
 */
import { inForce } from "../dates.ts";
import { AppError } from "../app-error.ts";
import type { Violation } from "../errors.ts";
import { MEMBER_STATUS_LABELS, TRANSFER_STATE_LABELS } from "../labels.ts";
import { MESSAGES } from "../messages.ts";
import type { IsoDate, MemberStatus, Snapshot, TransferDecision, TransferState } from "../types.ts";

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
