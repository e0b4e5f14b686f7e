/**
 * The year-end report's counts kept by the writes (issue 25, goal 1): per region and year, the row of
 * `hostCountsQuery` and the distinct instructors of `instructorsQuery`; per year, the member groups of
 * `memberGroupsQuery` (report-counts.ts), each under its owner organization — what a cold report otherwise
 * counts from the city's hosts, their years, coverages, workplaces, members, relationships, status events
 * and assignments on every read.
 *
 * - Marking: triggers on those records (migrations 0018, 0019) put the regions a write changes into
 *   `report_facts_dirty` (a policy's change: 0, every region) and every organization the changed member has
 *   a relationship with into `report_member_facts_dirty`, in the writing transaction.
 * - Recounting: `refreshReportFacts` runs just before a write transaction commits (`onBeforeCommit`,
 *   driver/query.ts): the marked regions' host parts and the marked organizations' member groups are counted
 *   again for every kept year, in that transaction, and the marks are cleared. Nothing is filled by a read.
 * - Kept years: the clock's year and the two before (the years reported on), the host parts each with the
 *   policy they were counted under. The first figure-changing write of a new year counts that year for the
 *   whole city, as does `migrate` for a database that has none (`refreshReportFacts(db, { materialize })`).
 * - Reading (`loadReportCounts`): only when nothing is marked (a write outside a write transaction, e.g.
 *   `copy`, leaves its marks until the next write) and the year is kept (the host parts: under the policy
 *   asked); else the statements run as before. The same counts either way: `report-facts.test.ts` compares
 *   them after writes to every marked table.
 *
 * SQLite only for now: PostgreSQL's schema has the tables but no triggers yet, so its reports count live.
 */
import { clock, policyAsOf, yearEnd, type Policy } from "@liangxin/domain";
import { sql, type SQL } from "drizzle-orm";
import { idList } from "./dialect/sqlite.ts";
import type { Db } from "./driver/client.ts";
import { insertNamedRows } from "./driver/bulk.ts";
import { isPg } from "./driver/pg-db.ts";
import { execute, onBeforeCommit, selectColumn, selectRows } from "./driver/query.ts";
import {
  factPolicyKey,
  hostCountsQuery,
  instructorsByRegion,
  instructorsQuery,
  memberGroupsQuery,
} from "./report-counts.ts";
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
 * Mark every region and organization changed, in the caller's write transaction: a bulk write (an import, a
 * seed) then recounts the kept years once for the whole city at its commit, and the triggers of its rows
 * only look the mark up instead of marking their regions and organizations one by one.
 */
export async function markAllFactsChanged(db: Db): Promise<void> {
  if (!keepsReportFacts(db)) return;
  await execute(
    db,
    sql`insert into report_facts_dirty (region_id) select 0 where not exists (select 1 from report_facts_dirty where region_id = 0)`,
  );
  await execute(
    db,
    sql`insert into report_member_facts_dirty (org_id) select 0 where not exists (select 1 from report_member_facts_dirty where org_id = 0)`,
  );
  // The five basics kept by the writes (basics/kept.ts in core), judged again at the commit too.
  await execute(
    db,
    sql`insert into report_basics_dirty (org_id) select 0 where not exists (select 1 from report_basics_dirty where org_id = 0)`,
  );
}

/** What a refresh did, for tests and the bench. */
export const reportFactsStats = { refreshes: 0, yearsCounted: 0, regionsCounted: 0, orgsCounted: 0 };

/** The marked ids of a dirty table: null for none, "all" for every one (0 marked, or too many to list). */
function marked(ids: number[]): SQL | "all" | null {
  if (ids.length === 0) return null;
  return ids.includes(0) || ids.length > WHOLE_CITY_FROM ? "all" : idList(ids);
}

/**
 * Count again, for every kept year, the host parts of the marked regions and the member groups of the marked
 * organizations' members (every region and organization for a year not yet kept; every region for a year
 * kept under another policy), and clear the marks; inside the caller's write transaction. `materialize`:
 * count the kept years not yet counted even when nothing is marked (`migrate`).
 */
export async function refreshReportFacts(db: Db, opts: { materialize?: boolean } = {}): Promise<void> {
  if (!keepsReportFacts(db)) return;
  const dirtyRegions = await selectColumn<number>(db, sql`select region_id from report_facts_dirty`);
  const dirtyOrgs = await selectColumn<number>(db, sql`select org_id from report_member_facts_dirty`);
  if (dirtyRegions.length === 0 && dirtyOrgs.length === 0 && !opts.materialize) return;
  const years = keptFactYears(clock.today());
  const kept = new Map(
    await selectRows<[number, string]>(db, sql`select year, policy from report_fact_years`),
  );
  const versions = await loadPolicyVersions(db);
  const regionsMarked = marked(dirtyRegions);
  const orgsMarked = marked(dirtyOrgs);
  reportFactsStats.refreshes++;
  for (const year of years) {
    const policy = policyAsOf(versions, yearEnd(year)).params;
    const key = factPolicyKey(policy);
    const regions = !kept.has(year) || kept.get(year) !== key ? "all" : regionsMarked;
    const orgs = !kept.has(year) ? "all" : orgsMarked;
    if (regions === null && orgs === null) continue;
    if (regions !== null) await recountRegions(db, year, policy, regions === "all" ? null : regions);
    if (orgs !== null) await recountMembers(db, year, orgs === "all" ? null : orgs, dirtyOrgs);
    await execute(
      db,
      sql`insert into report_fact_years (year, policy) values (${year}, ${key})
          on conflict (year) do update set policy = excluded.policy`,
    );
    reportFactsStats.yearsCounted++;
  }
  const keptYears = idList(years);
  await execute(db, sql`delete from report_region_facts where year not in ${keptYears}`);
  await execute(db, sql`delete from report_member_facts where year not in ${keptYears}`);
  await execute(db, sql`delete from report_fact_years where year not in ${keptYears}`);
  await execute(db, sql`delete from report_facts_dirty`);
  await execute(db, sql`delete from report_member_facts_dirty`);
}

/** The host parts of `year` of `regions` (every region when null), counted again. */
async function recountRegions(db: Db, year: number, policy: Policy, regions: SQL | null): Promise<void> {
  const hostRows = await selectRows<unknown[]>(db, hostCountsQuery(year, policy, regions));
  const instructors = instructorsByRegion(
    await selectRows<unknown[]>(db, instructorsQuery(yearEnd(year), regions)),
  );
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
  reportFactsStats.regionsCounted += hostRows.length;
}

/**
 * The member groups of `year` owned by `orgs` (every organization when null; `ids`: their ids), counted
 * again. A group's owner is its organization at the end of the year, else at the start: the groups of the
 * members `orgs` held, kept under those of `orgs` that own them (a member of two marked organizations is
 * counted once, under its owner).
 */
async function recountMembers(db: Db, year: number, orgs: SQL | null, ids: number[]): Promise<void> {
  const rows = await selectRows<unknown[]>(db, memberGroupsQuery(year, orgs));
  const owned = orgs ? new Set(ids) : null;
  await execute(
    db,
    sql`delete from report_member_facts where year = ${year}${orgs ? sql` and owner_org_id in ${orgs}` : sql``}`,
  );
  const out: (number | string | null)[][] = [];
  for (const r of rows) {
    const [start, end] = [Number(r[0]), Number(r[1])];
    const owner = end >= 0 ? end : start;
    if (owned && !owned.has(owner)) continue;
    out.push([
      year,
      owner,
      start,
      end,
      (r[2] ?? null) as string | null,
      Number(r[3]),
      Number(r[4]),
      Number(r[5] ?? 0),
    ]);
  }
  await insertNamedRows(
    db,
    "report_member_facts",
    [
      "year",
      "owner_org_id",
      "start_org_id",
      "end_org_id",
      "exit_status",
      "joined_in_year",
      "members",
      "full_members",
    ],
    out,
  );
  reportFactsStats.orgsCounted += owned ? owned.size : out.length;
}

onBeforeCommit((db) => refreshReportFacts(db));
