/**
 * The one clock of the product: "now" and "today" for the domain, the API, the portal, the CLI and the
 * jobs. Product code reads time only through `clock` (a lint rule bans argument-less `new Date()` and
 * `Date.now()` elsewhere); durations are measured with `performance.now()`.
 *
 * - "Today" is the calendar day in China (Asia/Shanghai, UTC+8, no daylight saving), whatever the
 *   machine's time zone.
 * - `LIANGXIN_NOW=2026-12-03T10:00:00+08:00` pins the clock: it starts at that instant when the process
 *   first asks for the time and then runs on (so timestamps still move forward). Demonstrations and the
 *   end-to-end tests use it; pages show a banner while it is set.
 * - Tests that need a still clock install `fixedClock(…)` with `setClock` and restore it afterwards.
 */
import { todayIso } from "./dates.ts";
import type { IsoDate } from "./types.ts";

/** Beijing time is UTC+8 all year. */
export const CHINA_UTC_OFFSET_MINUTES = 480;
/** The environment variable that pins the clock. */
export const CLOCK_ENV = "LIANGXIN_NOW";

export interface Clock {
  /** The current instant. */
  now(): Date;
  /** The current instant as an ISO timestamp in UTC (`…Z`), the form stored in the database. */
  nowIso(): string;
  /** Today's date in China. */
  today(): IsoDate;
  /** The instant the clock was pinned at (as given), or null for the machine's clock. */
  readonly pinnedAt: string | null;
}

const INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses an instant written as an ISO date-time (`2026-12-03T10:00:00+08:00`, `…Z`, or without an
 * offset, read as Beijing time) or a bare date (`2026-12-03`, midnight Beijing time). Null when invalid.
 */
export function parseInstant(text: string): Date | null {
  const m = text.trim().match(INSTANT_RE);
  if (!m) return null;
  const [, y, mo, d, h = "00", mi = "00", s = "00", ms = "0", zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59)
    return null;
  let offsetMinutes = CHINA_UTC_OFFSET_MINUTES;
  if (zone === "Z") offsetMinutes = 0;
  else if (zone) {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  }
  const utc = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s), Number(ms.padEnd(3, "0")));
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCDate() !== day) return null; // 2026-02-30 and the like
  return new Date(utc - offsetMinutes * 60_000);
}

function fromNow(pinnedAt: string | null, now: () => Date): Clock {
  return {
    pinnedAt,
    now,
    nowIso: () => now().toISOString(),
    today: () => todayIso(now(), CHINA_UTC_OFFSET_MINUTES),
  };
}

/** The machine's clock. */
export function wallClock(): Clock {
  return fromNow(null, () => new Date());
}

/** A clock that starts at `instant` and runs on with the machine's monotonic time. */
export function runningClock(instant: string, elapsedMs: () => number = () => performance.now()): Clock {
  const start = parseInstant(instant);
  if (!start) throw new RangeError(clockMessages.badInstant(CLOCK_ENV, instant));
  const origin = elapsedMs();
  return fromNow(instant, () => new Date(start.getTime() + (elapsedMs() - origin)));
}

/** A clock that stands still at `instant` (tests). */
export function fixedClock(instant: string): Clock {
  const at = parseInstant(instant);
  if (!at) throw new RangeError(clockMessages.badInstant("fixedClock", instant));
  return fromNow(instant, () => new Date(at.getTime()));
}

/** The clock the environment asks for: pinned by `LIANGXIN_NOW`, else the machine's. */
export function clockFromEnv(env: Record<string, string | undefined> = readEnv()): Clock {
  const pinned = env[CLOCK_ENV]?.trim();
  return pinned ? runningClock(pinned) : wallClock();
}

function readEnv(): Record<string, string | undefined> {
  return typeof process === "undefined" ? {} : process.env;
}

let current: Clock | null = null;

function active(): Clock {
  current ??= clockFromEnv();
  return current;
}

/** The process's clock (created from the environment on first use). */
export const clock: Clock = {
  now: () => active().now(),
  nowIso: () => active().nowIso(),
  today: () => active().today(),
  get pinnedAt() {
    return active().pinnedAt;
  },
};

/** Installs another clock for this process (tests, workers); returns a function that restores the previous. */
export function setClock(next: Clock): () => void {
  const previous = current;
  current = next;
  return () => {
    current = previous;
  };
}

/** The day (in China) of a stored timestamp. */
export function chinaDateOf(iso: string): IsoDate {
  return formatChinaTime(iso).slice(0, 10);
}

/** The stored form (UTC ISO) of the first instant of a day in China: for comparing timestamps with days. */
export function chinaDayStartIso(day: IsoDate): string {
  const at = parseInstant(day);
  if (!at) throw new RangeError(clockMessages.badInstant("day", day));
  return at.toISOString();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/**
 * A stored timestamp (ISO, any offset) as Beijing time `YYYY-MM-DD HH:mm:ss` (or `YYYY-MM-DD HH:mm`
 * with `minutes`). Text that is not a timestamp is returned unchanged.
 */
export function formatChinaTime(iso: string | Date, opts: { minutes?: boolean } = {}): string {
  const at = typeof iso === "string" ? parseInstant(iso) : iso;
  if (!at || Number.isNaN(at.getTime())) return String(iso);
  const t = new Date(at.getTime() + CHINA_UTC_OFFSET_MINUTES * 60_000);
  const date = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  const time = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
  return opts.minutes ? `${date} ${time}` : `${date} ${time}:${pad(t.getUTCSeconds())}`;
}

export const clockMessages = {
  badInstant: (name: string, value: string) =>
    `${name} 的值“${value}”不是有效的时间,请写成 2026-12-03T10:00:00+08:00 或 2026-12-03 的形式`,
  pinnedBanner: (today: string, since: string) =>
    `系统日期已固定为 ${today}(时钟自 ${since} 起运行,供演示或测试使用;页面上的“今天”均按此日期计算)`,
} as const;
