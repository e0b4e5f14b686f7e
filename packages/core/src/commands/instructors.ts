/** 党建工作指导员 and their dated assignments to hosts ("谁派出、谁主管"). */
import type { Cx } from "@liangxin/db/cx";
import {
  AppError,
  assertInterval,
  checkInstructorCap,
  isManagement,
  policyAsOf,
  type AssignmentRec,
  type InstructorKind,
} from "@liangxin/domain";
import { eq, sql } from "drizzle-orm";
import { selectAll, selectOne, writeTransaction } from "@liangxin/db/driver";
import { assignments, instructors, orgs } from "@liangxin/db/schema";
import { loadPolicyVersions } from "@liangxin/db/snapshot";
import {
  assertVersion,
  audit,
  isUniqueViolation,
  orgByKey,
  requireOrgEdit,
  requireOrgRef,
  seesHost,
  type CommandWarning,
} from "./common.ts";
import { endDatedRow } from "./end-dated.ts";
import { commandMessages } from "./messages.ts";
import { assertNotLocked } from "../reports/lock.ts";
import { withWriter } from "../writers/index.ts";

type InstructorRow = typeof instructors.$inferSelect;
type AssignmentRow = typeof assignments.$inferSelect;

export interface CreateInstructorInput {
  number: string;
  name: string;
  kind: InstructorKind;
  /**
   * The dispatching organization of the tree — by id within the caller's sets, or by its exact 组织代码
   * anywhere in the city (audited as `org.lookup`) — or neither, with `dispatchOrgName` (an organ outside it).
   */
  dispatchOrgId?: number | null;
  dispatchOrgCode?: string | null;
  dispatchOrgName?: string | null;
  /** The management node that keeps the record (default: the caller's node). */
  registeredById?: number | null;
  phone?: string | null;
}
/** Number, name, kind, dispatcher and phone; the registering node never changes (it keeps the record). */
export type UpdateInstructorInput = { id: number; version: number } & Partial<
  Omit<CreateInstructorInput, "registeredById">
>;

export interface StartAssignmentInput {
  instructorId: number;
  hostId: number;
  startOn: string;
  endOn?: string | null;
}
export interface EndAssignmentInput {
  id: number;
  endOn: string;
}
export interface AssignmentResult {
  assignment: AssignmentRow;
  /** An instructor over the policy's cap is a warning, not an error. */
  warnings: CommandWarning[];
}

/**
 * The dispatcher as given (foreign keys through scope): an organization of the caller's sets by id, or any
 * organization in force by its exact 组织代码 (audited); else NOT_FOUND. Undefined when neither is given.
 * The dispatcher already on the record (`current`) is kept as it is, wherever it is.
 */
async function dispatcherOf(
  cx: Cx,
  input: { dispatchOrgId?: number | null; dispatchOrgCode?: string | null },
  current: number | null = null,
): Promise<number | undefined> {
  if (input.dispatchOrgCode) return (await orgByKey(cx, input.dispatchOrgCode)).id;
  if (input.dispatchOrgId == null) return undefined;
  if (input.dispatchOrgId !== current) await requireOrgRef(cx, input.dispatchOrgId);
  return input.dispatchOrgId;
}

export async function createInstructor(cx: Cx, input: CreateInstructorInput): Promise<InstructorRow> {
  const { db } = cx;
  return writeTransaction(db, async () => {
    // The references first: one of another area answers as if it did not exist, before any rule is told.
    const dispatchOrgId = (await dispatcherOf(cx, input)) ?? null;
    const registeredById = input.registeredById ?? cx.scope.org?.id;
    if (registeredById == null) throw AppError.notFound();
    await requireOrgEdit(cx, registeredById);
    const registrar = (await db.select().from(orgs).where(eq(orgs.id, registeredById)).limit(1))[0];
    if (!registrar) throw AppError.notFound();
    if (!isManagement(registrar.category))
      throw AppError.rule(
        "INSTRUCTOR_REGISTRAR",
        commandMessages.instructorRegistrarNotManagement(registrar.name),
      );
    let row: InstructorRow;
    try {
      row = (
        await db
          .insert(instructors)
          .values({
            number: input.number,
            name: input.name,
            kind: input.kind,
            dispatchOrgId,
            dispatchOrgName: dispatchOrgId !== null ? null : (input.dispatchOrgName ?? null),
            registeredById,
            phone: input.phone ?? null,
          })
          .returning()
      )[0]!;
    } catch (e) {
      if (isUniqueViolation(e, "number"))
        throw AppError.rule("INSTRUCTOR_NUMBER_TAKEN", commandMessages.instructorNumberTaken(input.number));
      throw e;
    }
    await audit(cx, {
      action: "instructor.create",
      entity: "instructor",
      entityId: row.id,
      scopeOrgId: registeredById,
      after: row,
    });
    return row;
  });
}

/** The caller keeps the instructor's record (registering node) or dispatched them. */
async function requireInstructorEdit(cx: Cx, instructorId: number): Promise<InstructorRow> {
  const { db } = cx;
  const row = (await db.select().from(instructors).where(eq(instructors.id, instructorId)).limit(1))[0];
  if (!row) throw AppError.notFound();
  try {
    await requireOrgEdit(cx, row.registeredById);
  } catch (e) {
    if (row.dispatchOrgId === null) throw e;
    await requireOrgEdit(cx, row.dispatchOrgId);
  }
  return row;
}

/**
 * Correct an instructor's record (optimistic `version`). A dispatcher of the tree and an organ outside it
 * are exclusive: giving one clears the other.
 */
export async function updateInstructor(cx: Cx, input: UpdateInstructorInput): Promise<InstructorRow> {
  const { db } = cx;
  return writeTransaction(db, async () => {
    const before = await requireInstructorEdit(cx, input.id);
    assertVersion(before.version, input.version);
    const { id, version, ...changes } = input;
    const dispatchOrgId = await dispatcherOf(cx, changes, before.dispatchOrgId);
    const set: Partial<InstructorRow> = {};
    if (changes.number !== undefined) set.number = changes.number;
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.kind !== undefined) set.kind = changes.kind;
    if (changes.phone !== undefined) set.phone = changes.phone ?? null;
    if (dispatchOrgId !== undefined) {
      set.dispatchOrgId = dispatchOrgId;
      set.dispatchOrgName = null;
    } else if (changes.dispatchOrgName) {
      set.dispatchOrgId = null;
      set.dispatchOrgName = changes.dispatchOrgName;
    }
    let changed: number;
    try {
      changed = await withWriter(db, (w) => w.update(instructors, { id }, set, { version }));
    } catch (e) {
      if (isUniqueViolation(e, "number"))
        throw AppError.rule(
          "INSTRUCTOR_NUMBER_TAKEN",
          commandMessages.instructorNumberTaken(changes.number ?? before.number),
        );
      throw e;
    }
    if (changed !== 1) throw AppError.stale();
    const after = (await db.select().from(instructors).where(eq(instructors.id, id)).limit(1))[0]!;
    await audit(cx, {
      action: "instructor.update",
      entity: "instructor",
      entityId: id,
      scopeOrgId: before.registeredById,
      before,
      after,
    });
    return after;
  });
}

/**
 * Assign an instructor the caller keeps (registered or dispatched by its subtree) to a host it sees (its
 * territory, or covered by its subtree) from `startOn`, optionally until `endOn`: an overlapping assignment
 * to the same host and a locked report period are refused; over the policy's cap per instructor is a
 * warning. The one write path of an assignment (records.assignment.start, from an instructor's page and the
 * 指导员选派 page).
 */
export async function startAssignment(cx: Cx, input: StartAssignmentInput): Promise<AssignmentResult> {
  const { db } = cx;
  return writeTransaction(db, async () => {
    const instructor = await requireInstructorEdit(cx, input.instructorId);
    // The host must exist for the caller (its territory, or covered by its subtree — how a 行业党委
    // without territory reaches its enterprises); any other id answers as if it did not exist.
    if (!(await seesHost(cx, input.hostId))) throw AppError.notFound();
    const endOn = input.endOn ?? null;
    assertInterval(input.startOn, endOn);
    const overlap = await selectOne(
      db,
      sql`select 1 from assignments where instructor_id = ${input.instructorId} and host_id = ${input.hostId}
       and (end_on is null or ${input.startOn} < end_on) and (${endOn} is null or start_on < ${endOn})`,
    );
    if (overlap) {
      const host = (await selectOne<{ name: string }>(
        db,
        sql`select name from hosts where id = ${input.hostId}`,
      ))!;
      throw AppError.rule(
        "ASSIGNMENT_OVERLAP",
        commandMessages.assignmentOverlap(instructor.name, host.name),
      );
    }
    await assertNotLocked(db, { on: input.startOn, hostIds: [input.hostId] });
    const row = (
      await db
        .insert(assignments)
        .values({ instructorId: input.instructorId, hostId: input.hostId, startOn: input.startOn, endOn })
        .returning()
    )[0]!;
    const own = await selectAll<AssignmentRec>(
      db,
      sql`select instructor_id as instructorId, host_id as hostId, start_on as startOn, end_on as endOn
        from assignments where instructor_id = ${input.instructorId}`,
    );
    const policy = policyAsOf(await loadPolicyVersions(db), input.startOn).params;
    const warnings = checkInstructorCap(
      {
        instructors: [{ id: instructor.id, number: `${instructor.name}(${instructor.number})` }],
        assignments: own,
      },
      policy,
      input.startOn,
    ).map((v) => ({ code: v.code, message: v.message }));
    await audit(cx, {
      action: "assignment.start",
      entity: "assignment",
      entityId: row.id,
      scopeOrgId: instructor.registeredById,
      after: row,
    });
    return { assignment: row, warnings };
  });
}

/** End an assignment on `endOn` (half-open: not in force from that day); records.assignment.end. */
export async function endAssignment(cx: Cx, input: EndAssignmentInput): Promise<AssignmentResult> {
  const { db } = cx;
  const assignment = await endDatedRow(cx, assignments, "assignment", input, async (before) => {
    const registeredBy = (await requireInstructorEdit(cx, before.instructorId)).registeredById;
    await assertNotLocked(db, { on: input.endOn, hostIds: [before.hostId] });
    return registeredBy;
  });
  return { assignment, warnings: [] };
}
