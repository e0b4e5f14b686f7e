/**
 * The days the date-sensitive tests run on (issue 13): the canonical demo day, the last day of a year, the
 * first half hour of the next one in Beijing (still the previous day in UTC), a leap day and a mid-year day.
 * Instants are Beijing time.
 */
export const TEST_NOW = "2026-12-03T10:00:00+08:00";

export const CALENDAR_INSTANTS = [
  TEST_NOW,
  "2026-12-31T10:00:00+08:00",
  "2027-01-01T00:30:00+08:00",
  "2028-02-29T10:00:00+08:00",
  "2027-06-15T10:00:00+08:00",
] as const;

/** The Beijing day of each instant. */
export const CALENDAR_DAYS = CALENDAR_INSTANTS.map((i) => i.slice(0, 10));
