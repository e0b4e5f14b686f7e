import type { PolicyVersion } from "./policy.ts";
import type { IsoDate } from "./types.ts";

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
  orgs: { total: number; committees: number; generalBranches: number; branches: number; jointBranches: number };
  members: { total: number; full: number; probationary: number };
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
}
