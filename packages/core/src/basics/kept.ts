/**
 * The five basics (五个基本) of the year-end report's 附表 kept by the writes (issue 25, goal 1): per past
 * kept year and grassroots organization, the basics it met on the year's 31 December (`report_basics_facts`,
 * bits of `basicsBits`) — what the board's nine statements and the domain's `checkFiveBasics` otherwise
 * judge for every organization of the city on each cold report.
 *
 * - Marking: triggers (migration 0020) put the organizations a write changes into `report_basics_dirty` in
 *   the writing transaction (0: every organization — a policy changed, or a bulk write).
 * - Judging again: `refreshBasicsFacts` runs just before a write transaction commits (`onBeforeCommit`,
 *   like the report's other kept figures, db/report-facts.ts): the marked organizations are judged again
 *   for every kept past year by the board's own statements (`askFacts`, `judgeOrgs`), in that transaction,
 *   and the marks are cleared. Nothing is filled by a read.
 * - Kept years: the past years among the report's kept years (the current year's board is counted on
 *   today, which moves), each with the policy judged under; `migrate` judges those not yet kept.
 * - Reading (`askKeptBasics`, `keptBasicsAnnex`): only when nothing is marked and the year is kept under
 *   the policy it asks; else the board runs as before. The organizations judged are those of the board — grassroots and in force
 *   on the day, under the node in today's tree — and each row's unit is the node's child its path lies
 *   under, as the board places them: the same 附表 either way (`basics-kept.test.ts`).
 */
import {
  basicsBits,
  clock,
  countBasicsBits,
  yearEnd,
  type BasicsAnnex,
  type ReportRow,
} from "@liangxin/domain";
import { sql, type SQL } from "drizzle-orm";
import {
  execute,
  idList,
  insertNamedRows,
  onBeforeCommit,
  selectAll,
  selectColumn,
  selectRows,
  type Db,
} from "@liangxin/db/driver";
import { keptFactYears, keepsReportFacts } from "@liangxin/db/report-facts";
import { scopeSql, type Scope } from "@liangxin/db/scope";
import { grassrootsInForce, grassrootsQuery, workPolicy, type WorkOrgRow } from "../work/common.ts";
import { annexRows } from "../reports/basics.ts";
import { askFacts, judgeOrgs, readerFor, type Reader } from "./check.ts";

/** More marked organizations than this: the year is judged again for the whole city. */
const WHOLE_CITY_FROM = 2_000;

/** The past years whose five basics are kept as of `today` (the current year's are counted on today). */
export function keptBasicsYears(today: string): number[] {
  const current = Number(today.slice(0, 4));
  return keptFactYears(today).filter((y) => y < current);
}

/** The key of the policy a year is judged under: its parameters as JSON. */
async function policyKey(db: Db, year: number): Promise<string> {
  return JSON.stringify(await workPolicy(db, yearEnd(year)));
}

/** What the refreshes did, for tests and the bench. */
export const basicsFactsStats = { refreshes: 0, yearsJudged: 0, orgsJudged: 0 };

/**
 * Judge again, for every kept past year, the marked organizations (every one for a year not yet kept or
 * kept under another policy), and clear the marks; inside the caller's write transaction. `materialize`:
 * judge the kept years not yet judged even when nothing is marked (`migrate`).
 */
export async function refreshBasicsFacts(db: Db, opts: { materialize?: boolean } = {}): Promise<void> {
  if (!keepsReportFacts(db)) return;
  const dirty = await selectColumn<number>(db, sql`select org_id from report_basics_dirty`);
  if (dirty.length === 0 && !opts.materialize) return;
  const years = keptBasicsYears(clock.today());
  const kept = new Map(
    await selectRows<[number, string]>(db, sql`select year, policy from report_basics_years`),
  );
  const all = dirty.includes(0) || dirty.length > WHOLE_CITY_FROM;
  basicsFactsStats.refreshes++;
  for (const year of years) {
    const key = await policyKey(db, year);
    const whole = all || kept.get(year) !== key;
    if (!whole && dirty.length === 0) continue;
    await judgeYear(db, year, whole ? null : dirty);
    await execute(
      db,
      sql`insert into report_basics_years (year, policy) values (${year}, ${key})
          on conflict (year) do update set policy = excluded.policy`,
    );
    basicsFactsStats.yearsJudged++;
  }
  const keptYears = idList(years.length > 0 ? years : [-1]);
  await execute(db, sql`delete from report_basics_facts where year not in ${keptYears}`);
  await execute(db, sql`delete from report_basics_years where year not in ${keptYears}`);
  await execute(db, sql`delete from report_basics_dirty`);
}

/** The five basics of `year` of the organizations `ids` (every one when null), judged again. */
async function judgeYear(db: Db, year: number, ids: number[] | null): Promise<void> {
  const day = yearEnd(year);
  const which = ids ? sql`o.id in ${idList(ids)}` : sql`1 = 1`;
  // In this transaction, one statement after the other: the thread apart would not see its writes.
  const here: Reader = <T>(query: SQL) => selectAll<T>(db, query);
  const orgs = await selectAll<WorkOrgRow>(db, grassrootsQuery(which, day));
  const rows = orgs.length === 0 ? [] : await judgeOrgs(db, orgs, day, askFacts(here, which, day));
  await execute(
    db,
    sql`delete from report_basics_facts where year = ${year}${ids ? sql` and org_id in ${idList(ids)}` : sql``}`,
  );
  await insertNamedRows(
    db,
    "report_basics_facts",
    ["year", "org_id", "met"],
    rows.map((r) => [year, r.orgId, basicsBits(r.check)]),
  );
  basicsFactsStats.orgsJudged += rows.length;
}

/** The kept five basics of a node's board, asked (`askKeptBasics`): each organization's path and bits. */
export interface KeptBasics {
  on: string;
  nodePath: string;
  /** Asked of the read thread when it may serve (read-thread.ts): awaited when the 附表 is made. */
  orgs: PromiseLike<{ path: string; met: number | null }[]>;
}

/**
 * Ask the kept five basics of `node`'s board on `on` (the scope narrowed to the node, as `reportBoardIn`), or
 * null when they are not kept: another day than a kept year's 31 December, a mark not yet judged, a year not
 * kept under its policy. The organizations' statement is asked at once and not awaited: of the read thread
 * when it may serve this read, so that the report counts meanwhile (as the board's statements are asked).
 */
export async function askKeptBasics(
  db: Db,
  scope: Scope,
  node: { id: number; code: string; name: string; category: string; path: string },
  on: string,
): Promise<KeptBasics | null> {
  if (!keepsReportFacts(db)) return null;
  const year = Number(on.slice(0, 4));
  if (on !== yearEnd(year) || !keptBasicsYears(clock.today()).includes(year)) return null;
  const state = await selectRows<[number, string | null]>(
    db,
    sql`select (select count(*) from report_basics_dirty),
          (select policy from report_basics_years where year = ${year})`,
  );
  const [marks, policy] = state[0] ?? [1, null];
  if (Number(marks) > 0 || policy === null || policy !== (await policyKey(db, year))) return null;
  const under: Scope = {
    ...scope,
    org: { id: node.id, code: node.code, name: node.name, category: node.category, path: node.path },
  };
  const read = await readerFor(db);
  const orgs = read<{ path: string; met: number | null }>(
    sql`select o.path, f.met from orgs o
        left join report_basics_facts f on f.year = ${year} and f.org_id = o.id
        where ${scopeSql(under, on).within.subtree("o")} and ${grassrootsInForce(on)}`,
  );
  return { on, nodePath: node.path, orgs };
}

/**
 * The five-basics 附表 of the report rows given from the kept basics asked (`askKeptBasics`), as
 * `basicsAnnexOf` from the board — an organization counts in the row of the node's child it lies under (the
 * first id of its path after the node's), else in the 直属 row; null when an organization has no kept row.
 */
export async function keptBasicsAnnex(
  kept: KeptBasics,
  rows: readonly Pick<ReportRow, "kind" | "orgId" | "code" | "name">[],
): Promise<BasicsAnnex | null> {
  const childIds = new Set(rows.filter((r) => r.kind === "child").map((r) => r.orgId));
  const byChild = new Map<number, number[]>();
  const direct: number[] = [];
  const all: number[] = [];
  const from = kept.nodePath.length;
  for (const o of await kept.orgs) {
    if (o.met === null) return null;
    const bits = Number(o.met);
    all.push(bits);
    const end = o.path.indexOf("/", from);
    const unit = end > from ? Number(o.path.slice(from, end)) : null;
    if (unit === null || !childIds.has(unit)) {
      direct.push(bits);
      continue;
    }
    const list = byChild.get(unit);
    if (list) list.push(bits);
    else byChild.set(unit, [bits]);
  }
  return {
    on: kept.on,
    rows: annexRows(rows, (r) => countBasicsBits(r.kind === "child" ? (byChild.get(r.orgId) ?? []) : direct)),
    total: countBasicsBits(all),
  };
}

onBeforeCommit((db) => refreshBasicsFacts(db));
