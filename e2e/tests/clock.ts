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
