/**
 * The end-to-end suite runs once, with the portal's clock pinned to the canonical demo day (and the demo
 * seeded for it): every "today" a spec expects comes from here, never from the machine's clock.
 */
import { randomInt } from "node:crypto";

export const E2E_NOW = process.env.E2E_NOW ?? "2026-12-03T10:00:00+08:00";
/** The portal's "today" (Beijing time) while the suite runs. */
export const E2E_TODAY = E2E_NOW.slice(0, 10);
export const E2E_YEAR = Number(E2E_TODAY.slice(0, 4));

/** `days` after (or before, when negative) an ISO date. */
export function addDaysIso(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Six random digits that keep names, codes and ID numbers made by a spec unique across runs. */
export function unique(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/**
 * The day the year-end report specs run their own portal on: after the demo year's end, when the reporting
 * window of the demo year is open (issue 18). The demo is still seeded for the canonical demo day.
 */
export const REPORT_NOW = process.env.E2E_REPORT_NOW ?? "2027-01-10T10:00:00+08:00";
