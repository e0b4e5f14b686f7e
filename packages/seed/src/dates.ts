/** ISO date arithmetic for the generators, on UTC day numbers (no time zones involved). */
import type { IsoDate } from "@liangxin/domain";

const DAY_MS = 86_400_000;

export function toDay(iso: IsoDate): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function fromDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDay(toDay(iso) + days);
}

/** Same month and day `months` later; a day past the month's end rolls over (Jan 31 + 1 → Mar 3). */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
}

export function addYears(iso: IsoDate, years: number): IsoDate {
  return addMonths(iso, years * 12);
}

export function yearOf(iso: IsoDate): number {
  return Number(iso.slice(0, 4));
}

export function maxDate(...dates: IsoDate[]): IsoDate {
  let best = dates[0] ?? "";
  for (const d of dates) if (d > best) best = d;
  return best;
}

export function minDate(...dates: IsoDate[]): IsoDate {
  let best = dates[0] ?? "";
  for (const d of dates) if (d < best) best = d;
  return best;
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDay(b) - toDay(a);
}

/** A uniformly random date in [from, to] (both inclusive); `from` when the range is empty. */
export function randomDate(
  rng: { int(min: number, max: number): number },
  from: IsoDate,
  to: IsoDate,
): IsoDate {
  const a = toDay(from);
  const b = toDay(to);
  return b <= a ? from : fromDay(rng.int(a, b));
}
