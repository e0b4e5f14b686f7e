/**
 * Server-side sessions (issue 16): a token opens a session only while its row is live — at most 8 hours
 * after sign-in, and not idle longer than the policy's `sessionIdleMinutes` (30 by default). Time is
 * passed in: no test reads the wall clock.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateDb, openDb, openTestDb, type Db } from "../src/driver/client.ts";
import {
  endSession,
  liveSessionsOf,
  sessionSteadyUntil,
  startSession,
  touchSession,
} from "../src/sessions.ts";

const T0 = new Date("2026-11-21T01:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** One user (bound to nothing: sessions do not care). */
function userIn(db: Db, username = "u1"): number {
  return db.$client
    .prepare(
      "insert into users (username, display_name, password_hash, role, created_at) values (?, ?, 'x', 'admin', ?) returning id",
    )
    .pluck()
    .get(username, username, T0.toISOString()) as number;
}

let db: Db;
let userId: number;
beforeEach(() => {
  db = openTestDb();
  userId = userIn(db);
});

const start = (now = T0, id = userId) =>
  startSession(db, { userId: id, userAgent: "Chromium", clientAddress: "127.0.0.1" }, now);
const rows = () => db.$client.prepare("select count(*) from sessions").pluck().get() as number;

describe("sessions", () => {
  it("a started session is live for its token only; the stored id is a hash of the token", async () => {
    const token = await start();
    expect(await touchSession(db, token, T0)).toMatchObject({ userId });
    expect(await touchSession(db, `${token}x`, T0)).toBeNull();
    const stored = db.$client.prepare("select token_hash from sessions").pluck().get() as string;
    expect(stored).not.toContain(token);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
  });

  it("ends after 30 idle minutes; a request within them keeps it going", async () => {
    const token = await start();
    expect(await touchSession(db, token, at(29))).not.toBeNull();
    expect(await touchSession(db, token, at(58))).not.toBeNull();
    expect(await touchSession(db, token, at(88))).toBeNull();
    expect(rows()).toBe(0);
    // Once ended it stays ended.
    expect(await touchSession(db, token, at(89))).toBeNull();
  });

  it("the idle timeout is a policy setting", async () => {
    db.$client
      .prepare("insert into policies (effective_on, params, created_at) values ('2020-01-01', ?, ?)")
      .run(JSON.stringify({ sessionIdleMinutes: 10 }), T0.toISOString());
    const token = await start();
    expect(await touchSession(db, token, at(9))).not.toBeNull();
    expect(await touchSession(db, token, at(20))).toBeNull();
  });

  it("ends 8 hours after sign-in, however active", async () => {
    const token = await start();
    for (let m = 20; m < 8 * 60; m += 20)
      expect(await touchSession(db, token, at(m)), `${m} min`).not.toBeNull();
    expect(await touchSession(db, token, at(8 * 60))).toBeNull();
  });

  it("sign-out ends that session only, audited as logout", async () => {
    const a = await start();
    const b = await start(at(1));
    await endSession(db, a);
    expect(await touchSession(db, a, at(2))).toBeNull();
    expect(await touchSession(db, b, at(2))).not.toBeNull();
    expect(db.$client.prepare("select action, user_id as userId from audit_log").all()).toEqual([
      { action: "logout", userId },
    ]);
  });

  it("stays as it is until its next last-seen write, its idle timeout or its 8 hours, whichever is first; reading writes nothing", async () => {
    const token = await start();
    expect(await sessionSteadyUntil(db, token, at(0.5))).toEqual({ userId, until: at(1) });
    // Active all day, last touched at 7 h 59.5 min: its 8 hours come before its next touch.
    for (let m = 20; m < 8 * 60; m += 20) await touchSession(db, token, at(m));
    await touchSession(db, token, at(8 * 60 - 0.5));
    expect(await sessionSteadyUntil(db, token, at(8 * 60 - 0.2))).toEqual({ userId, until: at(8 * 60) });
    expect(await sessionSteadyUntil(db, token, at(8 * 60))).toBeNull();
    expect(await sessionSteadyUntil(db, `${token}x`, T0)).toBeNull();
    expect(rows()).toBe(1);
    expect(db.$client.prepare("select last_seen_at from sessions").pluck().get()).toBe(
      at(8 * 60 - 0.5).toISOString(),
    );
  });

  it("lists a user's live sessions, newest first, without those that ran out", async () => {
    await start(T0);
    await start(at(40));
    const other = userIn(db, "u2");
    await start(at(40), other);
    const live = await liveSessionsOf(db, userId, at(45));
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ userAgent: "Chromium", clientAddress: "127.0.0.1" });
    expect((await liveSessionsOf(db, userId, at(20))).map((s) => s.createdAt)).toEqual([
      at(40).toISOString(),
      T0.toISOString(),
    ]);
  });
});

describe("while another connection holds the write lock (a long import)", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("the session check answers at once and keeps the session; it only skips noting the activity", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "liangxin-sessions-"));
    const file = path.join(dir, "db.sqlite");
    const portal = openDb(file);
    migrateDb(portal);
    const id = userIn(portal);
    const token = await startSession(portal, { userId: id, userAgent: null, clientAddress: null }, T0);
    const importer = openDb(file);
    importer.$client.exec("begin immediate");
    try {
      const t = performance.now();
      expect(await touchSession(portal, token, at(5))).toMatchObject({ userId: id });
      expect(performance.now() - t).toBeLessThan(1000);
    } finally {
      importer.$client.exec("rollback");
      importer.$client.close();
    }
    const lastSeen = portal.$client.prepare("select last_seen_at from sessions").pluck().get();
    expect(lastSeen).toBe(T0.toISOString());
    expect(await touchSession(portal, token, at(6))).not.toBeNull();
    expect(portal.$client.prepare("select last_seen_at from sessions").pluck().get()).toBe(
      at(6).toISOString(),
    );
    portal.$client.close();
  });
});
