/**
 * 联系点: a leading cadre's contact point (an organization or a host) is in force over [startOn, endOn) and is
 * due a visit `months` (the policy's `contactVisitMonths`, one quarter by default) after its last visit, or
 * after its start when it has none. It is overdue on a day after the due day (the due day itself is not).
 * Months are calendar months (`addMonths`): a day that the target month lacks becomes its last day
 * (30 November + 3 months = 28 February, or 29 in a leap year).
 */
import { addMonths, daysBetween } from "../dates.ts";
import type { IsoDate } from "../types.ts";

export interface ContactPointDates {
  startOn: IsoDate;
  endOn: IsoDate | null;
  /** The latest visit on or before the day considered (none: null). */
  lastVisitOn: IsoDate | null;
}

/** Whether a contact point is in force on `day` ([startOn, endOn)). */
export function contactInForce(p: Pick<ContactPointDates, "startOn" | "endOn">, day: IsoDate): boolean {
  return p.startOn <= day && (p.endOn === null || day < p.endOn);
}

/** The day the next visit is due: `months` after the last visit, or after the start without one. */
export function visitDueOn(p: Pick<ContactPointDates, "startOn" | "lastVisitOn">, months: number): IsoDate {
  const from = p.lastVisitOn !== null && p.lastVisitOn > p.startOn ? p.lastVisitOn : p.startOn;
  return addMonths(from, months);
}

/** Whether the point is overdue on `day`: in force on it and `day` after the due day. */
export function visitOverdue(p: ContactPointDates, day: IsoDate, months: number): boolean {
  return contactInForce(p, day) && day > visitDueOn(p, months);
}

/** Days past the due day on `day` (0 when not overdue). */
export function visitOverdueDays(p: ContactPointDates, day: IsoDate, months: number): number {
  return visitOverdue(p, day, months) ? daysBetween(visitDueOn(p, months), day) : 0;
}

export const CONTACT_MESSAGES = {
  subjectOne: "联系点须是一个党组织或一个两新组织(二者选一)",
  visitFuture: (on: IsoDate, today: IsoDate) => `走访日期${on}不能晚于今天(${today})`,
  visitBeforeStart: (on: IsoDate, start: IsoDate) => `走访日期${on}早于联系开始日期${start}`,
  visitAfterEnd: (on: IsoDate, end: IsoDate) => `走访日期${on}不在联系期内(联系已于${end}结束)`,
  alreadyLinked: (leader: string, subject: string, since: IsoDate) =>
    `${leader}自${since}起已联系“${subject}”,不能重复建立联系点`,
  alreadyEnded: (end: IsoDate) => `该联系点已于${end}结束`,
  overdueDetail: (due: IsoDate, days: number, leader: string) => `${leader}应于${due}前走访,已超期${days}天`,
  neverVisited: "尚未走访",
  /** Name and unit name a leader of a node, a point and a day a visit (the import's keys). */
  leaderExists: (name: string, unit: string) => `本单位已登记${unit}的领导干部${name}`,
  visitExists: (on: IsoDate) => `该联系点${on}已有走访记录,请修改原记录的内容或改填其他日期`,
} as const;
