/** Sign-in throttling keeps its table small: rows whose window has run out are removed (issue 16). */
import { describe, expect, it } from "vitest";
import { openTestDb } from "../src/driver/client.ts";
import { throttledCheck } from "../src/throttle.ts";

describe("the rate_limits table", () => {
  it("loses rows whose window ran out when attempts are checked, and keeps live ones", async () => {
    const db = openTestDb();
    db.$client
      .prepare("insert into rate_limits (key, points, expire) values ('login-pair:old|127.0.0.9', 3, 1)")
      .run();
    const check = await throttledCheck(db, { username: "someone", clientAddress: "127.0.0.8" }, async () => ({
      ok: false,
      value: null,
    }));
    expect(check).toMatchObject({ outcome: "checked", ok: false });
    const keys = db.$client.prepare("select key from rate_limits order by key").pluck().all();
    expect(keys).toEqual(["login-address:127.0.0.8", "login-pair:someone|127.0.0.8"]);
  });
});
