import { afterEach, describe, expect, it } from "vitest";
import { CALENDAR_INSTANTS } from "../../../test-calendar.ts";
import {
  chinaDateOf,
  chinaDayStartIso,
  clock,
  clockFromEnv,
  DEFAULT_POLICY,
  fixedClock,
  formatChinaTime,
  meetingCompliance,
  parseInstant,
  rollingYear,
  runningClock,
  setClock,
  yearToDate,
  type MeetingKind,
} from "../src/index.ts";

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

describe("the one clock", () => {
  it("reads instants with an offset, in UTC, or as Beijing time when none is given", () => {
    expect(parseInstant("2026-12-03T10:00:00+08:00")?.toISOString()).toBe("2026-12-03T02:00:00.000Z");
    expect(parseInstant("2026-12-03T02:00:00Z")?.toISOString()).toBe("2026-12-03T02:00:00.000Z");
    expect(parseInstant("2026-12-03 10:00")?.toISOString()).toBe("2026-12-03T02:00:00.000Z");
    expect(parseInstant("2026-12-03")?.toISOString()).toBe("2026-12-02T16:00:00.000Z");
    expect(parseInstant("2026-12-03T10:00:00.123-05:00")?.toISOString()).toBe("2026-12-03T15:00:00.123Z");
    for (const bad of ["2026-02-30", "2026-13-01", "2026-12-03T24:00", "tomorrow", "", "2026-12-03T10:00+8"])
      expect(parseInstant(bad), bad).toBeNull();
  });

  it("pinned by LIANGXIN_NOW, starts at that instant and runs on", () => {
    let elapsed = 0;
    const c = runningClock("2027-01-01T00:30:00+08:00", () => elapsed);
    expect(c.pinnedAt).toBe("2027-01-01T00:30:00+08:00");
    expect(c.nowIso()).toBe("2026-12-31T16:30:00.000Z");
    expect(c.today()).toBe("2027-01-01");
    elapsed = 90 * 60_000;
    expect(c.nowIso()).toBe("2026-12-31T18:00:00.000Z");
    expect(c.today()).toBe("2027-01-01");
    const env = clockFromEnv({ LIANGXIN_NOW: "2028-02-29T23:59:00+08:00" });
    expect(env.today()).toBe("2028-02-29");
    expect(clockFromEnv({}).pinnedAt).toBeNull();
  });

  it("refuses a bad LIANGXIN_NOW with a Chinese message naming the variable", () => {
    expect(() => clockFromEnv({ LIANGXIN_NOW: "2026-02-30T10:00:00+08:00" })).toThrow(
      /LIANGXIN_NOW 的值“2026-02-30T10:00:00\+08:00”不是有效的时间/,
    );
  });

  it.each(CALENDAR_INSTANTS)("at %s, 'today' is the Beijing day whatever the UTC day", (instant) => {
    restore = setClock(fixedClock(instant));
    expect(clock.today()).toBe(instant.slice(0, 10));
    expect(chinaDateOf(clock.nowIso())).toBe(instant.slice(0, 10));
    expect(formatChinaTime(clock.nowIso())).toBe(`${instant.slice(0, 10)} ${instant.slice(11, 19)}`);
    expect(chinaDayStartIso(clock.today()) <= clock.nowIso()).toBe(true);
  });

  it("shows stored UTC timestamps in Beijing time", () => {
    expect(formatChinaTime("2025-12-31T16:30:00.000Z")).toBe("2026-01-01 00:30:00");
    expect(formatChinaTime("2025-12-31T16:30:59.999Z", { minutes: true })).toBe("2026-01-01 00:30");
    expect(chinaDateOf("2025-12-31T15:59:59.000Z")).toBe("2025-12-31");
    expect(chinaDayStartIso("2026-01-01")).toBe("2025-12-31T16:00:00.000Z");
    expect(formatChinaTime("不是时间")).toBe("不是时间");
  });
});

describe("三会一课 over the rolling year", () => {
  const monthly = (today: string, n: number): { orgId: number; kind: MeetingKind; heldOn: string }[] =>
    Array.from({ length: n }, (_, k) => {
      const d = new Date(`${today}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - Math.round((k * 365) / 12) - 3);
      return { orgId: 1, kind: "branchCommittee" as const, heldOn: d.toISOString().slice(0, 10) };
    });

  it.each(CALENDAR_INSTANTS)("expects the yearly numbers on any day (%s), leap years included", (instant) => {
    const today = instant.slice(0, 10);
    const period = rollingYear(today);
    const c = meetingCompliance(1, monthly(today, 12), DEFAULT_POLICY, period, "2000-01-01");
    const committee = c.kinds.find((k) => k.kind === "branchCommittee")!;
    expect(committee).toMatchObject({ expected: 12, held: 12, behind: false });
    expect(c.kinds.find((k) => k.kind === "partyLecture")!.expected).toBe(4);
    expect(c.kinds.find((k) => k.kind === "lifeMeeting")!.expected).toBe(1);
    // One short is behind, whatever the day.
    const short = meetingCompliance(1, monthly(today, 11), DEFAULT_POLICY, period, "2000-01-01");
    expect(short.kinds.find((k) => k.kind === "branchCommittee")).toMatchObject({ held: 11, behind: true });
  });

  it("counts the year so far on 1 January as nothing due yet, and the whole year on 31 December", () => {
    expect(meetingCompliance(1, [], DEFAULT_POLICY, yearToDate("2027-01-01")).expected).toBe(0);
    const dec31 = meetingCompliance(1, [], DEFAULT_POLICY, yearToDate("2026-12-31"));
    expect(dec31.kinds.find((k) => k.kind === "branchCommittee")!.expected).toBe(12);
    const leap = meetingCompliance(1, [], DEFAULT_POLICY, yearToDate("2028-12-31"));
    expect(leap.kinds.find((k) => k.kind === "lifeMeeting")!.expected).toBe(1);
  });
});
