/**
 * 发展党员: the pipeline 入党申请人 → 入党积极分子 → 发展对象 → 预备党员 → 正式党员. An applicant advances
 * one stage at a time, in order, each with a date not earlier than the previous stage's date and not
 * after today; an activist becomes a 发展对象 only after the policy's activistMonths (one year) of training,
 * a probationary member is made full only after its probationMonths (one year). A probationary member (no
 * 转正日期) is "due for full membership" when the probation ends within 30 days of today (or already has).
 */
import { addDays, addMonths } from "../dates.ts";
import type { Policy } from "../policy.ts";
import type { IsoDate } from "../types.ts";
import { AppError } from "../app-error.ts";
import { APPLICANT_STAGES, APPLICANT_STAGE_LABELS, WORK_MESSAGES } from "./messages.ts";
import type { ApplicantStage } from "./messages.ts";

export const PROBATION_WARNING_DAYS = 30;

export interface ApplicantDates {
  appliedOn: IsoDate;
  activistOn: IsoDate | null;
  candidateOn: IsoDate | null;
  probationaryOn: IsoDate | null;
  fullOn: IsoDate | null;
}

const STAGE_FIELD: Readonly<Record<ApplicantStage, keyof ApplicantDates>> = {
  applied: "appliedOn",
  activist: "activistOn",
  candidate: "candidateOn",
  probationary: "probationaryOn",
  full: "fullOn",
};

/** The stage reached: the last stage with a date. */
export function applicantStage(a: ApplicantDates): ApplicantStage {
  let stage: ApplicantStage = "applied";
  for (const s of APPLICANT_STAGES) if (a[STAGE_FIELD[s]]) stage = s;
  return stage;
}

export function nextApplicantStage(a: ApplicantDates): ApplicantStage | null {
  const i = APPLICANT_STAGES.indexOf(applicantStage(a));
  return APPLICANT_STAGES[i + 1] ?? null;
}

export function stageDate(a: ApplicantDates, stage: ApplicantStage): IsoDate | null {
  return a[STAGE_FIELD[stage]];
}

/**
 * Advance one stage: returns the dates with `stage` set to `on`. Throws an AppError (RULE) when the
 * stage is not the next one, the date goes backwards, or lies after today.
 */
export function advanceApplicant(
  a: ApplicantDates,
  stage: ApplicantStage,
  on: IsoDate,
  today: IsoDate,
  policy: Pick<Policy, "activistMonths" | "probationMonths">,
): ApplicantDates {
  const current = applicantStage(a);
  const next = nextApplicantStage(a);
  if (next === null) throw AppError.rule("APPLICANT_COMPLETE", WORK_MESSAGES.applicantComplete());
  if (stage !== next) {
    throw AppError.rule(
      "APPLICANT_STAGE_ORDER",
      WORK_MESSAGES.applicantStageOrder(APPLICANT_STAGE_LABELS[next], APPLICANT_STAGE_LABELS[stage]),
    );
  }
  const previous = stageDate(a, current) ?? a.appliedOn;
  if (on < previous)
    throw AppError.rule("APPLICANT_DATE_BACKWARDS", WORK_MESSAGES.applicantDateBackwards(on, previous));
  if (on > today) throw AppError.rule("DATE_IN_FUTURE", WORK_MESSAGES.dateInFuture(on, today));
  if (stage === "candidate" && a.activistOn) {
    const earliest = addMonths(a.activistOn, policy.activistMonths);
    if (on < earliest)
      throw AppError.rule(
        "APPLICANT_TOO_EARLY",
        WORK_MESSAGES.candidateTooEarly(a.activistOn, policy.activistMonths, earliest),
      );
  }
  if (stage === "full" && a.probationaryOn) assertProbationServed(a.probationaryOn, on, policy);
  return { ...a, [STAGE_FIELD[stage]]: on };
}

/** 转正 not before the end of probation (预备期满): refused with the earliest date. */
export function assertProbationServed(
  probationaryOn: IsoDate,
  fullOn: IsoDate,
  policy: Pick<Policy, "probationMonths">,
): void {
  const earliest = addMonths(probationaryOn, policy.probationMonths);
  if (fullOn < earliest)
    throw AppError.rule(
      "APPLICANT_TOO_EARLY",
      WORK_MESSAGES.fullTooEarly(probationaryOn, policy.probationMonths, earliest),
    );
}

/** The date probation ends (the earliest 转正 date). */
export function probationEndsOn(joinedOn: IsoDate, policy: Pick<Policy, "probationMonths">): IsoDate {
  return addMonths(joinedOn, policy.probationMonths);
}

/** A probationary member whose probation ends on or before today + 30 days. */
export function probationEnding(
  m: { joinedOn: IsoDate; fullOn: IsoDate | null },
  policy: Policy,
  today: IsoDate,
): boolean {
  return m.fullOn === null && probationEndsOn(m.joinedOn, policy) <= addDays(today, PROBATION_WARNING_DAYS);
}
