import { describe, expect, it } from "vitest";
import { authenticate, openTestDb, seedDemo } from "@liangxin/db";

describe("authenticate", () => {
  const db = openTestDb();
  seedDemo(db);
  const t0 = new Date("2026-11-21T08:00:00Z");

  it("accepts the right password and refuses a wrong one", () => {
    expect(authenticate(db, "county", "Demo@2026", t0)).toMatchObject({ ok: true });
    expect(authenticate(db, "county", "nope", t0)).toEqual({ ok: false, reason: "invalid" });
    expect(authenticate(db, "nobody", "Demo@2026", t0)).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks the account after five failures: the sixth attempt is refused even with the right password", () => {
    for (let i = 1; i <= 4; i++)
      expect(authenticate(db, "township", "bad", t0)).toMatchObject({ reason: "invalid" });
    expect(authenticate(db, "township", "bad", t0)).toMatchObject({ reason: "locked" });
    expect(authenticate(db, "township", "Demo@2026", new Date(t0.getTime() + 60_000))).toMatchObject({
      reason: "locked",
    });
    expect(authenticate(db, "township", "Demo@2026", new Date(t0.getTime() + 16 * 60_000))).toMatchObject({
      ok: true,
    });
    const actions = db.$client
      .prepare("select action from audit_log where username = 'township' order by id")
      .pluck()
      .all() as string[];
    expect(actions.filter((a) => a === "login.failed")).toHaveLength(4);
    expect(actions).toContain("account.locked");
    expect(actions).toContain("login.locked");
    expect(actions.at(-1)).toBe("login");
  });
});
