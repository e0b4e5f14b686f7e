/**
 * 组建计划 (倒排组建时限): milestones counted back from the target date of founding.
 *
 * The steps follow the usual founding procedure of a party branch (《中国共产党支部工作条例》): survey
 * the members working in the host, agree a plan with the owner, find the secretary, have the branch
 * approved by the superior, and hold the founding members' assembly. Our reasoned offsets:
 *   T−90d 摸清党员底数 (survey members and apply for relationships)
 *   T−60d 确定组建方案 (plan agreed with the owner; formation mode chosen)
 *   T−45d 物色书记人选 (secretary candidate identified)
 *   T−30d 上级党组织批复 (superior approves the founding)
 *   T     召开党员大会成立 (founding assembly; the organization exists from this date)
 * A milestone is ticked off with the day it was done; it is overdue when its date has passed (due < today),
 * it is not done and the plan is still open; the plan is overdue when its target date has passed and it is
 * still open.
 */
import { addDays } from "../dates.ts";
import type { IsoDate } from "../types.ts";

export const PLAN_MILESTONES = [
  { key: "survey", label: "摸清党员底数", daysBefore: 90 },
  { key: "scheme", label: "确定组建方案", daysBefore: 60 },
  { key: "secretary", label: "物色书记人选", daysBefore: 45 },
  { key: "approval", label: "上级党组织批复", daysBefore: 30 },
  { key: "founding", label: "召开党员大会成立", daysBefore: 0 },
] as const;
export type PlanMilestoneKey = (typeof PLAN_MILESTONES)[number]["key"];
export const PLAN_MILESTONE_KEYS = PLAN_MILESTONES.map((m) => m.key) as [
  PlanMilestoneKey,
  ...PlanMilestoneKey[],
];

export interface PlanMilestone {
  key: PlanMilestoneKey;
  label: string;
  dueOn: IsoDate;
  /** The day it was ticked off, or null. */
  doneOn: IsoDate | null;
  overdue: boolean;
}

/** The milestones of a plan ticked off, by key, with their day. */
export type DoneMilestones = ReadonlyMap<PlanMilestoneKey, IsoDate>;

const NONE_DONE: DoneMilestones = new Map();

export interface PlanLike {
  targetOn: IsoDate;
  state: "open" | "closed";
}

/** The milestones of a plan, in order, with their done day and overdue flags as of `today`. */
export function planMilestones(
  plan: PlanLike,
  today: IsoDate,
  done: DoneMilestones = NONE_DONE,
): PlanMilestone[] {
  return PLAN_MILESTONES.map((m) => {
    const dueOn = addDays(plan.targetOn, -m.daysBefore);
    const doneOn = done.get(m.key) ?? null;
    return {
      key: m.key,
      label: m.label,
      dueOn,
      doneOn,
      overdue: plan.state === "open" && doneOn === null && dueOn < today,
    };
  });
}

/**
 * The first milestone neither done nor passed (its due date on or after today), or null when none is left
 * (passed ones not done are flagged overdue).
 */
export function nextMilestone(
  plan: PlanLike,
  today: IsoDate,
  done: DoneMilestones = NONE_DONE,
): PlanMilestone | null {
  return planMilestones(plan, today, done).find((m) => m.doneOn === null && m.dueOn >= today) ?? null;
}

/** An open plan whose target date has passed. */
export function isPlanOverdue(plan: PlanLike, today: IsoDate): boolean {
  return plan.state === "open" && plan.targetOn < today;
}

/** The default target date of a new plan: 90 days ahead, so that every milestone lies in the future. */
export function defaultPlanTarget(today: IsoDate): IsoDate {
  return addDays(today, 90);
}
