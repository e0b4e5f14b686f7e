/**
 * Chinese labels (zh-CN) of every code the user reads, and the reverse maps (label → code) used by
 * imports. The reverse maps also accept a few common variants (aliases) seen in spreadsheets.
 */
import type { Indicators, ReportRowKind } from "./indicator-types.ts";
import type {
  CountedMode,
  FormationMode,
  Gender,
  HostKind,
  InstructorKind,
  JobCategory,
  MemberStatus,
  OrgCategory,
  RegionLevel,
  TransferState,
} from "./types.ts";

export const REGION_LEVEL_LABELS: Readonly<Record<RegionLevel, string>> = {
  city: "市",
  county: "县",
  township: "乡镇",
};

export const ORG_CATEGORY_LABELS: Readonly<Record<OrgCategory, string>> = {
  cityCommittee: "市级工委",
  countyCommittee: "县级工委",
  townshipCommittee: "乡镇党委",
  parkCommittee: "园区党工委",
  industryCommittee: "行业党委",
  committee: "基层党委",
  generalBranch: "党总支",
  branch: "党支部",
  jointBranch: "联合党支部",
};

export const FORMATION_MODE_LABELS: Readonly<Record<FormationMode, string>> = {
  standalone: "单独建",
  joint: "联合建",
  affiliated: "挂靠建",
  hosted: "依托建",
  regional: "区域联建",
  grid: "网格建",
};

/** Column labels of `coveredByMode` in the year-end report. */
export const COUNTED_MODE_LABELS: Readonly<Record<CountedMode, string>> = {
  standalone: "单独建",
  joint: "联合建",
  affiliated: "挂靠依托",
  regional: "区域网格",
};

export const HOST_KIND_LABELS: Readonly<Record<HostKind, string>> = {
  enterprise: "非公企业",
  socialOrg: "社会组织",
};

export const MEMBER_STATUS_LABELS: Readonly<Record<MemberStatus, string>> = {
  normal: "正常",
  transferredOut: "转出",
  expelled: "出党",
  deceased: "死亡",
  stopped: "停止党籍",
};

export const JOB_CATEGORY_LABELS: Readonly<Record<JobCategory, string>> = {
  owner: "出资人",
  manager: "管理人员",
  professional: "专业技术人员",
  frontline: "一线职工",
  other: "其他",
};

export const INSTRUCTOR_KIND_LABELS: Readonly<Record<InstructorKind, string>> = {
  fullTime: "专职",
  partTime: "兼职",
  seconded: "挂职",
};

export const GENDER_LABELS: Readonly<Record<Gender, string>> = {
  male: "男",
  female: "女",
};

export const TRANSFER_STATE_LABELS: Readonly<Record<TransferState, string>> = {
  pending: "待接收",
  accepted: "已接收",
  rejected: "已退回",
};

export const REPORT_ROW_KIND_LABELS: Readonly<Record<ReportRowKind, string>> = {
  child: "下级单位",
  direct: "直属",
  annex: "附表",
};

/** Name of the 直属 row and of the 合计 row of a report. */
export const DIRECT_ROW_NAME = "直属";
export const TOTAL_ROW_NAME = "合计";

export const YES_LABEL = "是";
export const NO_LABEL = "否";

type IndicatorKey = Exclude<keyof Indicators, "coveredByMode" | "orgs" | "members" | "flows">;

/** Column labels of the indicator dictionary (year-end report, dashboard, exports). */
export const INDICATOR_LABELS: Readonly<Record<IndicatorKey, string>> = {
  hosts: "两新组织数",
  enterprises: "非公企业",
  socialOrgs: "社会组织",
  employees: "从业人员",
  aboveScale: "规模以上企业",
  withMembers: "有党员的",
  withThreeMembers: "有3名以上正式党员的",
  orgCovered: "已覆盖",
  orgCoverageRate: "覆盖率(%)",
  standaloneRate: "单独组建率(%)",
  aboveScaleCoverageRate: "规上覆盖率(%)",
  threeMemberStandaloneRate: "3名以上正式党员的单独组建率(%)",
  shouldEstablishNotEstablished: "应建未建",
  instructorCovered: "选派指导员覆盖",
  instructors: "指导员人数",
  workCovered: "工作覆盖",
  workCoverageRate: "工作覆盖率(%)",
  membersEmployed: "在两新组织工作的党员",
  membersShareOfEmployees: "占从业人员(%)",
  prevOrgCoverageRate: "上年覆盖率(%)",
  orgCoverageRateChangePp: "增减(百分点)",
};

export const ORG_COUNT_LABELS: Readonly<Record<keyof Indicators["orgs"], string>> = {
  total: "党组织合计",
  committees: "基层党委",
  generalBranches: "党总支",
  branches: "党支部",
  jointBranches: "其中联合党支部",
};

export const MEMBER_COUNT_LABELS: Readonly<Record<keyof Indicators["members"], string>> = {
  total: "党员合计",
  full: "正式党员",
  probationary: "预备党员",
};

// ---------------------------------------------------------------------------------------------------
// Reverse maps (label → code) for imports.

function reverse<K extends string>(
  labels: Readonly<Record<K, string>>,
  aliases: Readonly<Record<string, K>> = {},
): ReadonlyMap<string, K> {
  const map = new Map<string, K>();
  for (const [code, label] of Object.entries(labels) as [K, string][]) map.set(label, code);
  for (const [label, code] of Object.entries(aliases)) if (!map.has(label)) map.set(label, code);
  return map;
}

export const REGION_LEVEL_BY_LABEL = reverse(REGION_LEVEL_LABELS, {
  县区: "county",
  "县(区)": "county",
  "县（区）": "county",
  区: "county",
  街道: "township",
  园区: "township",
  乡: "township",
  镇: "township",
  "乡镇(街道、园区)": "township",
  "乡镇（街道、园区）": "township",
});

export const ORG_CATEGORY_BY_LABEL = reverse(ORG_CATEGORY_LABELS, {
  市委两新工委: "cityCommittee",
  县委两新工委: "countyCommittee",
  "县(区)两新工委": "countyCommittee",
  "县（区）两新工委": "countyCommittee",
  街道党工委: "townshipCommittee",
  党委: "committee",
});

export const FORMATION_MODE_BY_LABEL = reverse(FORMATION_MODE_LABELS, {
  单独组建: "standalone",
  联合组建: "joint",
  挂靠组建: "affiliated",
  依托组建: "hosted",
});

export const HOST_KIND_BY_LABEL = reverse(HOST_KIND_LABELS, {
  企业: "enterprise",
  非公有制企业: "enterprise",
});
export const MEMBER_STATUS_BY_LABEL = reverse(MEMBER_STATUS_LABELS);
export const JOB_CATEGORY_BY_LABEL = reverse(JOB_CATEGORY_LABELS);
export const INSTRUCTOR_KIND_BY_LABEL = reverse(INSTRUCTOR_KIND_LABELS, { 全职: "fullTime" });
export const GENDER_BY_LABEL = reverse(GENDER_LABELS);
export const TRANSFER_STATE_BY_LABEL = reverse(TRANSFER_STATE_LABELS);

/** Look a label up (surrounding white space ignored); null when unknown. */
export function codeOfLabel<K extends string>(map: ReadonlyMap<string, K>, label: string): K | null {
  return map.get(label.trim()) ?? null;
}

/** 是 → true, 否 → false, blank → null; anything else → undefined (an import error). */
export function parseYesNo(label: string | null | undefined): boolean | null | undefined {
  const s = (label ?? "").trim();
  if (s === "") return null;
  if (s === YES_LABEL) return true;
  if (s === NO_LABEL) return false;
  return undefined;
}
