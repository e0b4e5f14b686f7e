/** A refused five-basics input names its field as the basics forms do (场所状况, 书记类别), not generically. */
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_TODAY, seedDemo } from "@liangxin/seed/demo";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { createCaller } from "../src/root.ts";
import { createContext } from "../src/context.ts";
import { userMessage } from "../src/index.ts";

let db: Db;
const township = () =>
  createCaller(
    createContext({
      db,
      userId: db.$client.prepare("select id from users where username = 'township'").pluck().get() as number,
      today: DEMO_TODAY,
    }),
  );

beforeAll(async () => {
  db = openTestDb();
  await seedDemo(db, { pastReports: false });
});

async function refusal(path: string, call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
  } catch (e) {
    return userMessage(e, path);
  }
  throw new Error(`${path} was not refused`);
}

describe("the basics' field names in a refusal", () => {
  it("a venue's status is 场所状况 (not 党员状态), a secretary's kind is 书记类别", async () => {
    const c = township();
    const orgId = (await c.basics.board()).rows[0]!.orgId;
    const venue = await refusal("basics.venue.record", () =>
      c.basics.venue.record({
        orgId,
        name: "党员活动室",
        checkedOn: DEMO_TODAY,
        status: "shiny" as never,
        equipment: [],
      }),
    );
    expect(venue).toContain("场所状况");
    expect(venue).not.toContain("党员状态");
    const shared = await refusal("basics.venue.createShared", () =>
      c.basics.venue.createShared({
        name: "中心",
        checkedOn: DEMO_TODAY,
        status: "x" as never,
        equipment: [],
      }),
    );
    expect(shared).toContain("场所状况");
    const kind = await refusal("basics.secretary.profile", () =>
      c.basics.secretary.profile({ secretaryId: 1, kind: "boss" as never, source: null }),
    );
    expect(kind).toContain("书记类别");
  });
});
