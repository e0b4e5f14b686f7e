/**
 * The five-basics check (五个基本) of one grassroots organization on one day: which basics hold and, for
 * each that does not, why, in the words an administrator reads. Each criterion is a parameter of the
 * dated policy (`Policy.basics`), so the check of a past day uses that day's policy.
 *
 * - 基本队伍 (team): a secretary in office; with `committeeFromMembers` members or more, also a committee
 *   of at least `committeeMinSize` members in office (the secretary included).
 * - 基本阵地 (venue): its own venue 达标, or a shared venue (党群服务中心) it is linked to 达标.
 * - 基本活动 (activities): 三会一课 (支部党员大会, 支委会, 党小组会, 党课) held this year at least
 *   `minMeetingCompliancePct` % of what is due by the day; nothing due yet counts as held.
 * - 基本制度 (rules): every rule of `coreRules` adopted on or before the day.
 * - 基本保障 (means): funds recorded this year; where the covered hosts' payroll of the year is known, at
 *   least `feeBandLowPermille` ‰ of it. Amounts are whole 分, compared in integers.
 */
import type { Policy } from "../policy.ts";
import type { IsoDate } from "../types.ts";
import { complianceRateOf, type Period } from "../work/meetings.ts";
import type { MeetingKind } from "../work/messages.ts";
import { formatFen } from "../money.ts";
import {
  BASICS,
  ORG_RULE_LABELS,
  VENUE_STATUS_LABELS,
  type Basic,
  type OrgRule,
  type VenueStatus,
} from "./vocabulary.ts";

/** The kinds of meeting that make up 三会一课. */
export const THREE_MEETINGS_ONE_LESSON: readonly MeetingKind[] = [
  "memberAssembly",
  "branchCommittee",
  "groupMeeting",
  "partyLecture",
];

/** What the check needs to know of one organization on one day (gathered by the caller, in scope). */
export interface BasicsFacts {
  orgId: number;
  /** Members held on the day. */
  members: number;
  /** Whether a secretary is in office on the day. */
  hasSecretary: boolean;
  /** Committee members in office on the day, the secretary included. */
  committeeSize: number;
  /** Its own venue's status on the day (null: none recorded). */
  venueStatus: VenueStatus | null;
  /** The status of the shared venues it is linked to on the day. */
  sharedVenueStatuses: readonly VenueStatus[];
  /** 三会一课 and the other meetings held from 1 January to the day, by kind. */
  meetingsHeld: ReadonlyMap<MeetingKind, number>;
  /** The period of the activities criterion: 1 January of the day's year to the day. */
  period: Period;
  foundedOn?: IsoDate;
  hasPartyGroups: boolean;
  /** Rules adopted on or before the day (and not dropped). */
  rulesAdopted: ReadonlySet<OrgRule>;
  /** Funds recorded for the day's year, all sources, in 分. */
  fundsFen: number;
  /** The covered hosts' payroll (职工工资总额) of the year in 分, summed over those that recorded one; null: none. */
  payrollFen: number | null;
}

export interface BasicOutcome {
  ok: boolean;
  /** Why not (empty when it holds). */
  reasons: string[];
}

export type BasicsCheck = { orgId: number; all: boolean } & Record<Basic, BasicOutcome>;

// One outcome object per basic and check, never shared: the API's superjson would annotate every shared
// object's other paths (30,000 checks on a city's board).
const outcome = (reasons: string[]): BasicOutcome => ({ ok: reasons.length === 0, reasons });

/** 三会一课's share (%) of what is due by the period's end; null when nothing is due yet. */
export function threeMeetingsOneLessonPct(
  held: ReadonlyMap<MeetingKind, number>,
  policy: Policy,
  period: Period,
  foundedOn: IsoDate | undefined,
  hasPartyGroups: boolean,
): number | null {
  return complianceRateOf(THREE_MEETINGS_ONE_LESSON, held, policy, period, foundedOn, hasPartyGroups);
}

/** The lower bound of the management-fee band for a payroll, in whole 分 (rounded up: the bound is a minimum). */
export function feeBandLowFen(payrollFen: number, policy: Policy): number {
  return Math.ceil((payrollFen * policy.basics.feeBandLowPermille) / 1000);
}

export function checkFiveBasics(f: BasicsFacts, policy: Policy): BasicsCheck {
  const p = policy.basics;
  const team: string[] = [];
  if (!f.hasSecretary) team.push("未配备书记");
  if (f.members >= p.committeeFromMembers && f.committeeSize < p.committeeMinSize)
    team.push(
      `党员${f.members}名(不少于${p.committeeFromMembers}名)应设支委会,现有班子成员${f.committeeSize}名,少于${p.committeeMinSize}名`,
    );

  const venue: string[] = [];
  if (f.venueStatus !== "standard" && !f.sharedVenueStatuses.includes("standard"))
    venue.push(
      f.venueStatus === null
        ? f.sharedVenueStatuses.length === 0
          ? "未登记活动场所"
          : `共享的活动场所${f.sharedVenueStatuses.map((s) => VENUE_STATUS_LABELS[s]).join("、")}`
        : `活动场所${VENUE_STATUS_LABELS[f.venueStatus]}`,
    );

  const activities: string[] = [];
  const pct = threeMeetingsOneLessonPct(f.meetingsHeld, policy, f.period, f.foundedOn, f.hasPartyGroups);
  if (pct !== null && pct < p.minMeetingCompliancePct)
    activities.push(`三会一课完成率${pct}%,低于${p.minMeetingCompliancePct}%`);

  const missing = p.coreRules.filter((r) => !f.rulesAdopted.has(r));
  const rules = missing.length > 0 ? [`未建立${missing.map((r) => ORG_RULE_LABELS[r]).join("、")}制度`] : [];

  const means: string[] = [];
  if (f.payrollFen === null) {
    if (f.fundsFen <= 0) means.push("本年度未登记党建工作经费");
  } else {
    const low = feeBandLowFen(f.payrollFen, policy);
    if (f.fundsFen < low || f.fundsFen <= 0)
      means.push(
        `本年度经费${formatFen(f.fundsFen)}万元,低于职工工资总额${formatFen(f.payrollFen)}万元的${p.feeBandLowPermille / 10}%(${formatFen(low)}万元)`,
      );
  }

  return {
    orgId: f.orgId,
    team: outcome(team),
    venue: outcome(venue),
    activities: outcome(activities),
    rules: outcome(rules),
    means: outcome(means),
    all: team.length + venue.length + activities.length + rules.length + means.length === 0,
  };
}

/**
 * Whether a management fee (管理费列支) lies in the policy's band of the payroll: below, within or above;
 * null when no payroll is known.
 */
export function managementFeeInBand(
  feeFen: number,
  payrollFen: number | null,
  policy: Policy,
): "below" | "within" | "above" | null {
  if (payrollFen === null || payrollFen <= 0) return null;
  const { feeBandLowPermille: low, feeBandHighPermille: high } = policy.basics;
  if (feeFen * 1000 < payrollFen * low) return "below";
  if (feeFen * 1000 > payrollFen * high) return "above";
  return "within";
}

export interface BasicsCount {
  /** Organizations checked, each once. */
  orgs: number;
  /** Organizations meeting each basic, and all five. */
  met: Record<Basic | "all", number>;
}

/** The five-basics figures of a set of checks: each organization counted once, however often it appears. */
export function countFiveBasics(checks: Iterable<BasicsCheck>): BasicsCount {
  const seen = new Set<number>();
  const met: Record<Basic | "all", number> = { team: 0, venue: 0, activities: 0, rules: 0, means: 0, all: 0 };
  for (const c of checks) {
    if (seen.has(c.orgId)) continue;
    seen.add(c.orgId);
    for (const b of BASICS) if (c[b].ok) met[b]++;
    if (c.all) met.all++;
  }
  return { orgs: seen.size, met };
}

/** The bit of each basic in a check's bits (`basicsBits`): BASICS' order, then all five. */
const ALL_BIT = 2 ** BASICS.length;

/** The basics a check met as one number, a bit per basic in BASICS' order and `ALL_BIT` for all five. */
export function basicsBits(check: BasicsCheck): number {
  let bits = check.all ? ALL_BIT : 0;
  BASICS.forEach((b, i) => {
    if (check[b].ok) bits |= 2 ** i;
  });
  return bits;
}

/** `countFiveBasics` of checks kept as bits (`basicsBits`), one number per organization (each counted once). */
export function countBasicsBits(bits: Iterable<number>): BasicsCount {
  const met: Record<Basic | "all", number> = { team: 0, venue: 0, activities: 0, rules: 0, means: 0, all: 0 };
  // Organizations per combination of bits first (a few dozen), then each basic over the combinations.
  const per = new Map<number, number>();
  let orgs = 0;
  for (const b of bits) {
    orgs++;
    per.set(b, (per.get(b) ?? 0) + 1);
  }
  for (const [b, n] of per) {
    BASICS.forEach((basic, i) => {
      if ((b & (2 ** i)) !== 0) met[basic] += n;
    });
    if ((b & ALL_BIT) !== 0) met.all += n;
  }
  return { orgs, met };
}
