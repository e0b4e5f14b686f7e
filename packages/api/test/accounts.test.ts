/**
 * Accounts an attacker cannot turn (issue 16), at the API: an administrator manages only users bound
 * below its own node (and owners of its territory); a peer administrator of the same node, or a superior,
 * does not exist for it. Wrong old passwords of a stolen session count like failed sign-ins. A password
 * change, a reset and a disable end every session of the user; administrators see and end sessions.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { authenticate, createUser, startSession, touchSession, verifyPassword } from "@liangxin/db/auth";
import { type Db } from "@liangxin/db/driver";
import { clock } from "@liangxin/domain";
import { createContext } from "../src/context.ts";
import { createCaller } from "../src/root.ts";
import { buildWorld, callerOn, cloneDb, TODAY, type World } from "./fixtures-views.ts";

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});

const row = (db: Db, username: string) =>
  db.$client
    .prepare("select id, password_hash as hash, disabled from users where username = ?")
    .get(username) as { id: number; hash: string; disabled: number };

/** A second administrator bound to the same node as `of`. */
async function addPeer(db: Db, of: string, username: string): Promise<number> {
  const code = db.$client
    .prepare("select o.code from users u join orgs o on o.id = u.org_id where u.username = ?")
    .pluck()
    .get(of) as string;
  await createUser(db, {
    username,
    displayName: "同级管理员",
    password: "Demo@2026",
    role: "admin",
    orgCode: code,
  });
  return row(db, username).id;
}

describe("user administration reaches only below the own node", () => {
  it("a peer administrator of the same node can be neither reset nor disabled, nor is it listed", async () => {
    const db = cloneDb(w.db);
    const peer = await addPeer(db, "township", "township2");
    const township = callerOn(db, "township");
    await expect(township.users.resetPassword({ id: peer, password: "Takeover2026" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(township.users.setDisabled({ id: peer, disabled: true })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const listed = await township.users.list({ page: 1, pageSize: 200, q: "township" });
    expect(listed.rows.map((r) => r.username)).not.toContain("township2");
    // The peer keeps its password and stays enabled.
    const after = row(db, "township2");
    expect(verifyPassword("Demo@2026", after.hash)).toBe(true);
    expect(after.disabled).toBe(0);
  });

  it("the same holds at the top: the city administrator cannot take over another city administrator", async () => {
    const db = cloneDb(w.db);
    const peer = await addPeer(db, "city", "city2");
    const city = callerOn(db, "city");
    await expect(city.users.resetPassword({ id: peer, password: "Takeover2026" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(city.users.setDisabled({ id: peer, disabled: true })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(verifyPassword("Demo@2026", row(db, "city2").hash)).toBe(true);
  });

  it("a superior administrator does not exist for the administrator below", async () => {
    const db = cloneDb(w.db);
    const township = callerOn(db, "township");
    await expect(
      township.users.resetPassword({ id: w.ids.user("county"), password: "Takeover2026" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      township.users.setDisabled({ id: w.ids.user("county"), disabled: true }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("administrators of nodes below, secretaries below and owners of the territory stay manageable", async () => {
    const db = cloneDb(w.db);
    const township = callerOn(db, "township");
    const listed = await township.users.list({ page: 1, pageSize: 200 });
    expect(listed.rows.map((r) => r.username)).toEqual(
      expect.arrayContaining(["township", "branch", "owner"]),
    );
    await township.users.setDisabled({ id: w.ids.user("branch"), disabled: true });
    expect(row(db, "branch").disabled).toBe(1);
    await township.users.setDisabled({ id: w.ids.user("owner"), disabled: true });
    expect(row(db, "owner").disabled).toBe(1);
    await callerOn(db, "county").users.setDisabled({ id: w.ids.user("township"), disabled: true });
    expect(row(db, "township").disabled).toBe(1);
  });
});

describe("wrong old passwords on account.changePassword count toward the sign-in throttle", () => {
  it("after 5 wrong old passwords the 6th attempt waits even with the right one, and so does signing in from that address", async () => {
    const db = cloneDb(w.db);
    const clientAddress = "127.0.0.21";
    const c = createCaller(createContext({ db, userId: w.ids.user("branch"), today: TODAY, clientAddress }));
    for (let i = 1; i <= 5; i++)
      await expect(
        c.account.changePassword({ oldPassword: `wrong-old-${i}`, newPassword: "Changed2026x" }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      c.account.changePassword({ oldPassword: "Demo@2026", newPassword: "Changed2026x" }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringMatching(/分钟后再试/) });
    expect(verifyPassword("Demo@2026", row(db, "branch").hash)).toBe(true);
    expect(
      await authenticate(db, { username: "branch", password: "Demo@2026", clientAddress }),
    ).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    // From another address the user still signs in.
    expect(
      await authenticate(db, { username: "branch", password: "Demo@2026", clientAddress: "127.0.0.22" }),
    ).toMatchObject({ ok: true });
  });
});

describe("sessions end with the password, and administrators end them", () => {
  const signIn = (db: Db, username: string, agent = "Chromium") =>
    startSession(
      db,
      { userId: w.ids.user(username), userAgent: agent, clientAddress: "127.0.0.31" },
      clock.now(),
    );
  const live = async (db: Db, tokens: string[]) => {
    const out: boolean[] = [];
    for (const t of tokens) out.push((await touchSession(db, t, clock.now())) !== null);
    return out;
  };

  it("a reset by the administrator ends every session of the user", async () => {
    const db = cloneDb(w.db);
    const tokens = [await signIn(db, "branch"), await signIn(db, "branch")];
    const other = await signIn(db, "owner");
    await callerOn(db, "township").users.resetPassword({
      id: w.ids.user("branch"),
      password: "Temporary2026",
    });
    expect(await live(db, tokens)).toEqual([false, false]);
    expect(await live(db, [other])).toEqual([true]);
  });

  it("a disable ends every session of the user", async () => {
    const db = cloneDb(w.db);
    const tokens = [await signIn(db, "branch"), await signIn(db, "branch")];
    await callerOn(db, "township").users.setDisabled({ id: w.ids.user("branch"), disabled: true });
    expect(await live(db, tokens)).toEqual([false, false]);
  });

  it("changing the own password ends every session of the user, the one that changed it included", async () => {
    const db = cloneDb(w.db);
    const tokens = [await signIn(db, "owner"), await signIn(db, "owner")];
    await callerOn(db, "owner").account.changePassword({
      oldPassword: "Demo@2026",
      newPassword: "Changed2026x",
    });
    expect(await live(db, tokens)).toEqual([false, false]);
  });

  it("the administrator lists a user's live sessions and ends one; the other goes on", async () => {
    const db = cloneDb(w.db);
    const a = await signIn(db, "branch", "Browser A");
    const b = await signIn(db, "branch", "Browser B");
    const township = callerOn(db, "township");
    const listed = await township.users.sessions({ id: w.ids.user("branch") });
    expect(listed.user.username).toBe("branch");
    expect(listed.sessions.map((s) => s.userAgent).sort()).toEqual(["Browser A", "Browser B"]);
    const target = listed.sessions.find((s) => s.userAgent === "Browser A")!;
    await township.users.endSession({ id: w.ids.user("branch"), sessionId: target.id });
    expect(await live(db, [a, b])).toEqual([false, true]);
    const audit = await township.audit.search({ page: 1, pageSize: 10, action: "session.end" });
    expect(audit.total).toBe(1);
    // A peer administrator's sessions do not exist for the township administrator.
    const peer = await addPeer(db, "township", "township3");
    await startSession(db, { userId: peer, userAgent: "Peer", clientAddress: "127.0.0.32" }, clock.now());
    await expect(township.users.sessions({ id: peer })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("passwords an administrator set are not the user's", () => {
  const rejected = { code: "BAD_REQUEST" };

  it("a password has at least 10 characters with letters and digits: create, reset and change refuse others", async () => {
    const db = cloneDb(w.db);
    const township = callerOn(db, "township");
    const orgId = (await township.users.targets()).secretaryOrgs[0]!.id;
    for (const password of ["Short2026", "abcdefghijkl", "123456789012"]) {
      await expect(
        township.users.create({
          username: "weak",
          displayName: "弱密码",
          password,
          role: "secretary",
          orgId,
        }),
        password,
      ).rejects.toMatchObject(rejected);
      await expect(
        township.users.resetPassword({ id: w.ids.user("branch"), password }),
        password,
      ).rejects.toMatchObject(rejected);
      await expect(
        callerOn(db, "owner").account.changePassword({ oldPassword: "Demo@2026", newPassword: password }),
        password,
      ).rejects.toMatchObject(rejected);
    }
    expect(verifyPassword("Demo@2026", row(db, "owner").hash)).toBe(true);
  });

  it("after a reset the user must set a new password before anything else; only who they are and the change answer", async () => {
    const db = cloneDb(w.db);
    await callerOn(db, "township").users.resetPassword({
      id: w.ids.user("branch"),
      password: "Temporary2026",
    });
    const branch = callerOn(db, "branch");
    await expect(branch.members.list({ page: 1, pageSize: 5 })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await expect(branch.dashboard.branch()).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await branch.home.me()).toMatchObject({ username: "branch", mustChangePassword: true });
    await expect(
      branch.account.changePassword({ oldPassword: "Temporary2026", newPassword: "Temporary2026" }),
    ).rejects.toMatchObject(rejected);
    await branch.account.changePassword({ oldPassword: "Temporary2026", newPassword: "MyOwnChoice2026" });
    const after = callerOn(db, "branch");
    expect(await after.home.me()).toMatchObject({ mustChangePassword: false });
    expect((await after.members.list({ page: 1, pageSize: 5 })).rows.length).toBeGreaterThan(0);
  });

  it("an account an administrator created must set its own password; one created by the operator's command line need not", async () => {
    const db = cloneDb(w.db);
    const township = callerOn(db, "township");
    const orgId = (await township.users.targets()).secretaryOrgs[0]!.id;
    await township.users.create({
      username: "newsec",
      displayName: "新任书记",
      password: "Initial2026x",
      role: "secretary",
      orgId,
    });
    const code = db.$client.prepare("select code from orgs where id = ?").pluck().get(orgId) as string;
    await createUser(db, {
      username: "clisec",
      displayName: "命令行书记",
      password: "Initial2026x",
      role: "secretary",
      orgCode: code,
    });
    const as = (username: string) =>
      createCaller(createContext({ db, userId: row(db, username).id, today: TODAY }));
    await expect(as("newsec").dashboard.branch()).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await as("clisec").dashboard.branch()).toBeTruthy();
    // The demo accounts (seeded like the command line's) need not either.
    expect(await callerOn(db, "branch").home.me()).toMatchObject({ mustChangePassword: false });
  });
});
