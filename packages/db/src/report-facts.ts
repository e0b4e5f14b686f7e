/**
 * The year-end report's host parts kept by the writes (issue 25, goal 1): per region and year, the row of
 * `hostCountsQuery` and the distinct instructors of `instructorsQuery` (report-counts.ts) — what a cold
 * report otherwise counts from the city's hosts, their years, coverages, workplaces, members and
 * assignments on every read.
 *
 * - Marking: triggers on those records (migration 0018) put the regions a write changes into
 *   `report_facts_dirty` (a policy's change: 0, every region), in the writing transaction.
 * - Recounting: `refreshReportFacts` runs just before a write transaction commits (`onBeforeCommit`,
 *   driver/query.ts): the marked regions are counted again for every kept year, in that transaction, and the
 *   marks are cleared. The facts are never filled by a read.
 * - Kept years: the clock's year and the two before (the years reported on), each with the policy it was
 *   counted under. The first figure-changing write of a new year counts that year for the whole city, as
 *   does `migrate` (`refreshReportFacts(db, { materialize: true })`).
 * - Reading (`loadReportCounts`): only when no region is marked (a write outside a write transaction, e.g.
 *   `copy`, leaves its marks until the next write) and the year was counted under the policy asked; else the
 *   statements run as before. The same rows either way: `report-facts.test.ts` compares them after writes to
 *   every marked table.
 *
 * SQLite only for now: PostgreSQL's schema has the tables but no triggers yet, so its reports count live.
 */
import { clock, policyAsOf, yearEnd } from "@liangxin/domain";
import { sql } from "drizzle-orm";
import { idList } from "./dialect/sqlite.ts";
import type { Db } from "./driver/client.ts";
import { insertNamedRows } from "./driver/bulk.ts";
import { isPg } from "./driver/pg-db.ts";
import { execute, onBeforeCommit, selectColumn, selectRows } from "./driver/query.ts";
import { factPolicyKey, hostCountsQuery, instructorsQuery } from "./report-counts.ts";
import { loadPolicyVersions } from "./snapshot.ts";

/** More marked regions than this: the year is counted for the whole city in one statement. */
const WHOLE_CITY_FROM = 200;

/** The years kept as of `today`: this year and the two before. */
export function keptFactYears(today: string): number[] {
  const y = Number(today.slice(0, 4));
  return [y - 2, y - 1, y];
}

/** Whether `db` keeps the facts (SQLite: its triggers mark the changes). */
export function keepsReportFacts(db: Db): boolean {
  return !isPg(db);
}

/**
 * Mark every region changed, in the caller's write transaction: a bulk write (an import, a seed) then
 * recounts the kept years once for the whole city at its commit, and the triggers of its rows only look
 * the mark up instead of marking their regions one by one.
 */
export async function markAllRegionsChanged(db: Db): Promise<void> {
  if (!keepsReportFacts(db)) return;
  await execute(
    db,
    sql`insert into report_facts_dirty (region_id) select 0 where not exists (select 1 from report_facts_dirty where region_id = 0)`,
  );
}

/** What a refresh did, for tests and the bench. */
export const reportFactsStats = { refreshes: 0, yearsCounted: 0, regionsCounted: 0 };

/**
 * Count again the marked regions (every region of a year not yet kept, or kept under another policy) for
 * every kept year, and clear the marks; inside the caller's write transaction. `materialize`: count the
 * kept years not yet counted even when nothing is marked (`migrate`).
 */
export async function refreshReportFacts(db: Db, opts: { materialize?: boolean } = {}): Promise<void> {
  if (!keepsReportFacts(db)) return;
  const dirty = await selectColumn<number>(db, sql`select region_id from report_facts_dirty`);
  if (dirty.length === 0 && !opts.materialize) return;
  const years = keptFactYears(clock.today());
  const kept = new Map(
    await selectRows<[number, string]>(db, sql`select year, policy from report_fact_years`),
  );
  const versions = await loadPolicyVersions(db);
  const all = dirty.includes(0) || dirty.length > WHOLE_CITY_FROM;
  reportFactsStats.refreshes++;
  for (const year of years) {
    const policy = policyAsOf(versions, yearEnd(year)).params;
    const key = factPolicyKey(policy);
    const whole = all || kept.get(year) !== key;
    if (!whole && dirty.length === 0) continue;
    const regions = whole ? null : idList(dirty);
    const hostRows = await selectRows<unknown[]>(db, hostCountsQuery(year, policy, regions));
    const pairs = await selectRows<[number, number]>(db, instructorsQuery(yearEnd(year), regions));
    const instructors = new Map<number, number[]>();
    for (const [r, i] of pairs) {
      const list = instructors.get(Number(r));
      if (list) list.push(Number(i));
      else instructors.set(Number(r), [Number(i)]);
    }
    await execute(
      db,
      sql`delete from report_region_facts where year = ${year}${regions ? sql` and region_id in ${regions}` : sql``}`,
    );
    await insertNamedRows(
      db,
      "report_region_facts",
      ["year", "region_id", "counts", "instructors"],
      hostRows.map((r) => {
        const region = Number(r[0]);
        return [
          year,
          region,
          JSON.stringify(r.slice(1).map((v) => Number(v ?? 0))),
          JSON.stringify(instructors.get(region) ?? []),
        ];
      }),
    );
    await execute(
      db,
      sql`insert into report_fact_years (year, policy) values (${year}, ${key})
          on conflict (year) do update set policy = excluded.policy`,
    );
    reportFactsStats.yearsCounted++;
    reportFactsStats.regionsCounted += whole ? hostRows.length : dirty.length;
  }
  const keptYears = idList(years);
  await execute(db, sql`delete from report_region_facts where year not in ${keptYears}`);
  await execute(db, sql`delete from report_fact_years where year not in ${keptYears}`);
  await execute(db, sql`delete from report_facts_dirty`);
}

onBeforeCommit((db) => refreshReportFacts(db));
