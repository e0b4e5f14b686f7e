import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addYears,
  changePp,
  daysBetween,
  inForce,
  intervalsOverlap,
  isIsoDate,
  ratePct,
  roundHalfUp2,
  roundedRatePct,
  todayIso,
  yearEnd,
} from "../src/index.ts";

describe("roundHalfUp2", () => {
  it("rounds exact halves up despite binary floating point", () => {
    expect(roundHalfUp2(19.365)).toBe(19.37);
    expect(roundHalfUp2(2.325)).toBe(2.33);
    expect(roundHalfUp2(0.005)).toBe(0.01);
    expect(roundHalfUp2(1.005)).toBe(1.01);
    expect(roundHalfUp2(8.675)).toBe(8.68);
    expect(roundHalfUp2(123456.785)).toBe(123456.79);
  });

  it("rounds below a half down and keeps whole numbers", () => {
    expect(roundHalfUp2(19.364999)).toBe(19.36);
    expect(roundHalfUp2(0.004999)).toBe(0);
    expect(roundHalfUp2(100)).toBe(100);
    expect(roundHalfUp2(0)).toBe(0);
  });

  it("rounds negative halves away from zero (a change and its opposite have the same size)", () => {
    expect(roundHalfUp2(-2.325)).toBe(-2.33);
    expect(roundHalfUp2(-0.004)).toBe(0);
    expect(Object.is(roundHalfUp2(-0.004), -0)).toBe(false);
  });
});

describe("rates", () => {
  it("is null, never 0 or NaN, for a zero denominator", () => {
    expect(ratePct(0, 0)).toBeNull();
    expect(ratePct(5, 0)).toBeNull();
    expect(roundedRatePct(3, 0)).toBeNull();
  });

  it("rounds the survey's rates", () => {
    expect(roundedRatePct(79, 408)).toBe(19.36);
    expect(roundedRatePct(19, 408)).toBe(4.66);
    expect(roundedRatePct(168, 7219)).toBe(2.33);
  });

  it("computes a change in percentage points from the unrounded rates", () => {
    const cur = ratePct(4, 7)!; // 57.142857…
    const prev = ratePct(4, 6)!; // 66.666666…
    expect(changePp(cur, prev)).toBe(-9.52);
    // Subtracting the rounded rates would give a different answer.
    expect(roundHalfUp2(roundHalfUp2(cur) - roundHalfUp2(prev))).toBe(-9.53);
    expect(changePp(23.9, 20.2)).toBe(3.7);
    expect(changePp(null, 20)).toBeNull();
    expect(changePp(20, null)).toBeNull();
  });
});

describe("dates", () => {
  it("validates ISO dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("1900-02-29")).toBe(false);
    expect(isIsoDate("2000-02-29")).toBe(true);
    expect(isIsoDate("2024-13-01")).toBe(false);
    expect(isIsoDate("2024-1-01")).toBe(false);
    expect(isIsoDate(20240101)).toBe(false);
  });

  it("treats intervals as half-open", () => {
    expect(inForce("2024-01-01", null, "2024-01-01")).toBe(true);
    expect(inForce("2024-01-01", "2024-12-31", "2024-12-31")).toBe(false);
    expect(inForce("2024-01-01", "2024-12-31", "2024-12-30")).toBe(true);
    expect(inForce("2024-01-02", null, "2024-01-01")).toBe(false);
    expect(intervalsOverlap("2024-01-01", "2024-07-01", "2024-07-01", null)).toBe(false);
    expect(intervalsOverlap("2024-01-01", "2024-07-02", "2024-07-01", null)).toBe(true);
  });

  it("adds days, months and years on the calendar", () => {
    expect(yearEnd(2024)).toBe("2024-12-31");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2024-11-15", 3)).toBe("2025-02-15");
    expect(addMonths("2024-01-15", -2)).toBe("2023-11-15");
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
  });

  it("gives today's date in China time", () => {
    expect(todayIso(new Date("2024-12-31T16:30:00Z"))).toBe("2025-01-01");
    expect(todayIso(new Date("2024-12-31T15:30:00Z"))).toBe("2024-12-31");
  });
});
