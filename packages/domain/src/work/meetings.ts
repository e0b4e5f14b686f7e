/**
 * 组织生活 compliance: computed from the policy's expected meetings per year, never typed in.
 *
 * Rule (pro rata): for a period [from, to] (inclusive), the organization is expected to have held, of
 * each kind, floor(perYear × days / daysInYear) meetings, where `days` counts the days of the period
 * on which the organization existed (from its founding date) and daysInYear is 365 (366 in a leap
 * year of the period's start). The floor means a kind is only due once a whole interval has elapsed: a
 * monthly meeting is due after a full month, a quarterly one after a full quarter, a yearly one (组织生
 * 活会, 民主评议) only over a whole year. Kinds with perYear 0 are not expected. An organization is behind
 * when it held fewer than expected of any kind; the compliance rate is the sum over kinds of
 * min(held, expected) / sum of expected (null when nothing is expected yet). A 党小组会 is expected only of
 * an organization that has party groups (党小组).
 */
import { addDays, daysBetween, isLeapYear, maxDate, yearOf } from "../dates.ts";
import { ratePct, roundOrNull } from "../numbers.ts";
import type { Policy } from "../policy.ts";
import type { IsoDate } from "../types.ts";
import { AppError } from "../app-error.ts";
import { MEETING_KINDS, WORK_MESSAGES, type MeetingKind } from "./messages.ts";

/** A meeting's attendance cannot exceed the organization's members on the day it was held. */
export function assertAttendance(
  attendees: number,
  org: { name: string; members: number },
  heldOn: IsoDate,
): void {
  if (attendees > org.members)
    throw AppError.rule(
      "MEETING_ATTENDANCE",
      WORK_MESSAGES.meetingAttendance(attendees, org.name, heldOn, org.members),
    );
}

export interface MeetingRec {
  orgId: number;
  kind: MeetingKind;
  heldOn: IsoDate;
}

export interface Period {
  from: IsoDate;
  to: IsoDate;
  /**
   * The days of "a year" for the pro-rata rule; by default those of the calendar year of `from`. A rolling
   * year sets it to its own length, so that it expects exactly the yearly numbers whatever the calendar.
   */
  basisDays?: number;
}

export interface KindCompliance {
  kind: MeetingKind;
  expected: number;
  held: number;
  behind: boolean;
}

export interface MeetingCompliance {
  orgId: number;
  period: Period;
  kinds: KindCompliance[];
  expected: number;
  held: number;
  /** Percentage of expected meetings held (each kind capped at its expectation); null when none expected. */
  rate: number | null;
  behind: boolean;
}

/** Expected meetings of one kind over `days` days of a year of `yearDays`. */
export function expectedMeetings(perYear: number, days: number, yearDays = 365): number {
  if (perYear <= 0 || days <= 0) return 0;
  return Math.floor((perYear * days) / yearDays + 1e-9);
}

/** Year-to-date: from 1 January of today's year to today. */
export function yearToDate(today: IsoDate): Period {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** The rolling year: the 365 days ending today (the dashboard's measure, the same on any day of the year). */
export function rollingYear(today: IsoDate): Period {
  return { from: addDays(today, -(ROLLING_YEAR_DAYS - 1)), to: today, basisDays: ROLLING_YEAR_DAYS };
}

export const ROLLING_YEAR_DAYS = 365;

/** The calendar quarter containing `today`, up to today. */
export function quarterToDate(today: IsoDate): Period {
  const month = Number(today.slice(5, 7));
  const q = Math.floor((month - 1) / 3);
  return { from: `${today.slice(0, 4)}-${String(q * 3 + 1).padStart(2, "0")}-01`, to: today };
}

/** A whole calendar year. */
export function wholeYear(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** Compliance of one organization over a period (meetings outside the period or of others are ignored). */
export function meetingCompliance(
  orgId: number,
  meetings: readonly MeetingRec[],
  policy: Policy,
  period: Period,
  orgFoundedOn?: IsoDate,
  hasPartyGroups = true,
): MeetingCompliance {
  const heldBy = new Map<MeetingKind, number>();
  for (const m of meetings) {
    if (m.orgId !== orgId || m.heldOn < period.from || m.heldOn > period.to) continue;
    heldBy.set(m.kind, (heldBy.get(m.kind) ?? 0) + 1);
  }
  return complianceFromCounts(orgId, heldBy, policy, period, orgFoundedOn, hasPartyGroups);
}

/** The days of `period` on which an organization founded on `orgFoundedOn` existed, and the days of its year. */
function periodDays(period: Period, orgFoundedOn: IsoDate | undefined): { days: number; yearDays: number } {
  const from = orgFoundedOn ? maxDate(period.from, orgFoundedOn) : period.from;
  return {
    days: from > period.to ? 0 : daysBetween(from, period.to) + 1,
    yearDays: period.basisDays ?? (isLeapYear(yearOf(period.from)) ? 366 : 365),
  };
}

/** Meetings of `kind` due per year: 党小组会 only of an organization with party groups. */
function perYearOf(kind: MeetingKind, policy: Policy, hasPartyGroups: boolean): number {
  return kind === "groupMeeting" && !hasPartyGroups ? 0 : policy.meetingsPerYear[kind];
}

/** The same from the number of meetings held of each kind within the period (counted by the caller). */
export function complianceFromCounts(
  orgId: number,
  heldBy: ReadonlyMap<MeetingKind, number>,
  policy: Policy,
  period: Period,
  orgFoundedOn?: IsoDate,
  hasPartyGroups = true,
): MeetingCompliance {
  const { days, yearDays } = periodDays(period, orgFoundedOn);
  const kinds: KindCompliance[] = [];
  let expected = 0;
  let heldCapped = 0;
  let held = 0;
  for (const kind of MEETING_KINDS) {
    const e = expectedMeetings(perYearOf(kind, policy, hasPartyGroups), days, yearDays);
    const h = heldBy.get(kind) ?? 0;
    kinds.push({ kind, expected: e, held: h, behind: h < e });
    expected += e;
    held += h;
    heldCapped += Math.min(h, e);
  }
  return {
    orgId,
    period,
    kinds,
    expected,
    held,
    rate: roundOrNull(ratePct(heldCapped, expected)),
    behind: kinds.some((k) => k.behind),
  };
}

/**
 * `complianceFromCounts(…).rate` over the kinds given only, without its per-kind records: what the five
 * basics of a city's 30,000 organizations ask for (issue 25).
 */
export function complianceRateOf(
  kinds: readonly MeetingKind[],
  heldBy: ReadonlyMap<MeetingKind, number>,
  policy: Policy,
  period: Period,
  orgFoundedOn?: IsoDate,
  hasPartyGroups = true,
): number | null {
  const { days, yearDays } = periodDays(period, orgFoundedOn);
  let expected = 0;
  let heldCapped = 0;
  for (const kind of kinds) {
    const e = expectedMeetings(perYearOf(kind, policy, hasPartyGroups), days, yearDays);
    expected += e;
    heldCapped += Math.min(heldBy.get(kind) ?? 0, e);
  }
  return roundOrNull(ratePct(heldCapped, expected));
}
