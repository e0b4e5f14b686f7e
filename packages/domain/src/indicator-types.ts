import type { BasicsCount } from "./basics/check.ts";
import type { MemberFlows } from "./member-flows.ts";
import type { PolicyVersion } from "./policy.ts";
import type { CountedMode, IsoDate } from "./types.ts";

/**
 * The indicator dictionary (../shared/domain.md). Keys are stable: report JSON, dashboard, exports.
 * Host-side keys are null for a row without territory (行业党委). Rates are percentages rounded half-up to
 * two decimals, null when the denominator is 0.
 */
export interface Indicators {
  hosts: number | null;
  enterprises: number | null;
  socialOrgs: number | null;
  employees: number | null;
  aboveScale: number | null;
  withMembers: number | null;
  withThreeMembers: number | null;
  orgCovered: number | null;
  coveredByMode: {
    standalone: number | null;
    joint: number | null;
    affiliated: number | null;
    regional: number | null;
  };
  orgCoverageRate: number | null;
  standaloneRate: number | null;
  aboveScaleCoverageRate: number | null;
  threeMemberStandaloneRate: number | null;
  shouldEstablishNotEstablished: number | null;
  instructorCovered: number | null;
  instructors: number | null;
  workCovered: number | null;
  workCoverageRate: number | null;
  membersEmployed: number | null;
  membersShareOfEmployees: number | null;
  orgs: {
    total: number;
    committees: number;
    generalBranches: number;
    branches: number;
    jointBranches: number;
  };
  members: { total: number; full: number; probationary: number };
  /** 党员变动: 年初, the year's flows and 年末 (rows of a report; zero elsewhere). */
  flows: MemberFlows;
  prevOrgCoverageRate: number | null;
  orgCoverageRateChangePp: number | null;
}

export type ReportRowKind = "child" | "direct" | "annex";

export interface ReportRow {
  kind: ReportRowKind;
  /** The management node of a child row, the report's own node for the 直属 row, the organization of an annex row. */
  orgId: number;
  code: string;
  name: string;
  indicators: Indicators;
  /** The unrounded parts the row was computed from (what a 合计 is summed from); set by `computeReport`. */
  parts?: IndicatorParts;
}

export interface Report {
  year: number;
  asOf: IsoDate;
  node: { id: number; code: string; name: string };
  policy: PolicyVersion;
  rows: ReportRow[];
  /** 合计: counts are the sum of the rows (except distinct `instructors`); rates recomputed. */
  total: Indicators;
  /** A township's annex: one row per grassroots organization (organizations and members only). */
  annex: ReportRow[];
  /** The parts the total was computed from (the sum of the rows' parts); set by `computeReport`. */
  totalParts?: IndicatorParts;
  /**
   * Opening members (年初党员数): the node's members as of the previous 31 December on that date's tree,
   * to compare with last year's approved closing figure; set by `computeReport`.
   */
  openingMembers?: number;
}

/** One row of a report's five-basics 附表 (五个基本): a child unit or the 直属 organizations. */
export interface BasicsAnnexRow {
  kind: "child" | "direct";
  orgId: number;
  code: string;
  name: string;
  /** Grassroots organizations of the row, each once, and how many meet each basic and all five. */
  count: BasicsCount;
}

/** A report's five-basics 附表 as of `on` (the year's end, or today for the current year). */
export interface BasicsAnnex {
  on: IsoDate;
  rows: BasicsAnnexRow[];
  /** 合计: the sum of the rows (each organization counted once, in one row). */
  total: BasicsCount;
}

export interface OrgCounts {
  total: number;
  committees: number;
  generalBranches: number;
  branches: number;
  jointBranches: number;
}

export interface MemberCounts {
  total: number;
  full: number;
  probationary: number;
}

/**
 * The unrounded, additive parts of the indicators: every count (including the numerators of all rates)
 * and the distinct instructors. Parts of rows add up to the parts of their total (`sumIndicatorParts`);
 * `indicatorsFromParts` derives the rates. Plain JSON (no Sets), so frozen rows can be stored.
 */
export interface IndicatorParts {
  /** False for a row without territory (行业党委, annex rows): its host-side indicators are null. */
  hasTerritory: boolean;
  hosts: number;
  enterprises: number;
  socialOrgs: number;
  employees: number;
  aboveScale: number;
  /** Above-scale enterprises organizationally covered (numerator of aboveScaleCoverageRate). */
  aboveScaleCovered: number;
  withMembers: number;
  withThreeMembers: number;
  /** Hosts with a standalone organization among withThreeMembers (numerator of threeMemberStandaloneRate). */
  threeMemberStandalone: number;
  orgCovered: number;
  coveredByMode: Record<CountedMode, number>;
  shouldEstablishNotEstablished: number;
  instructorCovered: number;
  workCovered: number;
  membersEmployed: number;
  /** Distinct instructors with an assignment in force to a counted host, ascending. */
  instructorIds: number[];
  orgs: OrgCounts;
  members: MemberCounts;
  /** 党员变动 (rows of a report: `partitionFlows`; zero elsewhere). */
  flows: MemberFlows;
}
