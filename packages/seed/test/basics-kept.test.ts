/**
 * Issue 25, goal 1: the five basics of the report's 附表 kept by the writes (core's basics/kept.ts) are the
 * board's — on the demo, for every management node and kept past year, and again after a write to each kind
 * of record the board judges from. Each write is chosen to change an organization's outcome (asserted on the
 * board's own figures for the city), so a write whose organizations were not judged again would show.
 */
import {
  fixedClock,
  isManagement,
  setClock,
  yearEnd,
  type BasicsAnnex,
  type OrgCategory,
} from "@liangxin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql, type SQL } from "drizzle-orm";
import { execute, openTestDb, selectRows, selectValue, writeTransaction, type Db } from "@liangxin/db/driver";
import { unsafeSystemScope, type Scope } from "@liangxin/db/scope";
import { askKeptBasics, basicsFactsStats, keptBasicsAnnex, keptBasicsYears } from "@liangxin/core/basics";
import { basicsAnnexOf, reportBoardIn } from "../../core/src/reports/basics.ts";
import { DEMO_TODAY, seedDemo } from "../src/demo.ts";

const restore = setClock(fixedClock(`${DEMO_TODAY}T10:00:00+08:00`));
afterAll(() => restore());

interface NodeRow {
  id: number;
  code: string;
  name: string;
  category: string;
  path: string;
}

let db: Db;
let scope: Scope;
let nodes: NodeRow[];
let city: NodeRow;
const years = keptBasicsYears(DEMO_TODAY);
const year = years[years.length - 1]!;
const day = yearEnd(year);
const now = `${DEMO_TODAY}T10:00:00.000Z`;

beforeAll(async () => {
  db = openTestDb();
  await seedDemo(db);
  scope = await unsafeSystemScope(db);
  const orgs = await selectRows<[number, string, string, string, string, number | null]>(
    db,
    sql`select id, code, name, category, path, parent_id from orgs order by id`,
  );
  nodes = orgs
    .filter(([, , , c]) => isManagement(c as OrgCategory))
    .map(([id, code, name, category, path]) => ({ id, code, name, category, path }));
  city = nodes.find((n) => orgs.find(([id]) => id === n.id)![5] === null)!;
}, 120_000);

/** The rows of a node's report the 附表 is counted for: its children and the 直属 row. */
async function rowsOf(node: NodeRow) {
  const children = await selectRows<[number, string, string]>(
    db,
    sql`select id, code, name from orgs where parent_id = ${node.id} order by code`,
  );
  return [
    ...children.map(([orgId, code, name]) => ({ kind: "child" as const, orgId, code, name })),
    { kind: "direct" as const, orgId: node.id, code: node.code, name: node.name },
  ];
}

/** The 附表 of `node` in `y` from the board's statements (the reference). */
async function boardAnnex(node: NodeRow, y: number): Promise<BasicsAnnex> {
  return basicsAnnexOf(await reportBoardIn(db, scope, node, yearEnd(y)), await rowsOf(node));
}

/** The 附表 of `node` in `y` as kept by the writes (asserted to be kept). */
async function keptAnnex(node: NodeRow, y: number): Promise<BasicsAnnex> {
  const kept = await askKeptBasics(db, scope, node, yearEnd(y));
  expect(kept, `node ${node.code}, ${y}: kept`).not.toBeNull();
  const annex = await keptBasicsAnnex(kept!, await rowsOf(node));
  expect(annex, `node ${node.code}, ${y}: every organization kept`).not.toBeNull();
  return annex!;
}

async function expectKeptAsJudged(only: NodeRow[] = nodes): Promise<void> {
  for (const y of years) {
    for (const node of only) {
      expect(await keptAnnex(node, y), `node ${node.code}, ${y}`).toEqual(await boardAnnex(node, y));
    }
  }
}

/** `change` in a write transaction: the city's 附表 (the board's) must change, and the kept one with it. */
async function afterWrite(what: string, change: (tx: Db) => Promise<unknown>): Promise<void> {
  const before = JSON.stringify(await boardAnnex(city, year));
  const refreshes = basicsFactsStats.refreshes;
  await writeTransaction(db, change);
  expect(basicsFactsStats.refreshes, `${what}: judged again at the commit`).toBe(refreshes + 1);
  expect(await selectValue<number>(db, sql`select count(*) from report_basics_dirty`)).toBe(0);
  expect(JSON.stringify(await boardAnnex(city, year)), `${what}: the city's five basics changed`).not.toBe(
    before,
  );
  await expectKeptAsJudged([city, ...nodes.filter((n) => n.id !== city.id).slice(0, 4)]);
}

/** The kept bits of the year: team 1, venue 2, activities 4, rules 8, means 16, all five 32. */
const BIT = { team: 1, venue: 2, activities: 4, rules: 8, means: 16 } as const;

/** An organization judged in the year whose kept bits satisfy `condition` (on `f.met`, `o`). */
async function orgWhere(what: string, condition: SQL): Promise<number> {
  const id = await selectValue<number>(
    db,
    sql`select o.id from report_basics_facts f join orgs o on o.id = f.org_id
        where f.year = ${year} and ${condition} order by o.id limit 1`,
  );
  expect(id, `a demo organization ${what}`).toBeDefined();
  return Number(id);
}

const inForceOnDay = (alias: string) =>
  sql.raw(`${alias}.start_on <= '${day}' and (${alias}.end_on is null or ${alias}.end_on > '${day}')`);

describe("the report's five basics kept by the writes", () => {
  it("are judged for the kept past years when the demo is seeded, and equal the board's", async () => {
    const kept = await selectRows<[number]>(db, sql`select year from report_basics_years order by year`);
    expect(kept.map(([y]) => Number(y))).toEqual(years);
    expect(years.length).toBeGreaterThan(0);
    expect(await selectValue<number>(db, sql`select count(*) from report_basics_facts`)).toBeGreaterThan(0);
    await expectKeptAsJudged();
  }, 120_000);

  it("follow a write to each kind of record the board judges", async () => {
    // 基本队伍: the secretaries of an organization meeting it start after the day, then back.
    const withSecretary = await orgWhere(
      "with its team",
      sql`(f.met & ${BIT.team}) <> 0 and exists (select 1 from secretaries s where s.org_id = o.id and ${inForceOnDay("s")})`,
    );
    const secretaries = await selectRows<[number, string]>(
      db,
      sql`select id, start_on from secretaries s where s.org_id = ${withSecretary} and ${inForceOnDay("s")}`,
    );
    await afterWrite("its secretaries start next year", (tx) =>
      execute(
        tx,
        sql`update secretaries set start_on = ${`${year + 1}-06-01`} where id in ${ids(secretaries)}`,
      ),
    );
    await afterWrite("its secretaries back", async (tx) => {
      for (const [id, start] of secretaries)
        await execute(tx, sql`update secretaries set start_on = ${start} where id = ${id}`);
    });
    // An organization of at least seven members lacking a committee: its members' relationships, then their
    // joining days, after the day (the committee is then not required).
    const big = await orgWhere(
      "of seven members or more without a committee",
      sql`(f.met & ${BIT.team}) = 0 and exists (select 1 from secretaries s where s.org_id = o.id and ${inForceOnDay("s")})
          and (select count(*) from member_relationships r join members m on m.id = r.member_id
               where r.org_id = o.id and ${inForceOnDay("r")} and m.joined_on <= ${day}) >= 7`,
    );
    const held = await selectRows<[number, number, string]>(
      db,
      sql`select r.id, r.member_id, r.start_on from member_relationships r where r.org_id = ${big} and ${inForceOnDay("r")}`,
    );
    await afterWrite("its members' relationships start next year", (tx) =>
      execute(
        tx,
        sql`update member_relationships set start_on = ${`${year + 1}-06-01`} where id in ${ids(held)}`,
      ),
    );
    await afterWrite("their relationships back", async (tx) => {
      for (const [id, , start] of held)
        await execute(tx, sql`update member_relationships set start_on = ${start} where id = ${id}`);
    });
    const joined = await selectRows<[number, string]>(
      db,
      sql`select id, joined_on from members where id in ${ids(held.map(([, m]) => [m]))}`,
    );
    await afterWrite("its members join next year", (tx) =>
      execute(tx, sql`update members set joined_on = ${`${year + 1}-06-01`} where id in ${ids(joined)}`),
    );
    await afterWrite("their joining days back", async (tx) => {
      for (const [id, on] of joined)
        await execute(tx, sql`update members set joined_on = ${on} where id = ${id}`);
    });
    // 基本阵地: an organization's own standard venue checked substandard; a venue of its own registered.
    const withVenue = await orgWhere(
      "with its own standard venue",
      sql`(f.met & ${BIT.venue}) <> 0 and exists (select 1 from venues v join venue_checks c on c.venue_id = v.id
          where v.org_id = o.id and c.status = 'standard')
          and not exists (select 1 from venue_links l where l.org_id = o.id)`,
    );
    await afterWrite("its venue's checks found substandard", (tx) =>
      execute(
        tx,
        sql`update venue_checks set status = 'substandard' where venue_id in (select id from venues where org_id = ${withVenue})`,
      ),
    );
    const withoutVenue = await orgWhere(
      "without a venue",
      sql`(f.met & ${BIT.venue}) = 0 and not exists (select 1 from venues v where v.org_id = o.id)`,
    );
    await afterWrite("a standard venue registered and checked", async (tx) => {
      await execute(
        tx,
        sql`insert into venues (name, org_id, run_by, created_at) values ('新建活动室', ${withoutVenue}, ${withoutVenue}, ${now})`,
      );
      await execute(
        tx,
        sql`insert into venue_checks (venue_id, checked_on, status, has_av, has_furniture, has_flag, has_emblem, has_reading)
            select max(id), ${`${year}-03-01`}, 'standard', 1, 1, 1, 1, 1 from venues where org_id = ${withoutVenue}`,
      );
    });
    // A venue shared with an organization without one (党群服务中心).
    const shared = await selectValue<number>(
      db,
      sql`select v.id from venues v join venue_checks c on c.venue_id = v.id where c.status = 'standard' order by v.id limit 1`,
    );
    const lonely = await orgWhere(
      "still without a venue",
      sql`(f.met & ${BIT.venue}) = 0 and o.id <> ${withoutVenue}`,
    );
    await afterWrite("a standard venue shared with it", (tx) =>
      execute(
        tx,
        sql`insert into venue_links (venue_id, org_id, start_on) values (${shared}, ${lonely}, ${`${year}-02-01`})`,
      ),
    );
    // 基本活动: an organization's meetings of the year deleted.
    const active = await orgWhere(
      "meeting its activities",
      sql`(f.met & ${BIT.activities}) <> 0 and exists (select 1 from meetings m where m.org_id = o.id
          and m.held_on >= ${`${year}-01-01`} and m.held_on <= ${day})`,
    );
    await afterWrite("its meetings of the year deleted", (tx) =>
      execute(
        tx,
        sql`delete from meetings where org_id = ${active} and held_on >= ${`${year}-01-01`} and held_on <= ${day}`,
      ),
    );
    // 基本制度: an organization's rules adopted after the day.
    const ruled = await orgWhere("with its rules", sql`(f.met & ${BIT.rules}) <> 0`);
    await afterWrite("its rules adopted next year", (tx) =>
      execute(tx, sql`update org_rules set adopted_on = ${`${year + 1}-06-01`} where org_id = ${ruled}`),
    );
    // 基本保障: the funds of an organization meeting it; the payroll of the hosts another one covers.
    const funded = await orgWhere(
      "meeting its means",
      sql`(f.met & ${BIT.means}) <> 0 and exists (select 1 from org_funds x where x.org_id = o.id and x.year = ${year})`,
    );
    await afterWrite("its funds of the year deleted", (tx) =>
      execute(tx, sql`delete from org_funds where org_id = ${funded} and year = ${year}`),
    );
    const paid = await orgWhere(
      "meeting its means against a payroll",
      sql`(f.met & ${BIT.means}) <> 0 and o.id <> ${funded} and exists (select 1 from coverages c
          join host_years y on y.host_id = c.host_id and y.year = ${year}
          where c.org_id = o.id and ${inForceOnDay("c")} and y.payroll_fen > 0)`,
    );
    await afterWrite("the payroll of the hosts it covers multiplied", (tx) =>
      execute(
        tx,
        sql`update host_years set payroll_fen = payroll_fen * 1000 where year = ${year}
            and host_id in (select c.host_id from coverages c where c.org_id = ${paid} and ${inForceOnDay("c")})`,
      ),
    );
    await afterWrite("its coverages ended before the year", (tx) =>
      execute(
        tx,
        sql`update coverages set end_on = start_on where org_id = ${paid} and ${inForceOnDay("coverages")}`,
      ),
    );
    // The organization itself: revoked within the year.
    const revoked = await orgWhere(
      "to revoke",
      sql`o.revoked_on is null and o.id not in (${withSecretary}, ${big})`,
    );
    await afterWrite("an organization revoked", (tx) =>
      execute(tx, sql`update orgs set revoked_on = ${`${year}-06-01`} where id = ${revoked}`),
    );
  }, 300_000);

  it("are judged again under a new policy", async () => {
    const versions = await selectRows<[string]>(
      db,
      sql`select params from policies order by effective_on desc, id desc limit 1`,
    );
    const params = JSON.parse(versions[0]![0]) as { basics: Record<string, unknown> };
    const changed = { ...params, basics: { ...params.basics, coreRules: [] } };
    await afterWrite("a policy requiring no rules", (tx) =>
      execute(
        tx,
        sql`insert into policies (effective_on, params, created_at)
            values (${`${years[0]}-01-01`}, ${JSON.stringify(changed)}, ${now})`,
      ),
    );
  }, 120_000);

  it("are not read while a write outside a write transaction has left organizations unjudged", async () => {
    const org = await orgWhere("any", sql`1 = 1`);
    await execute(db, sql`delete from meetings where org_id = ${org}`);
    expect(await selectValue<number>(db, sql`select count(*) from report_basics_dirty`)).toBeGreaterThan(0);
    expect(await askKeptBasics(db, scope, city, day)).toBeNull();
    await writeTransaction(db, async () => {});
    expect(await selectValue<number>(db, sql`select count(*) from report_basics_dirty`)).toBe(0);
    await expectKeptAsJudged([city]);
  }, 120_000);

  it("are not kept for the current year, whose board is counted on today", async () => {
    expect(await askKeptBasics(db, scope, city, DEMO_TODAY)).toBeNull();
    expect(years).not.toContain(Number(DEMO_TODAY.slice(0, 4)));
  });
});

/** The ids (first column) of rows, as an SQL list. */
function ids(rows: readonly (readonly [number, ...unknown[]])[]): SQL {
  return sql`(${sql.join(
    rows.map(([id]) => sql`${id}`),
    sql`, `,
  )})`;
}
