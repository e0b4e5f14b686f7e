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
 * A milestone is overdue when its date has passed (due < today) and the plan is still open; the plan is
 * overdue when its target date has passed and it is still open.
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

export interface PlanMilestone {
  key: PlanMilestoneKey;
  label: string;
  dueOn: IsoDate;
  overdue: boolean;
}

export interface PlanLike {
  targetOn: IsoDate;
  state: "open" | "closed";
}

/** The milestones of a plan, in order, with overdue flags as of `today`. */
export function planMilestones(plan: PlanLike, today: IsoDate): PlanMilestone[] {
  return PLAN_MILESTONES.map((m) => {
    const dueOn = addDays(plan.targetOn, -m.daysBefore);
    return { key: m.key, label: m.label, dueOn, overdue: plan.state === "open" && dueOn < today };
  });
}

/** The first milestone not yet passed (its due date on or after today), or null when all have passed. */
export function nextMilestone(plan: PlanLike, today: IsoDate): PlanMilestone | null {
  return planMilestones(plan, today).find((m) => m.dueOn >= today) ?? null;
}

/** An open plan whose target date has passed. */
export function isPlanOverdue(plan: PlanLike, today: IsoDate): boolean {
  return plan.state === "open" && plan.targetOn < today;
}

/** The default target date of a new plan: 90 days ahead, so that every milestone lies in the future. */
export function defaultPlanTarget(today: IsoDate): IsoDate {
  return addDays(today, 90);
}
