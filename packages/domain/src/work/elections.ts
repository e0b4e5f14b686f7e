/**
 * 换届: a term starts at the last election (else at the founding) and lasts the policy's termYears by
 * category: 基层党委 5 years, 党总支 and 党支部 (联合党支部 included) 3 years by default. An election is
 * "due within 90 days" when its due date lies in [today, today + 90], "overdue" when due < today.
 */
import { addDays, addYears, daysBetween } from "../dates.ts";
import type { Policy } from "../policy.ts";
import type { IsoDate, OrgCategory } from "../types.ts";
import type { ElectionState } from "./messages.ts";

export const ELECTION_DUE_SOON_DAYS = 90;

/** Term length in years for a grassroots category; null for management nodes (no elections here). */
export function termYearsFor(category: OrgCategory, policy: Policy): number | null {
  switch (category) {
    case "committee":
      return policy.termYears.committee;
    case "generalBranch":
      return policy.termYears.generalBranch;
    case "branch":
    case "jointBranch":
      return policy.termYears.branch;
    default:
      return null;
  }
}

export interface ElectionDue {
  termYears: number;
  /** The start of the running term: the last election, else the founding date. */
  termStart: IsoDate;
  dueOn: IsoDate;
  state: ElectionState;
  /** Days from today to the due date (negative when overdue). */
  daysLeft: number;
}

export function electionDue(
  org: { category: OrgCategory; foundedOn: IsoDate; lastElectionOn: IsoDate | null },
  policy: Policy,
  today: IsoDate,
): ElectionDue | null {
  const termYears = termYearsFor(org.category, policy);
  if (termYears === null) return null;
  const termStart = org.lastElectionOn ?? org.foundedOn;
  const dueOn = addYears(termStart, termYears);
  const state: ElectionState =
    dueOn < today ? "overdue" : dueOn <= addDays(today, ELECTION_DUE_SOON_DAYS) ? "dueSoon" : "ok";
  return { termYears, termStart, dueOn, state, daysLeft: daysBetween(today, dueOn) };
}
