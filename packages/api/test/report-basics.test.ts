/**
 * The report's five-basics 附表 (五个基本) through the API: per child row and the 直属 row, the grassroots
 * organizations meeting each basic; its rows sum to its 合计, which equals the dashboard's and the
 * 五个基本 board's counts for the node; an approved report keeps the figures it froze.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { BASICS, type BasicsCount } from "@liangxin/domain";
import { DEMO_TODAY, seedDemo } from "@liangxin/seed/demo";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { createCaller } from "../src/root.ts";
import { createContext } from "../src/context.ts";

const TODAY = DEMO_TODAY;
const YEAR = Number(TODAY.slice(0, 4));
const KEYS = [...BASICS, "all"] as const;
let db: Db;

const userId = (username: string) =>
  db.$client.prepare("select id from users where username = ?").pluck().get(username) as number;
const callerFor = (username: string) =>
  createCaller(createContext({ db, userId: userId(username), today: TODAY }));

/** The sum of counts, key by key. */
function sum(counts: readonly BasicsCount[]): BasicsCount {
  const met = { team: 0, venue: 0, activities: 0, rules: 0, means: 0, all: 0 };
  for (const c of counts) for (const k of KEYS) met[k] += c.met[k];
  return { orgs: counts.reduce((s, c) => s + c.orgs, 0), met };
}

beforeAll(async () => {
  db = openTestDb();
  // The past years' reports are approved (frozen) as the demo does.
  await seedDemo(db);
});

describe("the report's five-basics table", () => {
  it("this year: the rows sum to the 合计, which equals the dashboard's and the board's figures, per unit too", async () => {
    for (const user of ["city", "county", "township"]) {
      const c = callerFor(user);
      const view = await c.report.get({ year: YEAR });
      const basics = view.basics!;
      expect(basics.on, user).toBe(TODAY);
      expect(basics.rows.map((r) => r.name)).toEqual(
        view.rows.filter((r) => r.kind === "child" || r.kind === "direct").map((r) => r.name),
      );
      expect(sum(basics.rows.map((r) => r.count)), user).toEqual(basics.total);
      const board = await c.basics.board();
      expect(basics.total, user).toEqual(board.total);
      expect((await c.dashboard.admin()).work.basics, user).toEqual(basics.total);
      // Each child row is that unit's line on the board, and every organization is counted once.
      for (const line of board.byChild) {
        const row = basics.rows.find((r) => r.kind === "child" && r.orgId === line.orgId);
        if (row) expect(row.count, line.name).toEqual(line.count);
      }
      expect(basics.total.orgs).toBe(new Set(board.rows.map((r) => r.orgId)).size);
      // The figures vary: some organizations meet all five, not all of them.
      expect(basics.total.met.all, user).toBeGreaterThan(0);
      expect(basics.total.met.all, user).toBeLessThan(basics.total.orgs);
    }
  });

  it("a past year counts on its 31 December; an approved report keeps what it froze when a record changes", async () => {
    const township = callerFor("township");
    const last = YEAR - 1;
    const before = await township.report.get({ year: last });
    expect(before.source).toBe("approved");
    const frozen = before.basics!;
    expect(frozen.on).toBe(`${last}-12-31`);
    expect(frozen.total).toEqual((await township.basics.board({ on: `${last}-12-31` })).total);
    // An organization short of funds last year gets them: the board moves, the approved report does not.
    const board = await township.basics.board({ on: `${last}-12-31` });
    const row = board.rows.find((r) => r.check.means.reasons[0] === "本年度未登记党建工作经费");
    expect(row, "an organization without funds last year").toBeDefined();
    await township.basics.funds({ orgId: row!.orgId, year: last, source: "duesReturn", amount: "0.5" });
    const moved = (await township.basics.board({ on: `${last}-12-31` })).total;
    expect(moved.met.means).toBe(frozen.total.met.means + 1);
    const after = await township.report.get({ year: last });
    expect(after.basics).toEqual(frozen);
  });
});
