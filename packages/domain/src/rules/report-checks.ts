/**
 * The year-end checks (校核) of a computed report before it is submitted: per row and for the 合计,
 * the organization and member counts add up and rates lie within 0–100; every count of the 合计 equals
 * the sum of the rows; each row's members balance from 年初 to 年末 through the year's flows; the
 * opening members equal last year's approved closing figure. `hasErrors` says whether a list of
 * violations blocks (contains an error).
 */
import type { Violation } from "../errors.ts";
import type { Indicators, Report } from "../indicator-types.ts";
import {
  COUNTED_MODE_LABELS,
  INDICATOR_LABELS,
  MEMBER_COUNT_LABELS,
  ORG_COUNT_LABELS,
  TOTAL_ROW_NAME,
} from "../labels.ts";
import { expectedClosing } from "../member-flows.ts";
import { MESSAGES } from "../messages.ts";
import { COUNTED_MODES } from "../types.ts";

type CountKey =
  | "hosts"
  | "enterprises"
  | "socialOrgs"
  | "employees"
  | "aboveScale"
  | "withMembers"
  | "withThreeMembers"
  | "orgCovered"
  | "shouldEstablishNotEstablished"
  | "instructorCovered"
  | "workCovered"
  | "membersEmployed";

const COUNT_KEYS: readonly CountKey[] = [
  "hosts",
  "enterprises",
  "socialOrgs",
  "employees",
  "aboveScale",
  "withMembers",
  "withThreeMembers",
  "orgCovered",
  "shouldEstablishNotEstablished",
  "instructorCovered",
  "workCovered",
  "membersEmployed",
];

type RateKey =
  | "orgCoverageRate"
  | "standaloneRate"
  | "aboveScaleCoverageRate"
  | "threeMemberStandaloneRate"
  | "workCoverageRate"
  | "membersShareOfEmployees"
  | "prevOrgCoverageRate";

const RATE_KEYS: readonly RateKey[] = [
  "orgCoverageRate",
  "standaloneRate",
  "aboveScaleCoverageRate",
  "threeMemberStandaloneRate",
  "workCoverageRate",
  "membersShareOfEmployees",
  "prevOrgCoverageRate",
];

/** Every count of a row as [label, value]. */
function countsOf(ind: Indicators): [string, number | null][] {
  return [
    ...COUNT_KEYS.map((k): [string, number | null] => [INDICATOR_LABELS[k], ind[k]]),
    ...COUNTED_MODES.map((m): [string, number | null] => [
      `${INDICATOR_LABELS.orgCovered}·${COUNTED_MODE_LABELS[m]}`,
      ind.coveredByMode[m],
    ]),
    ...(Object.keys(ORG_COUNT_LABELS) as (keyof Indicators["orgs"])[]).map((k): [string, number | null] => [
      ORG_COUNT_LABELS[k],
      ind.orgs[k],
    ]),
    ...(Object.keys(MEMBER_COUNT_LABELS) as (keyof Indicators["members"])[]).map(
      (k): [string, number | null] => [MEMBER_COUNT_LABELS[k], ind.members[k]],
    ),
  ];
}

function checkRow(name: string, ind: Indicators, rowOrgId: number | undefined): Violation[] {
  const out: Violation[] = [];
  const refs = rowOrgId === undefined ? undefined : { rowOrgId };
  const o = ind.orgs;
  const orgSum = o.committees + o.generalBranches + o.branches;
  if (o.total !== orgSum) {
    out.push({
      level: "error",
      code: "ORGS_TOTAL_MISMATCH",
      message: MESSAGES.orgsTotalMismatch(name, o.total, orgSum),
      refs,
    });
  }
  if (o.jointBranches > o.branches) {
    out.push({
      level: "error",
      code: "JOINT_BRANCHES_EXCEED_BRANCHES",
      message: MESSAGES.jointBranchesExceedBranches(name, o.jointBranches, o.branches),
      refs,
    });
  }
  const m = ind.members;
  if (m.total !== m.full + m.probationary) {
    out.push({
      level: "error",
      code: "MEMBERS_TOTAL_MISMATCH",
      message: MESSAGES.membersTotalMismatch(name, m.total, m.full + m.probationary),
      refs,
    });
  }
  if (ind.orgCovered !== null) {
    const modeSum = COUNTED_MODES.reduce((s, k) => s + (ind.coveredByMode[k] ?? 0), 0);
    if (modeSum !== ind.orgCovered) {
      out.push({
        level: "error",
        code: "COVERED_BY_MODE_MISMATCH",
        message: MESSAGES.coveredByModeMismatch(name, ind.orgCovered, modeSum),
        refs,
      });
    }
  }
  for (const k of RATE_KEYS) {
    const v = ind[k];
    if (v !== null && !(v >= 0 && v <= 100)) {
      out.push({
        level: "error",
        code: "RATE_OUT_OF_RANGE",
        message: MESSAGES.rateOutOfRange(name, INDICATOR_LABELS[k], v),
        refs,
      });
    }
  }
  return out;
}

/**
 * The checks before submission (校核): per row and total, organizations = 基层党委 + 党总支 + 党支部,
 * members = full + probationary, coveredByMode sums to orgCovered, rates within 0–100; every count of 合计
 * equals the sum of the rows (instructors: at most the sum); opening members equal last year's approved
 * closing figure (the difference is named).
 */
export function checkReport(
  report: Report,
  opts?: { previousApprovedClosingMembers?: number | null; openingMembers?: number },
): Violation[] {
  const out: Violation[] = [];
  for (const r of [...report.rows, ...report.annex]) out.push(...checkRow(r.name, r.indicators, r.orgId));
  out.push(...checkRow(TOTAL_ROW_NAME, report.total, undefined));

  const totalCounts = countsOf(report.total);
  const sums = totalCounts.map((): number => 0);
  const seen = totalCounts.map((): boolean => false);
  for (const r of report.rows) {
    countsOf(r.indicators).forEach(([, v], i) => {
      if (v === null) return;
      sums[i] = sums[i]! + v;
      seen[i] = true;
    });
  }
  totalCounts.forEach(([label, v], i) => {
    if (v === null && !seen[i]) return;
    const total = v ?? 0;
    const sum = sums[i]!;
    if (total !== sum) {
      out.push({
        level: "error",
        code: "ROWS_SUM_MISMATCH",
        message: MESSAGES.rowsSumMismatch(label, total, sum),
      });
    }
  });
  if (report.total.instructors !== null) {
    const sum = report.rows.reduce((s, r) => s + (r.indicators.instructors ?? 0), 0);
    if (report.total.instructors > sum) {
      out.push({
        level: "error",
        code: "INSTRUCTORS_EXCEED_SUM",
        message: MESSAGES.instructorsExceedSum(report.total.instructors, sum),
      });
    }
  }

  // 年末 = 年初 + 发展 + 转入 + 隶属变更转入 − 转出 − 隶属变更转出 − 出党 − 死亡 − 停止党籍, per row: 年初 is last
  // year's approved figure, so a record of last year changed since breaks it for the row holding it.
  for (const r of report.rows) {
    const f = r.indicators.flows;
    if (!f) continue;
    const expected = expectedClosing(f);
    if (expected !== f.closing) {
      out.push({
        level: "warning",
        code: "MEMBER_BALANCE",
        message: MESSAGES.memberBalance(r.name, f.closing, expected, f.opening),
        refs: { rowOrgId: r.orgId },
      });
    }
  }

  const approved = opts?.previousApprovedClosingMembers;
  const opening = opts?.openingMembers ?? report.openingMembers;
  if (approved !== null && approved !== undefined && opening !== undefined && opening !== approved) {
    // A difference is shown and must be explained (issue 18).
    out.push({
      level: "warning",
      code: "OPENING_MEMBERS_MISMATCH",
      message: MESSAGES.openingMembersMismatch(opening, approved),
      refs: { rowOrgId: report.node.id },
    });
  }
  return out;
}

/** Whether a list of violations blocks (contains an error). */
export function hasErrors(violations: readonly Violation[]): boolean {
  return violations.some((v) => v.level === "error");
}
