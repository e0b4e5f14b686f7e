/**
 * The demo city for the API tests that work in it: a fresh test database holding the demo (without the past
 * years' reports), administrators added for named nodes (another township's, another county's), callers and
 * audit counts by username, on the demo's day.
 */
import { beforeAll } from "vitest";
import { DEMO_TODAY, seedDemo } from "@liangxin/seed/demo";
import { createUser, SYSTEM_ACTOR } from "@liangxin/db/auth";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { createCaller } from "../src/root.ts";
import { createContext } from "../src/context.ts";

export interface DemoCity {
  /** The database (made in `beforeAll`). */
  readonly db: Db;
  /** The first column of the first row of a statement. */
  one<T = number>(sql: string, ...params: unknown[]): T;
  userId(username: string): number;
  callerFor(username: string): ReturnType<typeof createCaller>;
  /** How many audit rows carry the action. */
  audits(action: string): number;
}

/**
 * Make the demo city before the file's tests, with an administrator for each `admins` entry (username →
 * a name the node's name contains: the shallowest management node of that name, e.g. "石桥镇", "青山县").
 */
export function useDemoCity(admins: Record<string, string> = {}): DemoCity {
  let made: Db | undefined;
  const db = () => {
    if (!made) throw new Error("the demo city is made in beforeAll");
    return made;
  };
  const one = <T = number>(sql: string, ...params: unknown[]) =>
    db()
      .$client.prepare(sql)
      .pluck()
      .get(...params) as T;
  beforeAll(async () => {
    made = openTestDb();
    await seedDemo(made, { pastReports: false });
    for (const [username, name] of Object.entries(admins)) {
      const orgCode = one<string>(
        `select code from orgs where name like ? and category in ('cityCommittee', 'countyCommittee',
           'townshipCommittee', 'parkCommittee', 'industryCommittee') order by depth limit 1`,
        `%${name}%`,
      );
      await createUser(
        made,
        { username, displayName: `${name}管理员`, password: "Demo@2026x", role: "admin", orgCode },
        SYSTEM_ACTOR,
      );
    }
  }, 120_000);
  const userId = (username: string) => one("select id from users where username = ?", username);
  return {
    get db() {
      return db();
    },
    one,
    userId,
    callerFor: (username) =>
      createCaller(createContext({ db: db(), userId: userId(username), today: DEMO_TODAY })),
    audits: (action) => one("select count(*) from audit_log where action = ?", action),
  };
}
