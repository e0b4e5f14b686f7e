/**
 * ISO calendar dates (`YYYY-MM-DD`) as strings, with arithmetic on the proleptic Gregorian calendar (no
 * time zone involved). Dated facts are half-open intervals: in force on D iff start ≤ D and (no end or
 * D < end). ISO strings of the same shape compare correctly as strings.
 */
import { MESSAGES } from "./messages.ts";
import type { IsoDate } from "./types.ts";

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, month: number): number {
  if (month === 2 && isLeapYear(y)) return 29;
  return MONTH_DAYS[month - 1] ?? 0;
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** The year, month and day of a real calendar date written `YYYY-MM-DD`, else null (one match). */
function ymdOf(s: unknown): Ymd | null {
  if (typeof s !== "string") return null;
  const m = s.match(ISO_RE);
  if (!m) return null;
  const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return ymd.m >= 1 && ymd.m <= 12 && ymd.d >= 1 && ymd.d <= daysInMonth(ymd.y, ymd.m) ? ymd : null;
}

/** A real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: unknown): s is IsoDate {
  return ymdOf(s) !== null;
}

/** `2024/3/1`, `2024.3.1`, `2024-3-1` (the separator once, the same twice), month and day padded or not. */
const LOOSE_RE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
/** `2024年3月1日`. */
const CHINESE_RE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

/**
 * A date as offices write it in a spreadsheet cell or CSV — `2024-03-01`, `2024-3-1`, `2024/3/1`,
 * `2024.3.1`, `2024年3月1日` — as ISO `2024-03-01`; null for an impossible date (`2024/2/30`) or anything
 * else. For imported cells only: API inputs stay strictly ISO (`isIsoDate`). ISO text, the common case of
 * a large import, is checked first and returned as it is.
 */
export function normaliseDateText(s: string): IsoDate | null {
  const text: string = s;
  if (isIsoDate(s)) return s;
  const m = text.match(LOOSE_RE) ?? text.match(CHINESE_RE);
  if (!m) return null;
  const [y, mo, d] = m.length === 5 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
  const iso = `${y}-${mo!.padStart(2, "0")}-${d!.padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : null;
}

function parse(date: IsoDate): Ymd {
  const ymd = ymdOf(date);
  if (!ymd) throw new RangeError(MESSAGES.invalidIsoDate(String(date)));
  return ymd;
}

function format(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function toEpochDay(date: IsoDate): number {
  const { y: y0, m, d } = parse(date);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromEpochDay(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return format(y, m, d);
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + n);
}

/** Calendar months; the day is clamped to the month's end (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const { y, m, d } = parse(date);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return format(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Calendar years; 29 February becomes 28 February in a common year. */
export function addYears(date: IsoDate, n: number): IsoDate {
  return addMonths(date, 12 * n);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

export function yearOf(date: IsoDate): number {
  return parse(date).y;
}

export function yearStart(year: number): IsoDate {
  return format(year, 1, 1);
}

export function yearEnd(year: number): IsoDate {
  return format(year, 12, 31);
}

/** Half-open: start ≤ d and (end null or d < end). */
export function inForce(startOn: IsoDate, endOn: IsoDate | null | undefined, d: IsoDate): boolean {
  return startOn <= d && (endOn === null || endOn === undefined || d < endOn);
}

/** Whether two half-open intervals share at least one day. */
export function intervalsOverlap(
  aStart: IsoDate,
  aEnd: IsoDate | null,
  bStart: IsoDate,
  bEnd: IsoDate | null,
): boolean {
  return (bEnd === null || aStart < bEnd) && (aEnd === null || bStart < aEnd);
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/**
 * The date of the instant `now` in China (UTC+8, no daylight saving) by default; the arithmetic above never
 * depends on a time zone. "Today" itself comes from the one clock (`clock.today()` in clock.ts).
 */
export function todayIso(now: Date, utcOffsetMinutes = 480): IsoDate {
  return new Date(now.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}
