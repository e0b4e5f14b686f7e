/**
 * The layout of the year-end report table (../shared/ledger-columns.md): column groups over the indicator
 * dictionary. One definition for the print page, the workbook, the JSON and the drill-down.
 */
import {
  BASIC_LABELS,
  BASICS,
  COUNTED_MODE_LABELS,
  INDICATOR_LABELS,
  MEMBER_COUNT_LABELS,
  MEMBER_FLOW_KEYS,
  MEMBER_FLOW_LABELS,
  ORG_COUNT_LABELS,
  type Basic,
  type BasicsCount,
  type Indicators,
} from "@liangxin/domain";

/** A dictionary key, nested ones written with a dot: `coveredByMode.joint`, `orgs.total`. */
export type IndicatorPath =
  | Exclude<keyof Indicators, "coveredByMode" | "orgs" | "members" | "flows">
  | `coveredByMode.${keyof Indicators["coveredByMode"]}`
  | `orgs.${keyof Indicators["orgs"]}`
  | `members.${keyof Indicators["members"]}`
  | `flows.${keyof Indicators["flows"]}`;

export interface ReportColumn {
  key: IndicatorPath;
  label: string;
  /** A percentage (two decimals) or a change in percentage points. */
  rate: boolean;
  /** Whether the records behind it can be listed. */
  drill: boolean;
}

export interface ReportColumnGroup {
  label: string;
  columns: ReportColumn[];
}

const c = (key: IndicatorPath, label: string, rate = false): ReportColumn => ({
  key,
  label,
  rate,
  drill: true,
});
const L = INDICATOR_LABELS;

export const REPORT_COLUMN_GROUPS: readonly ReportColumnGroup[] = [
  {
    label: "基本情况",
    columns: [
      c("hosts", L.hosts),
      c("enterprises", L.enterprises),
      c("socialOrgs", L.socialOrgs),
      c("employees", L.employees),
      c("aboveScale", L.aboveScale),
    ],
  },
  {
    label: "党员分布",
    columns: [
      c("withMembers", L.withMembers),
      c("withThreeMembers", L.withThreeMembers),
      c("membersEmployed", L.membersEmployed),
      c("membersShareOfEmployees", L.membersShareOfEmployees, true),
    ],
  },
  {
    label: "组织覆盖",
    columns: [
      c("orgCovered", L.orgCovered),
      c("coveredByMode.standalone", COUNTED_MODE_LABELS.standalone),
      c("coveredByMode.joint", COUNTED_MODE_LABELS.joint),
      c("coveredByMode.affiliated", COUNTED_MODE_LABELS.affiliated),
      c("coveredByMode.regional", COUNTED_MODE_LABELS.regional),
      c("orgCoverageRate", L.orgCoverageRate, true),
      c("standaloneRate", L.standaloneRate, true),
      c("aboveScaleCoverageRate", L.aboveScaleCoverageRate, true),
      c("threeMemberStandaloneRate", L.threeMemberStandaloneRate, true),
    ],
  },
  {
    label: "工作覆盖",
    columns: [
      c("instructorCovered", L.instructorCovered),
      c("instructors", L.instructors),
      c("workCovered", L.workCovered),
      c("workCoverageRate", L.workCoverageRate, true),
    ],
  },
  { label: "应建未建", columns: [c("shouldEstablishNotEstablished", L.shouldEstablishNotEstablished)] },
  {
    label: "同比",
    columns: [
      c("prevOrgCoverageRate", L.prevOrgCoverageRate, true),
      c("orgCoverageRateChangePp", L.orgCoverageRateChangePp, true),
    ],
  },
  {
    label: "党组织(按隶属)",
    columns: [
      c("orgs.total", "合计"),
      c("orgs.committees", ORG_COUNT_LABELS.committees),
      c("orgs.generalBranches", ORG_COUNT_LABELS.generalBranches),
      c("orgs.branches", ORG_COUNT_LABELS.branches),
      c("orgs.jointBranches", ORG_COUNT_LABELS.jointBranches),
    ],
  },
  {
    label: "党员(按隶属)",
    columns: [
      c("members.total", "合计"),
      c("members.full", MEMBER_COUNT_LABELS.full),
      c("members.probationary", MEMBER_COUNT_LABELS.probationary),
    ],
  },
  {
    label: "党员变动",
    columns: MEMBER_FLOW_KEYS.map((k) => c(`flows.${k}`, MEMBER_FLOW_LABELS[k])),
  },
];

/** The groups of a township's annex (one row per grassroots organization): organizations and members. */
export const ANNEX_COLUMN_GROUPS: readonly ReportColumnGroup[] = REPORT_COLUMN_GROUPS.filter((g) =>
  g.columns.some((col) => col.key === "orgs.total" || col.key === "members.total"),
);

export const REPORT_COLUMNS: readonly ReportColumn[] = REPORT_COLUMN_GROUPS.flatMap((g) => g.columns);

const PATHS = new Set<string>(REPORT_COLUMNS.filter((col) => col.drill).map((col) => col.key));

/** A key whose records can be listed (the drill-down's keys). */
export function isIndicatorPath(key: string): key is IndicatorPath {
  return PATHS.has(key);
}

/** The value of a dictionary key in a row's indicators. */
export function indicatorValue(ind: Indicators, key: IndicatorPath): number | null {
  const dot = key.indexOf(".");
  if (dot < 0) return ind[key as Exclude<IndicatorPath, `${string}.${string}`>];
  const group = key.slice(0, dot) as "coveredByMode" | "orgs" | "members" | "flows";
  const leaf = key.slice(dot + 1);
  // Figures frozen before a group existed (the member flows) have none of it.
  return (ind[group] as Record<string, number | null> | undefined)?.[leaf] ?? null;
}

/** The label of a key, e.g. for a drill-down title. */
export function indicatorLabel(key: IndicatorPath): string {
  const group = REPORT_COLUMN_GROUPS.find((g) => g.columns.some((col) => col.key === key));
  const col = REPORT_COLUMNS.find((x) => x.key === key)!;
  return group && (col.label === "合计" || key.includes(".")) ? `${group.label}·${col.label}` : col.label;
}

/**
 * "23.9%, 比上年底提高3.7个百分点": a rate with its change in percentage points against last year-end.
 */
export function formatRateChange(rate: number | null, changePp: number | null): string {
  if (rate === null) return "—";
  const r = `${rate}%`;
  if (changePp === null) return r;
  if (changePp === 0) return `${r},与上年底持平`;
  return changePp > 0
    ? `${r},比上年底提高${changePp}个百分点`
    : `${r},比上年底下降${Math.abs(changePp)}个百分点`;
}

/** A column of the five-basics 附表: the organizations of a row, or those meeting a basic (or all five). */
export interface BasicsAnnexColumn {
  key: "orgs" | Basic | "all";
  label: string;
}

/** The five-basics 附表's columns, for the print page and the workbook alike. */
export const BASICS_ANNEX_COLUMNS: readonly BasicsAnnexColumn[] = [
  { key: "orgs", label: "基层党组织数" },
  ...BASICS.map((b) => ({ key: b, label: BASIC_LABELS[b] })),
  { key: "all", label: "五个基本全部达到" },
];

/** The group label over the columns of the basics (all but the organizations). */
export const BASICS_ANNEX_MET_LABEL = "达到的基层党组织数";

/** The value of a five-basics column in a row's count. */
export function basicsAnnexValue(count: BasicsCount, key: BasicsAnnexColumn["key"]): number {
  return key === "orgs" ? count.orgs : count.met[key];
}
