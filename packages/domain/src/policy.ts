import { addDays, yearStart } from "./dates.ts";
import type { IsoDate } from "./types.ts";

/** 政策参数: thresholds that differ by province and year. Set at city level, dated. */
export interface Policy {
  /** 规模以上: employees ≥ this … */
  aboveScaleEmployees: number;
  /** … or employees ≥ this and revenue (万元) ≥ `aboveScaleRevenue`. */
  aboveScaleMidEmployees: number;
  aboveScaleRevenue: number;
  /** 应建: at least this many members working in the host. */
  minMembersForBranch: number;
  /** Whether only full members (转正日期 ≤ D) count towards `minMembersForBranch`. */
  onlyFullMembersCount: boolean;
  /** 联合建 covering more hosts than this is a quality warning. */
  jointCap: number;
  /** An instructor assigned to more hosts than this is a warning. */
  instructorCap: number;
  /** Terms of office in years. */
  termYears: { committee: number; generalBranch: number; branch: number };
  /** Expected meetings per year by kind. */
  meetingsPerYear: {
    memberAssembly: number;
    branchCommittee: number;
    groupMeeting: number;
    partyLecture: number;
    themeDay: number;
    lifeMeeting: number;
    democraticReview: number;
  };
  /** What counts as work coverage besides organizational coverage. */
  workCoverage: { instructor: boolean; massOrganizations: boolean };
  /** Months working in a host without transferring the relationship before a mobile member is flagged. */
  mobileMonths: number;
  /** Probation length in months. */
  probationMonths: number;
  /** A signed-in session ends after this many minutes without a request (besides its 8 hours at most). */
  sessionIdleMinutes: number;
  /**
   * The reporting window: a year's report can be submitted from 1 January of the next year, or this many
   * days earlier (the city opens the window early with a dated policy version; 0 = no earlier).
   */
  reportEarlyOpenDays: number;
}

export const DEFAULT_POLICY: Policy = {
  aboveScaleEmployees: 100,
  aboveScaleMidEmployees: 50,
  aboveScaleRevenue: 500,
  minMembersForBranch: 3,
  onlyFullMembersCount: true,
  jointCap: 10,
  instructorCap: 5,
  termYears: { committee: 5, generalBranch: 3, branch: 3 },
  meetingsPerYear: {
    memberAssembly: 4,
    branchCommittee: 12,
    groupMeeting: 12,
    partyLecture: 4,
    themeDay: 12,
    lifeMeeting: 1,
    democraticReview: 1,
  },
  workCoverage: { instructor: true, massOrganizations: true },
  mobileMonths: 6,
  probationMonths: 12,
  sessionIdleMinutes: 30,
  reportEarlyOpenDays: 0,
};

export interface PolicyVersion {
  effectiveOn: IsoDate;
  params: Policy;
}

/** The policy in force on `date`: the latest version effective on or before it, else the defaults. */
export function policyAsOf(versions: readonly PolicyVersion[], date: IsoDate): PolicyVersion {
  let best: PolicyVersion | undefined;
  for (const v of versions) {
    if (v.effectiveOn <= date && (!best || v.effectiveOn > best.effectiveOn)) best = v;
  }
  return best ?? { effectiveOn: "1900-01-01", params: DEFAULT_POLICY };
}

/** The most days before 1 January a year's reporting window may open (a quarter). */
export const MAX_REPORT_EARLY_OPEN_DAYS = 92;

/**
 * The first day the report of `year` can be submitted, under the policy in force on `today`: 1 January of
 * the next year, less the policy's `reportEarlyOpenDays`.
 */
export function reportWindowOpensOn(
  year: number,
  versions: readonly PolicyVersion[],
  today: IsoDate,
): IsoDate {
  return addDays(yearStart(year + 1), -policyAsOf(versions, today).params.reportEarlyOpenDays);
}
