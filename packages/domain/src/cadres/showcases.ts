/**
 * 示范点: an organization or a host (exactly one) named a showcase by a management node at that node's own
 * level (市级 by the city's committee, 县级 by a county's, 乡镇(街道)级 by a township's or a park's), over
 * [startOn, endOn) with the reasons. Counted on a day when in force on it.
 */
import { AppError } from "../app-error.ts";
import type { IsoDate } from "../types.ts";
import { HONOUR_LEVEL_LABELS, type HonourLevel } from "./vocabulary.ts";

export interface ShowcaseFields {
  orgId?: number | null | undefined;
  hostId?: number | null | undefined;
  startOn: IsoDate;
  endOn?: IsoDate | null | undefined;
  reasons: string;
}

export const SHOWCASE_MESSAGES = {
  subjectOne: "示范点须是一个党组织或一个两新组织(二者选一)",
  period: (start: IsoDate, end: IsoDate) => `示范点期间的结束日期${end}须晚于开始日期${start}`,
  reasons: "请填写命名示范点的理由",
  notNaming: (node: string) => `${node}不是市、县、乡镇(街道)级党(工)委,不能命名示范点`,
  notNamer: (namedBy: string, level: HonourLevel) =>
    `该${HONOUR_LEVEL_LABELS[level]}示范点由${namedBy}命名,只能由其或其上级终止`,
  alreadyEnded: (end: IsoDate) => `该示范点已于${end}终止`,
  alreadyNamed: (subject: string, level: HonourLevel, since: IsoDate) =>
    `“${subject}”自${since}起已是${HONOUR_LEVEL_LABELS[level]}示范点`,
} as const;

/** The rules of a showcase's own fields: one subject, reasons given, the end after the start. */
export function checkShowcase(s: ShowcaseFields): void {
  if ((s.orgId == null) === (s.hostId == null))
    throw AppError.rule("SHOWCASE_SUBJECT", SHOWCASE_MESSAGES.subjectOne);
  if (s.reasons.trim() === "") throw AppError.rule("SHOWCASE_REASONS", SHOWCASE_MESSAGES.reasons);
  if (s.endOn != null && s.endOn <= s.startOn)
    throw AppError.rule("SHOWCASE_PERIOD", SHOWCASE_MESSAGES.period(s.startOn, s.endOn));
}

/** Whether a showcase is in force on `day` ([startOn, endOn)). */
export function showcaseInForce(s: { startOn: IsoDate; endOn: IsoDate | null }, day: IsoDate): boolean {
  return s.startOn <= day && (s.endOn === null || day < s.endOn);
}

/** Showcases in force on `day` by level. */
export function countShowcases(
  rows: readonly { level: HonourLevel; startOn: IsoDate; endOn: IsoDate | null }[],
  day: IsoDate,
): Record<HonourLevel, number> & { total: number } {
  const out = { city: 0, county: 0, township: 0, total: 0 };
  for (const r of rows)
    if (showcaseInForce(r, day)) {
      out[r.level] += 1;
      out.total += 1;
    }
  return out;
}
