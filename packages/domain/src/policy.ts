import { addDays, yearStart } from "./dates.ts";
import type { IsoDate } from "./types.ts";
import { MEETING_KIND_LABELS } from "./work/messages.ts";
import type { OrgRule } from "./basics/vocabulary.ts";

/** 政策参数: thresholds that differ by province and year. Set at city level, dated. */
export interface Policy {
  /** 规模以上: employees ≥ this … */
  aboveScaleEmployees: number;
  /** … or employees ≥ this and revenue (万元, compared in whole 分) ≥ `aboveScaleRevenue`. */
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
  /** 入党积极分子 are trained and observed at least this many months before becoming 发展对象 (one year). */
  activistMonths: number;
  /** A signed-in session ends after this many minutes without a request (besides its 8 hours at most). */
  sessionIdleMinutes: number;
  /** 联系点: a leading cadre visits each contact point at least once in this many months (3 = a quarter). */
  contactVisitMonths: number;
  /**
   * The reporting window: a year's report can be submitted from 1 January of the next year, or this many
   * days earlier (the city opens the window early with a dated policy version; 0 = no earlier).
   */
  reportEarlyOpenDays: number;
  /** The criteria of the five basics (五个基本) of a grassroots organization. */
  basics: {
    /** 基本队伍: from this many members an organization needs a committee (支委会) besides its secretary. */
    committeeFromMembers: number;
    /** … a committee being at least this many members in office, the secretary included. */
    committeeMinSize: number;
    /** 基本活动: 三会一课 held this year at least this share (%) of what is due by the day. */
    minMeetingCompliancePct: number;
    /** 基本制度: the rules an organization must have adopted. */
    coreRules: OrgRule[];
    /** 基本保障: the management-fee band in ‰ of the hosts' annual payroll (0.5–1% = 5–10‰). */
    feeBandLowPermille: number;
    feeBandHighPermille: number;
  };
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
  activistMonths: 12,
  sessionIdleMinutes: 30,
  contactVisitMonths: 3,
  reportEarlyOpenDays: 0,
  basics: {
    committeeFromMembers: 7,
    committeeMinSize: 3,
    minMeetingCompliancePct: 80,
    coreRules: ["threeMeetingsOneLesson", "themeDay", "democraticReview", "openAffairs"],
    feeBandLowPermille: 5,
    feeBandHighPermille: 10,
  },
};

/** The Chinese name of each parameter, as the policy page and the messages name it. */
export const POLICY_LABELS: Readonly<Record<keyof Policy, string>> = {
  aboveScaleEmployees: "规模以上:从业人员数不少于",
  aboveScaleMidEmployees: "规模以上:或从业人员数不少于(并且营业收入达标)",
  aboveScaleRevenue: "规模以上:营业收入不少于(万元)",
  minMembersForBranch: "应建:在本单位工作的党员不少于",
  onlyFullMembersCount: "应建:只计正式党员",
  jointCap: "联合建覆盖单位数上限",
  instructorCap: "指导员联系单位数上限",
  termYears: "任期(年)",
  meetingsPerYear: "组织生活每年应开次数",
  workCoverage: "工作覆盖的口径",
  mobileMonths: "流动党员认定(月)",
  probationMonths: "预备期(月)",
  activistMonths: "积极分子培养考察期(月)",
  sessionIdleMinutes: "登录闲置超时(分钟)",
  contactVisitMonths: "领导干部联系点走访周期(月)",
  reportEarlyOpenDays: "年报提前开放天数",
  basics: "五个基本的标准",
};

/** The Chinese names of the parameters inside the groups (任期, 组织生活, 工作覆盖). */
export const POLICY_GROUP_LABELS = {
  termYears: { committee: "党委", generalBranch: "党总支", branch: "党支部" },
  meetingsPerYear: MEETING_KIND_LABELS,
  workCoverage: { instructor: "选派指导员计入工作覆盖", massOrganizations: "群团组织计入工作覆盖" },
  basics: {
    committeeFromMembers: "基本队伍:党员不少于此数须设支委会",
    committeeMinSize: "基本队伍:支委会成员不少于(含书记)",
    minMeetingCompliancePct: "基本活动:三会一课完成率不低于(%)",
    coreRules: "基本制度:须建立的制度",
    feeBandLowPermille: "基本保障:管理费列支下限(职工工资总额的‰)",
    feeBandHighPermille: "基本保障:管理费列支上限(职工工资总额的‰)",
  },
} as const satisfies {
  [K in "termYears" | "meetingsPerYear" | "workCoverage" | "basics"]: Record<keyof Policy[K], string>;
};

/** The name of a parameter (a key of `Policy`). */
export function policyParamLabel(key: string): string {
  return (POLICY_LABELS as Record<string, string>)[key] ?? key;
}

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
