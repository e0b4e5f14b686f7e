/**
 * Registering a person (a member, an applicant) whose citizen ID is registered already, anywhere in the
 * city: whoever asks, and whether the person is in the caller's scope or not, the answer is one neutral
 * refusal pointing to 组织关系接转 that says nothing of where or as what the person is registered. Each
 * refusal is audited with the ID masked; after `REGISTRATION_REFUSALS_PER_HOUR` refusals within an hour
 * (counted from the audit rows, on the one clock) the user's registrations are refused for the rest of
 * that hour, whatever the ID, so that the register cannot be probed one ID after another.
 */
import { APP_ERROR_MESSAGES, AppError, clock, maskCitizenId } from "@liangxin/domain";
import { writeAudit } from "@liangxin/db/audit";
import { sql } from "drizzle-orm";
import { type Db, selectValue } from "@liangxin/db/driver";
import type { Scope } from "@liangxin/db/scope";
import { commandMessages } from "./messages.ts";

export const REGISTRATION_REFUSED = "person.registrationRefused";
export const REGISTRATION_THROTTLED = "person.registrationThrottled";
export const REGISTRATION_REFUSALS_PER_HOUR = 10;
const HOUR_MS = 3_600_000;

/** Thrown inside the registering transaction (which it rolls back); `registering` turns it into the refusal. */
class RegisteredAlready extends Error {
  constructor(readonly idNumber: string) {
    super("registered already");
  }
}

/** The citizen ID is registered already: refuse (call it inside `registering`). */
export function refuseRegistered(idNumber: string): never {
  throw new RegisteredAlready(idNumber);
}

export interface RegistrationAttempt {
  entity: "member" | "applicant";
  /** The ID asked for, when known before `fn` runs (for the audit of a throttled attempt). */
  idNumber?: string | undefined;
  /** Whether the attempt counts against the hourly limit (false: advancing an applicant of the caller). */
  throttled: boolean;
}

/**
 * Runs `fn` (which registers in its own transaction and calls `refuseRegistered` for a taken ID), unless
 * the user is held back; a refusal is audited after `fn`'s transaction has rolled back.
 */
export async function registering<T>(
  db: Db,
  scope: Scope,
  attempt: RegistrationAttempt,
  fn: () => Promise<T>,
): Promise<T> {
  if (attempt.throttled && (await refusalsWithinHour(db, scope.userId)) >= REGISTRATION_REFUSALS_PER_HOUR) {
    await record(db, scope, REGISTRATION_THROTTLED, attempt.entity, attempt.idNumber);
    throw new AppError("THROTTLED", APP_ERROR_MESSAGES.tooManyAttempts);
  }
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof RegisteredAlready)) throw e;
    await record(db, scope, REGISTRATION_REFUSED, attempt.entity, e.idNumber);
    throw AppError.rule("PERSON_REGISTERED", commandMessages.personRegistered);
  }
}

async function refusalsWithinHour(db: Db, userId: number): Promise<number> {
  const since = new Date(clock.now().getTime() - HOUR_MS).toISOString();
  return (await selectValue<number>(
    db,
    sql`select count(*) from audit_log where user_id = ${userId} and action = ${REGISTRATION_REFUSED}
      and at > ${since}`,
  ))!;
}

async function record(
  db: Db,
  scope: Scope,
  action: string,
  entity: string,
  idNumber: string | undefined,
): Promise<void> {
  await writeAudit(db, {
    userId: scope.userId,
    username: scope.username,
    action,
    entity,
    entityId: null,
    scopeOrgId: scope.org?.id ?? null,
    before: null,
    after: idNumber === undefined ? null : { idNumber: maskCitizenId(idNumber.toUpperCase()) },
  });
}
