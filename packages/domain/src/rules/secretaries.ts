/**
 * The rule of secretaries (书记): at most one secretary per organization at a time. `checkSecretaryTerms`
 * finds the overlapping terms among recorded ones; `assertSecretaryTermAllowed` is the guard a command
 * runs before appointing a secretary, throwing an `AppError` of code RULE with the rule's Chinese message.
 */
import { intervalsOverlap, maxDate } from "../dates.ts";
import { AppError } from "../app-error.ts";
import type { Violation } from "../errors.ts";
import { MESSAGES } from "../messages.ts";
import type { SecretaryTermRec } from "../types.ts";
import { assertInterval, groupBy, overlappingPairs } from "./helpers.ts";

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
