/**
 * The words of the "five basics" (五个基本) of a grassroots organization: its team (基本队伍), venue (基本
 * 阵地), activities (基本活动), rules (基本制度) and means (基本保障). Stored values are the English keys;
 * users read the labels.
 */

export const BASICS = ["team", "venue", "activities", "rules", "means"] as const;
export type Basic = (typeof BASICS)[number];
export const BASIC_LABELS: Readonly<Record<Basic, string>> = {
  team: "基本队伍",
  venue: "基本阵地",
  activities: "基本活动",
  rules: "基本制度",
  means: "基本保障",
};

/** 班子成员的职务. */
export const COMMITTEE_POSTS = [
  "secretary",
  "deputySecretary",
  "organization",
  "propaganda",
  "discipline",
  "member",
] as const;
export type CommitteePost = (typeof COMMITTEE_POSTS)[number];
export const COMMITTEE_POST_LABELS: Readonly<Record<CommitteePost, string>> = {
  secretary: "书记",
  deputySecretary: "副书记",
  organization: "组织委员",
  propaganda: "宣传委员",
  discipline: "纪检委员",
  member: "委员",
};

/** 书记: 专职 or 兼职. */
export const SECRETARY_KINDS = ["fullTime", "partTime"] as const;
export type SecretaryKind = (typeof SECRETARY_KINDS)[number];
export const SECRETARY_KIND_LABELS: Readonly<Record<SecretaryKind, string>> = {
  fullTime: "专职",
  partTime: "兼职",
};

/** Where the secretary comes from. */
export const SECRETARY_SOURCES = ["owner", "management", "unionChair", "dispatched"] as const;
export type SecretarySource = (typeof SECRETARY_SOURCES)[number];
export const SECRETARY_SOURCE_LABELS: Readonly<Record<SecretarySource, string>> = {
  owner: "企业主",
  management: "管理层",
  unionChair: "工会主席",
  dispatched: "选派",
};

/** 双向进入、交叉任职: the enterprise body a committee member also sits on. */
export const CROSS_POST_BODIES = ["board", "management", "supervision"] as const;
export type CrossPostBody = (typeof CROSS_POST_BODIES)[number];
export const CROSS_POST_BODY_LABELS: Readonly<Record<CrossPostBody, string>> = {
  board: "董事会",
  management: "经营管理层",
  supervision: "监事会",
};

/** 活动场所的状况. */
export const VENUE_STATUSES = ["none", "substandard", "incomplete", "standard"] as const;
export type VenueStatus = (typeof VENUE_STATUSES)[number];
export const VENUE_STATUS_LABELS: Readonly<Record<VenueStatus, string>> = {
  none: "无",
  substandard: "不达标",
  incomplete: "不配套",
  standard: "达标",
};

/** The equipment a venue should have ("配备电教设备、办公桌椅、党旗、党徽、报刊图书"). */
export const VENUE_EQUIPMENT = ["av", "furniture", "flag", "emblem", "reading"] as const;
export type VenueEquipment = (typeof VENUE_EQUIPMENT)[number];
export const VENUE_EQUIPMENT_LABELS: Readonly<Record<VenueEquipment, string>> = {
  av: "电教设备",
  furniture: "办公桌椅",
  flag: "党旗",
  emblem: "党徽",
  reading: "报刊图书",
};

/** The working rules an organization adopts (基本制度). */
export const ORG_RULES = [
  "threeMeetingsOneLesson",
  "themeDay",
  "democraticReview",
  "openAffairs",
  "developmentPublicity",
  "organizationLifeMeeting",
  "duesCollection",
] as const;
export type OrgRule = (typeof ORG_RULES)[number];
export const ORG_RULE_LABELS: Readonly<Record<OrgRule, string>> = {
  threeMeetingsOneLesson: "三会一课",
  themeDay: "主题党日",
  democraticReview: "民主评议党员",
  openAffairs: "党务公开",
  developmentPublicity: "发展党员公示",
  organizationLifeMeeting: "组织生活会",
  duesCollection: "党费收缴",
};

/** Where an organization's funds come from (基本保障). */
export const FUND_SOURCES = ["duesReturn", "managementFee", "fiscal", "enterprise", "donation"] as const;
export type FundSource = (typeof FUND_SOURCES)[number];
export const FUND_SOURCE_LABELS: Readonly<Record<FundSource, string>> = {
  duesReturn: "党费返还",
  managementFee: "管理费列支",
  fiscal: "财政补助",
  enterprise: "企业资助",
  donation: "党员捐助",
};
