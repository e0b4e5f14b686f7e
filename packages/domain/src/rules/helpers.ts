/**
 * Small helpers shared by the record checks of this folder: grouping records by an id, finding the
 * overlapping pairs of dated intervals (with the first day they share), naming records by id, and the
 * one public guard among them, `assertInterval` (a half-open interval must end after it starts). Only
 * `assertInterval` is part of the package's API; the others are for the files next to this one.
 */
import { intervalsOverlap, maxDate } from "../dates.ts";
import { AppError } from "../app-error.ts";
import { MESSAGES } from "../messages.ts";
import type { IsoDate } from "../types.ts";

export function groupBy<T>(items: readonly T[], key: (t: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = map.get(k);
    if (list) list.push(t);
    else map.set(k, [t]);
  }
  return map;
}

function byStart<T extends { startOn: IsoDate }>(a: T, b: T): number {
  return a.startOn < b.startOn ? -1 : a.startOn > b.startOn ? 1 : 0;
}

/** Pairs of overlapping intervals in a list (sorted by start), with the first shared day. */
export function overlappingPairs<T extends { startOn: IsoDate; endOn: IsoDate | null }>(
  items: readonly T[],
): [T, T, IsoDate][] {
  const sorted = [...items].sort(byStart);
  const out: [T, T, IsoDate][] = [];
  for (let i = 0; i < sorted.length; i++) {
    const b = sorted[i]!;
    for (let j = 0; j < i; j++) {
      const a = sorted[j]!;
      if (intervalsOverlap(a.startOn, a.endOn, b.startOn, b.endOn))
        out.push([a, b, maxDate(a.startOn, b.startOn)]);
    }
  }
  return out;
}

export function namer<T extends { id: number; name: string }>(items: readonly T[]): (id: number) => string {
  const map = new Map<number, string>();
  for (const t of items) map.set(t.id, t.name);
  return (id) => map.get(id) ?? String(id);
}

/** A half-open interval must end after it starts. */
export function assertInterval(startOn: IsoDate, endOn: IsoDate | null): void {
  if (endOn !== null && endOn <= startOn) {
    throw AppError.rule("INVALID_INTERVAL", MESSAGES.invalidInterval(startOn, endOn), { startOn, endOn });
  }
}
