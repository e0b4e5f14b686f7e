import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_TODAY, seedDemo } from "@liangxin/seed/demo";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { createCaller } from "../src/root.ts";
import { createContext } from "../src/context.ts";

const TODAY = DEMO_TODAY;
let db: Db;

function callerFor(username: string | null) {
  const userId =
    username == null
      ? null
      : (db.$client.prepare("select id from users where username = ?").pluck().get(username) as number);
  return createCaller(createContext({ db, userId, today: TODAY }));
}

beforeAll(async () => {
  db = openTestDb();
  await seedDemo(db);
});

describe("home.overview", () => {
  it("refuses an anonymous caller", async () => {
    await expect(callerFor(null).home.overview()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("gives the city administrator the whole tree and every operating host", async () => {
    const home = await callerFor("city").home.overview();
    const operating = db.$client
      .prepare("select count(*) from hosts where founded_on <= ? and (closed_on is null or ? < closed_on)")
      .pluck()
      .get(TODAY, TODAY) as number;
    expect(home.hostCount).toBe(operating);
    expect(home.tree?.category).toBe("cityCommittee");
    expect(home.tree?.children.length).toBeGreaterThanOrEqual(3);
  });

  it("gives a township administrator only its own part, which adds up under its county", async () => {
    const city = await callerFor("city").home.overview();
    const township = await callerFor("township").home.overview();
    expect(township.hostCount).toBeGreaterThan(0);
    expect(township.hostCount).toBeLessThan(city.hostCount);
    expect(township.tree?.category).toMatch(/township|park/);
    const ids = new Set<number>();
    const walk = (n: { id: number; children: { id: number; children: unknown[] }[] }) => {
      ids.add(n.id);
      n.children.forEach((c) => walk(c as never));
    };
    walk(township.tree as never);
    expect(ids.has(city.tree!.id)).toBe(false);
  });

  it("gives an owner exactly one host and no organization tree", async () => {
    const home = await callerFor("owner").home.overview();
    expect(home.hostCount).toBe(1);
    expect(home.tree).toBeNull();
    expect(home.host?.name).toBeTruthy();
  });

  it("treats a disabled user as signed out", async () => {
    db.$client.prepare("update users set disabled = 1 where username = 'branch'").run();
    await expect(callerFor("branch").home.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    db.$client.prepare("update users set disabled = 0 where username = 'branch'").run();
  });
});
