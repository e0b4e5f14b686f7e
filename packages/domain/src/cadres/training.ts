/**
 * 培训: what a training must say (a title, its days in order, positive 学时 when given), and the share of
 * persons trained in a year up to a day. A person — a secretary (by member), an instructor — is counted
 * once at every level: a secretary of two organizations, or trained twice, is one person trained; a
 * node's figure is over the union of the persons of its subtree, never the sum of its children's.
 */
import { AppError } from "../app-error.ts";
import { yearOf } from "../dates.ts";

export const trainingMessages = {
  titleRequired: "请填写培训名称",
  endBeforeStart: (startOn: string, endOn: string) => `培训的结束日期${endOn}早于开始日期${startOn}`,
  hours: "学时应为大于0的整数",
  notInOrganizerScope: (who: string, organizer: string) =>
    `${who}不在${organizer}的管理范围内,不能参加其组织的培训`,
  alreadyParticipant: (who: string) => `${who}已是本次培训的参训人员`,
  organizerNotManagement: "培训的主办单位须为管理党组织(党委)",
  /** Organizer, start and title name a training (the import's key): two would not import back. */
  duplicate: (organizer: string, startOn: string, title: string) =>
    `${organizer}已有${startOn}开始的“${title}”培训,请勿重复登记`,
} as const;

export interface TrainingFields {
  title: string;
  startOn: string;
  endOn: string;
  hours?: number | null | undefined;
}

/** Refuses a training without a title, ending before it starts, or with 学时 not above 0. */
export function validateTraining(t: TrainingFields): void {
  if (t.title.trim() === "") throw AppError.rule("TRAINING_TITLE", trainingMessages.titleRequired);
  if (t.endOn < t.startOn)
    throw AppError.rule("TRAINING_DATES", trainingMessages.endBeforeStart(t.startOn, t.endOn));
  if (t.hours !== null && t.hours !== undefined && !(Number.isInteger(t.hours) && t.hours > 0))
    throw AppError.rule("TRAINING_HOURS", trainingMessages.hours);
}

/** A person's part in a training, as the share reads it: who (a key) and the training's first day. */
export interface Participation {
  person: string | number;
  startOn: string;
}

/** Whether a training starting on `startOn` counts for the year of `day` up to it: same year, not after. */
export const countsOn = (startOn: string, day: string): boolean =>
  startOn <= day && yearOf(startOn) === yearOf(day);

/** The persons trained in the year of `day`, up to `day` (a training starting later does not count). */
export function trainedBy(participations: Iterable<Participation>, day: string): Set<string | number> {
  const out = new Set<string | number>();
  for (const p of participations) if (countsOn(p.startOn, day)) out.add(p.person);
  return out;
}

export interface TrainedShare {
  /** Distinct persons. */
  total: number;
  /** Of them, trained. */
  trained: number;
  /** trained / total, null when there is no one. */
  share: number | null;
}

/** The share of distinct `persons` (duplicates count once) found in `trained`. */
export function trainedShare(
  persons: Iterable<string | number>,
  trained: ReadonlySet<string | number>,
): TrainedShare {
  const distinct = new Set(persons);
  let n = 0;
  for (const p of distinct) if (trained.has(p)) n++;
  return { total: distinct.size, trained: n, share: distinct.size === 0 ? null : n / distinct.size };
}

/** The distinct persons of `persons` not in `trained`, in first-seen order (a row's drill-down). */
export function untrained<T extends string | number>(
  persons: Iterable<T>,
  trained: ReadonlySet<string | number>,
): T[] {
  const out = new Set<T>();
  for (const p of persons) if (!trained.has(p)) out.add(p);
  return [...out];
}

/** The share as a percentage with one decimal ("—" when there is no one). */
export const shareText = (s: TrainedShare): string =>
  s.share === null ? "—" : `${(Math.round(s.share * 1000) / 10).toFixed(1)}%`;
