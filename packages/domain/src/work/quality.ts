/**
 * Ratings (星级 1–5 or 等级 先进/一般/后进, one per organization and year), weak-and-lax rectification
 * cases (软弱涣散整顿: open until resolved; overdue when the deadline passed unresolved), and the
 * instructor cap warning for a new assignment.
 */
import type { Policy } from "../policy.ts";
import type { IsoDate } from "../types.ts";
import { AppError } from "../app-error.ts";
import { WORK_MESSAGES, type RatingGrade, type RectificationState } from "./messages.ts";

export function assertRating(stars: number | null, grade: RatingGrade | null): void {
  const hasStars = stars !== null;
  const hasGrade = grade !== null;
  if (hasStars === hasGrade || (hasStars && !(Number.isInteger(stars) && stars >= 1 && stars <= 5))) {
    throw AppError.rule("RATING_STARS_OR_GRADE", WORK_MESSAGES.ratingStarsOrGrade());
  }
}

/**
 * A rating is for a past or the current year, of an organization that existed at some time in that year
 * (founded on or before its 31 December, not revoked before its 1 January).
 */
export function assertRatingYear(
  year: number,
  org: { name: string; foundedOn: IsoDate; revokedOn: IsoDate | null },
  today: IsoDate,
): void {
  if (year > Number(today.slice(0, 4)))
    throw AppError.rule("RATING_YEAR", WORK_MESSAGES.ratingFutureYear(year, today));
  if (org.foundedOn > `${year}-12-31` || (org.revokedOn !== null && org.revokedOn <= `${year}-01-01`))
    throw AppError.rule(
      "RATING_YEAR",
      WORK_MESSAGES.ratingOrgNotInYear(org.name, year, org.foundedOn, org.revokedOn),
    );
}

export function rectificationState(
  c: { deadline: IsoDate | null; resolvedOn: IsoDate | null },
  today: IsoDate,
): RectificationState {
  if (c.resolvedOn !== null && c.resolvedOn <= today) return "closed";
  if (c.deadline !== null && c.deadline < today) return "overdue";
  return "open";
}

/** Guard for closing a case (销号). */
export function assertResolve(
  c: { year: number; resolvedOn: IsoDate | null },
  on: IsoDate,
  today: IsoDate,
): void {
  if (c.resolvedOn !== null)
    throw AppError.rule("RECTIFICATION_ALREADY_CLOSED", WORK_MESSAGES.rectificationAlreadyClosed());
  if (on < `${c.year}-01-01`)
    throw AppError.rule(
      "RECTIFICATION_DATE_BEFORE_OPEN",
      WORK_MESSAGES.rectificationDateBeforeOpen(on, c.year),
    );
  if (on > today) throw AppError.rule("DATE_IN_FUTURE", WORK_MESSAGES.dateInFuture(on, today));
}

/**
 * The warning of an assignment: the instructor's hosts in force after it, over the policy's cap. A
 * warning, never a refusal (the seeds set the cap as a guideline).
 */
export function instructorCapWarning(
  instructorName: string,
  activeHostsAfter: number,
  policy: Policy,
): string | null {
  return activeHostsAfter > policy.instructorCap
    ? WORK_MESSAGES.instructorOverCap(instructorName, activeHostsAfter, policy.instructorCap)
    : null;
}

/** A date a user records must not lie after today. */
export function assertNotFuture(on: IsoDate, today: IsoDate): void {
  if (on > today) throw AppError.rule("DATE_IN_FUTURE", WORK_MESSAGES.dateInFuture(on, today));
}
