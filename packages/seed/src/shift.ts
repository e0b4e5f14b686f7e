/**
 * A demo that does not age. The generator builds the city for one canonical day; the demo of any other
 * day is that city moved in time by the days between them, so that on its own "today" every relation to
 * today is the same (plans overdue by the same days, terms running out alike, the same meetings in the
 * last 365 days). Yearly figures (经营数据) are laid on the years the host operated among the three years
 * before today's year and the current one, latest year last. Birth dates stay as they are: citizen ID
 * numbers carry them.
 */
import { addDays, daysBetween, yearOf, type IsoDate } from "@liangxin/domain";
import type { HostYearRow, SeedData } from "./rows.ts";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Fields that hold a date of the story (every `…On` and `…Since` of the rows); `birthDate` is not one. */
export function isStoryDateField(key: string): boolean {
  return /(?:On|Since)$/.test(key);
}

/** The years of a demo seeded on `today`: the three before its year and its own, up to that day. */
export function demoYears(today: IsoDate): number[] {
  const y = yearOf(today);
  return [y - 3, y - 2, y - 1, y];
}

function shiftRow<T extends object>(row: T, days: number): T {
  const out = { ...row } as Record<string, unknown>;
  for (const [key, value] of Object.entries(out)) {
    if (typeof value === "string" && ISO_DATE.test(value) && isStoryDateField(key))
      out[key] = addDays(value, days);
  }
  return out as T;
}

/**
 * The city built for `canonicalDay`, moved to `today`. Policies keep their effective dates (they only
 * have to precede everything). Returns new rows; `data` is left as it was.
 */
export function shiftSeedData(data: SeedData, canonicalDay: IsoDate, today: IsoDate): SeedData {
  const days = daysBetween(canonicalDay, today);
  if (days === 0) return data;
  const shift = <T extends object>(rows: readonly T[]) => rows.map((r) => shiftRow(r, days));
  const hosts = shift(data.hosts);
  return {
    regions: data.regions,
    orgs: shift(data.orgs),
    reparentings: shift(data.reparentings),
    dualLinks: shift(data.dualLinks),
    hosts,
    hostYears: relayHostYears(data.hostYears, hosts, demoYears(today)),
    coverages: shift(data.coverages),
    members: shift(data.members),
    relationships: shift(data.relationships),
    workplaces: shift(data.workplaces),
    statusEvents: shift(data.statusEvents),
    transfers: shift(data.transfers),
    applicants: shift(data.applicants),
    secretaries: shift(data.secretaries),
    instructors: data.instructors,
    assignments: shift(data.assignments),
    policies: data.policies,
  };
}

/**
 * Each host's figures on the years it operated among `years` (founded on or before the year's end, not
 * closed before the year began), the generator's latest figure on the latest year, earlier ones before
 * it; a host with more years than figures repeats its earliest figure.
 */
function relayHostYears(
  rows: readonly HostYearRow[],
  hosts: SeedData["hosts"],
  years: readonly number[],
): HostYearRow[] {
  const byHost = new Map<number, HostYearRow[]>();
  for (const r of rows) {
    const list = byHost.get(r.hostId) ?? [];
    list.push(r);
    byHost.set(r.hostId, list);
  }
  const out: HostYearRow[] = [];
  for (const h of hosts) {
    const figures = (byHost.get(h.id) ?? []).slice().sort((a, b) => a.year - b.year);
    if (figures.length === 0) continue;
    const operating = years.filter(
      (y) => yearOf(h.foundedOn) <= y && (!h.closedOn || yearOf(h.closedOn) >= y),
    );
    operating.forEach((year, i) => {
      const from = figures[Math.max(0, figures.length - operating.length + i)]!;
      out.push({ ...from, year });
    });
  }
  return out;
}
