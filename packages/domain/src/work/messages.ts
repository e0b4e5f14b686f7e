/**
 * Chinese labels and messages of the daily-work processes (组建计划, 指导员, 组织生活, 换届, 定级与整顿,
 * 联建共建, 发展党员, 待办).
 */

export const MEETING_KINDS = [
  "memberAssembly",
  "branchCommittee",
  "groupMeeting",
  "partyLecture",
  "themeDay",
  "lifeMeeting",
  "democraticReview",
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_KIND_LABELS: Readonly<Record<MeetingKind, string>> = {
  memberAssembly: "支部党员大会",
  branchCommittee: "支委会",
  groupMeeting: "党小组会",
  partyLecture: "党课",
  themeDay: "主题党日",
  lifeMeeting: "组织生活会",
  democraticReview: "民主评议党员",
};

export const RATING_GRADES = ["advanced", "average", "lagging"] as const;
export type RatingGrade = (typeof RATING_GRADES)[number];
export const RATING_GRADE_LABELS: Readonly<Record<RatingGrade, string>> = {
  advanced: "先进",
  average: "一般",
  lagging: "后进",
};

export const PACT_KINDS = ["villageEnterprise", "organHost", "pairing", "regional"] as const;
export type PactKind = (typeof PACT_KINDS)[number];
export const PACT_KIND_LABELS: Readonly<Record<PactKind, string>> = {
  villageEnterprise: "村企联建",
  organHost: "联建互促",
  pairing: "结对帮扶",
  regional: "区域联建",
};

/** 发展党员: 入党申请人 → 入党积极分子 → 发展对象 → 预备党员 → 正式党员. */
export const APPLICANT_STAGES = ["applied", "activist", "candidate", "probationary", "full"] as const;
export type ApplicantStage = (typeof APPLICANT_STAGES)[number];
export const APPLICANT_STAGE_LABELS: Readonly<Record<ApplicantStage, string>> = {
  applied: "入党申请人",
  activist: "入党积极分子",
  candidate: "发展对象",
  probationary: "预备党员",
  full: "正式党员",
};

export const ELECTION_STATES = ["ok", "dueSoon", "overdue"] as const;
export type ElectionState = (typeof ELECTION_STATES)[number];
export const ELECTION_STATE_LABELS: Readonly<Record<ElectionState, string>> = {
  ok: "任期内",
  dueSoon: "90天内到期",
  overdue: "已超期",
};

export const RECTIFICATION_STATES = ["open", "overdue", "closed"] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];
export const RECTIFICATION_STATE_LABELS: Readonly<Record<RectificationState, string>> = {
  open: "整顿中",
  overdue: "超期未销号",
  closed: "已销号",
};

export const INBOX_KINDS = [
  "electionOverdue",
  "electionDue",
  "planOverdue",
  "transferAwaiting",
  "correctionAwaiting",
  "coverageRequestAwaiting",
  "probationEnding",
  "reportReturned",
  "reportAwaiting",
  "contactVisitOverdue",
] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];
export const INBOX_KIND_LABELS: Readonly<Record<InboxKind, string>> = {
  electionOverdue: "换届超期",
  electionDue: "换届将到期",
  planOverdue: "组建计划逾期",
  transferAwaiting: "组织关系接转待处理",
  correctionAwaiting: "出资人信息更正待审核",
  coverageRequestAwaiting: "覆盖申请待确认",
  probationEnding: "预备党员即将期满",
  reportReturned: "年报被退回",
  reportAwaiting: "年报待审核",
  contactVisitOverdue: "联系点走访超期",
};

export const WORK_RULE_CODES = [
  "PLAN_TARGET_IN_PAST",
  "APPLICANT_STAGE_ORDER",
  "APPLICANT_DATE_BACKWARDS",
  "APPLICANT_COMPLETE",
  "RATING_STARS_OR_GRADE",
  "RATING_YEAR",
  "MEETING_ATTENDANCE",
  "RECTIFICATION_ALREADY_CLOSED",
  "RECTIFICATION_DATE_BEFORE_OPEN",
  "ASSIGNMENT_ALREADY_ENDED",
  "ASSIGNMENT_DUPLICATE",
  "ELECTION_BEFORE_LAST",
  "DATE_IN_FUTURE",
  "HOST_ALREADY_COVERED",
  "HOST_NOT_SHOULD_ESTABLISH",
  "PLAN_ALREADY_OPEN",
  "PLAN_CLOSED",
  "PACT_NEEDS_PARTIES",
  "PACT_SAME_PARTY",
  "PLAN_MILESTONE_DONE",
  "PLAN_MILESTONE_FOUNDING",
  "PLAN_MILESTONE_BEFORE_PLAN",
  "NOT_GRASSROOTS",
  "PROBATION_NOT_PROBATIONARY",
  "APPLICANT_ID_INVALID",
  "APPLICANT_DUPLICATE",
  "APPLICANT_ALREADY_MEMBER",
  "APPLICANT_TOO_EARLY",
] as const;
export type WorkRuleCode = (typeof WORK_RULE_CODES)[number];

export const WORK_MESSAGES = {
  planTargetInPast: (target: string, today: string) => `目标日期${target}不能早于今天${today}`,
  applicantStageOrder: (next: string, asked: string) =>
    `发展党员须逐阶段推进:下一阶段应为“${next}”,不能直接登记为“${asked}”`,
  applicantDateBackwards: (date: string, previous: string) =>
    `阶段日期${date}不能早于上一阶段日期${previous}`,
  applicantComplete: () => "该同志已转为正式党员,发展流程已完成",
  candidateTooEarly: (activistOn: string, months: number, earliest: string) =>
    `入党积极分子须经${months}个月以上的培养教育和考察:${activistOn}确定为积极分子,最早${earliest}可确定为发展对象`,
  fullTooEarly: (probationaryOn: string, months: number, earliest: string) =>
    `预备期为${months}个月:${probationaryOn}接收为预备党员,最早${earliest}可转为正式党员`,
  ratingStarsOrGrade: () => "请填写星级(1至5星)或等级(先进/一般/后进),二者填其一",
  meetingAttendance: (attendees: number, org: string, heldOn: string, members: number) =>
    `出席人数${attendees}人超过“${org}”${heldOn}的党员人数${members}人`,
  ratingFutureYear: (year: number, today: string) =>
    `${year}年尚未开始(今天是${today}),只能评定本年度及以前的年度`,
  ratingOrgNotInYear: (org: string, year: number, foundedOn: string, revokedOn: string | null) =>
    `“${org}”在${year}年不存在(成立于${foundedOn}${revokedOn ? `,撤销于${revokedOn}` : ""}),不能评定该年度`,
  rectificationAlreadyClosed: () => "该整顿案例已销号",
  rectificationDateBeforeOpen: (date: string, year: number) => `销号日期${date}不能早于整顿年度${year}年`,
  assignmentAlreadyEnded: () => "该指导关系已结束",
  assignmentDuplicate: () => "该指导员已联系该两新组织",
  electionBeforeLast: (date: string, last: string) => `换届日期${date}不能早于上次换届日期${last}`,
  dateInFuture: (date: string, today: string) => `日期${date}不能晚于今天${today}`,
  hostAlreadyCovered: (host: string) => `两新组织“${host}”已有覆盖党组织`,
  hostNotShouldEstablish: (host: string) => `两新组织“${host}”不属于应建未建,无需制定组建计划`,
  planAlreadyOpen: (host: string) => `两新组织“${host}”已有进行中的组建计划`,
  planClosed: () => "该组建计划已关闭",
  planMilestoneDone: (label: string) => `“${label}”已完成,不能重复填报`,
  planMilestoneFounding: (label: string) => `“${label}”在本页“成立党组织”后自动完成,计划随之关闭`,
  planMilestoneBeforePlan: (label: string, on: string, made: string) =>
    `“${label}”的完成日期${on}早于计划制定日期${made}`,
  pactNeedsParties: () => "联建共建至少需要两方,且至少一方属于本单位管理范围",
  pactSameParty: () => "联建共建的各方不能重复:同一个党组织或两新组织只能作为一方",
  notGrassroots: (org: string) => `“${org}”不是基层党组织`,
  applicantIdInvalid: () => "公民身份号码不正确(请核对校验位)",
  probationNotProbationary: (member: string) => `“${member}”不是预备党员`,
  instructorOverCap: (name: string, count: number, cap: number) =>
    `指导员“${name}”将联系${count}个两新组织,超过${cap}个的上限,请注意工作量`,
  planClosedByFounding: (org: string) => `已成立党组织“${org}”,计划自动关闭`,
  planClosedByCoverage: "两新组织已被党组织覆盖,计划自动关闭",
  planClosedByHostClosed: "两新组织已注销或停业,计划自动关闭",
} as const;
