/**
 * Sign-in throttling instead of an account lock (issue 16): failures count by username + client address
 * and by address alone (rate-limiter-flexible on the database). The library reads the wall clock, so the
 * waits are checked with a faked Date.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { authenticate, type AuthResult } from "@liangxin/db/auth";
import { cloneDb } from "@liangxin/db/queries";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { seedDemo } from "@liangxin/seed/demo";

let seeded: Db;
beforeAll(async () => {
  seeded = openTestDb();
  await seedDemo(seeded);
});
afterEach(() => {
  vi.useRealTimers();
});

const A = "127.0.0.11";
const B = "127.0.0.12";
const attempt = (db: Db, username: string, password: string, clientAddress = A) =>
  authenticate(db, { username, password, clientAddress });
const audited = (db: Db, username: string) =>
  db.$client
    .prepare("select action from audit_log where username = ? order by id")
    .pluck()
    .all(username) as string[];
const INVALID: AuthResult = { ok: false, reason: "invalid" };

describe("sign-in", () => {
  it("accepts the right password; refuses a wrong one and an unknown username alike", async () => {
    const db = cloneDb(seeded);
    expect(await attempt(db, "county", "Demo@2026")).toMatchObject({ ok: true });
    expect(await attempt(db, "county", "nope-nope-nope")).toEqual(INVALID);
    expect(await attempt(db, "nobody", "Demo@2026")).toEqual(INVALID);
    expect(audited(db, "county")).toEqual(["login", "login.failed"]);
    expect(audited(db, "nobody")).toEqual(["login.failed"]);
  });

  it("after 5 failures of a username from one address, the 6th attempt waits 15 minutes even with the right password; another address signs in at once", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-21T08:00:00Z"));
    const db = cloneDb(seeded);
    for (let i = 1; i <= 5; i++) expect(await attempt(db, "township", `bad-${i}`)).toEqual(INVALID);
    expect(await attempt(db, "township", "Demo@2026")).toEqual({
      ok: false,
      reason: "throttled",
      waitMinutes: 15,
    });
    expect(await attempt(db, "township", "Demo@2026", B)).toMatchObject({ ok: true });
    vi.setSystemTime(new Date("2026-11-21T08:14:00Z"));
    expect(await attempt(db, "township", "Demo@2026")).toEqual({
      ok: false,
      reason: "throttled",
      waitMinutes: 1,
    });
    vi.setSystemTime(new Date("2026-11-21T08:15:01Z"));
    expect(await attempt(db, "township", "Demo@2026")).toMatchObject({ ok: true });
    const actions = audited(db, "township");
    expect(actions.filter((a) => a === "login.failed")).toHaveLength(5);
    expect(actions.filter((a) => a === "login.throttled")).toHaveLength(2);
    expect(actions.filter((a) => a === "login")).toHaveLength(2);
  });

  it("a successful sign-in forgets the failures of the pair", async () => {
    const db = cloneDb(seeded);
    for (let round = 0; round < 2; round++) {
      for (let i = 1; i <= 4; i++) expect(await attempt(db, "branch", `bad-${i}`)).toEqual(INVALID);
      expect(await attempt(db, "branch", "Demo@2026")).toMatchObject({ ok: true });
    }
  });

  it("50 failures from one address within an hour make that address wait an hour, for any username; other addresses are not affected", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-21T08:00:00Z"));
    const db = cloneDb(seeded);
    // Ten made-up usernames, five failures each: no pair waits before the address does.
    for (let u = 0; u < 10; u++)
      for (let i = 0; i < 5; i++) {
        const answer = await attempt(db, `guess-${u}`, `bad-${i}`);
        expect(answer, `guess-${u} #${i + 1}`).toEqual(INVALID);
      }
    expect(await attempt(db, "county", "Demo@2026")).toEqual({
      ok: false,
      reason: "throttled",
      waitMinutes: 60,
    });
    expect(await attempt(db, "county", "Demo@2026", B)).toMatchObject({ ok: true });
    vi.setSystemTime(new Date("2026-11-21T09:00:01Z"));
    expect(await attempt(db, "county", "Demo@2026")).toMatchObject({ ok: true });
  });

  it("a made-up username gets exactly the answers of an existing one, attempt by attempt", async () => {
    const db = cloneDb(seeded);
    const answers = async (username: string) => {
      const out: AuthResult[] = [];
      for (let i = 1; i <= 7; i++) out.push(await attempt(db, username, `bad-${i}`));
      return out;
    };
    const existing = await answers("industry");
    expect(existing.slice(0, 5)).toEqual(Array(5).fill(INVALID));
    expect(existing[5]).toMatchObject({ reason: "throttled" });
    expect(await answers("no-such-user")).toEqual(existing);
  });

  it("a made-up username takes as long to refuse as an existing one", async () => {
    const db = cloneDb(seeded);
    const time = async (username: string, clientAddress: string) => {
      const t = performance.now();
      await authenticate(db, { username, password: "wrong-password", clientAddress });
      return performance.now() - t;
    };
    const existing: number[] = [];
    const madeUp: number[] = [];
    // Interleaved, each from its own address, so that neither waits and load hits both alike.
    for (let i = 0; i < 8; i++) {
      existing.push(await time("owner", `127.0.1.${i}`));
      madeUp.push(await time("no-such-owner", `127.0.2.${i}`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    const ratio = median(madeUp) / median(existing);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it("a disabled account says so only to whoever knows its password", async () => {
    const db = cloneDb(seeded);
    db.$client.prepare("update users set disabled = 1 where username = 'owner'").run();
    expect(await attempt(db, "owner", "wrong-password")).toEqual(INVALID);
    expect(await attempt(db, "owner", "Demo@2026")).toEqual({ ok: false, reason: "disabled" });
  });

  it("parallel attempts cannot pass the limit: of 20 at once, at most 5 passwords are checked", async () => {
    const db = cloneDb(seeded);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(db, "city", i === 19 ? "Demo@2026" : `bad-${i}`)),
    );
    expect(answers.filter((a) => !a.ok && a.reason === "invalid").length).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => !a.ok && a.reason === "throttled").length).toBeGreaterThanOrEqual(14);
    expect(audited(db, "city").filter((a) => a === "login.failed").length).toBeLessThanOrEqual(5);
  });
});
