/**
 * Pages served again (response-cache.ts), over a real HTTP server and a real SQLite file: a page is
 * rendered once and served again while nothing was written, rendered anew after a write through another
 * connection (as another portal process, the command line or an import would), and never served to a
 * session that ended or went quiet, on another day, or when its answer set a cookie or was not a 200.
 * The "page" here is a small renderer that reads the database, so that a stale answer shows.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeDb, migrateDb, openDb, type Db } from "@liangxin/db/driver";
import { sessions, users } from "@liangxin/db/schema";
import { sessionSteadyUntil, startSession } from "@liangxin/db/auth";
import { sqliteWriteMark } from "@liangxin/db/write-mark";
import { fixedClock, setClock } from "@liangxin/domain";
import { CACHE_HEADER, createResponseCache, type ResponseCache } from "./response-cache.ts";

const SECRET = "a-test-secret-of-enough-length-0123456789";
const COOKIE = "authjs.session-token";
const T0 = "2026-12-03T10:00:00+08:00";

let dir: string;
let file: string;
/** The portal's own connection (reads the page, as the port would). */
let db: Db;
/** Another writer: another process, the command line. */
let other: Db;
let cache: ResponseCache;
let server: http.Server;
let base: string;
let renders = 0;
/** What the next render does besides reading (a render that writes, a cookie, a status). */
let renderExtra: ((res: http.ServerResponse) => unknown) | null = null;
let restoreClock: () => void;
/** How long a render takes. */
let renderMs = 0;

const setNow = (iso: string) => {
  restoreClock();
  restoreClock = setClock(fixedClock(iso));
};

async function userIn(target: Db, username: string): Promise<number> {
  const [row] = await target
    .insert(users)
    .values({
      username,
      displayName: username,
      passwordHash: "x",
      role: "admin",
      createdAt: new Date(T0).toISOString(),
    })
    .returning({ id: users.id });
  return row!.id;
}

/** A signed-in browser's cookie: a session row and its Auth.js token. */
let signedIn = 0;
async function signIn(username: string): Promise<string> {
  const userId = await userIn(db, `${username}${++signedIn}`);
  const sid = await startSession(db, { userId, userAgent: null, clientAddress: null }, new Date(T0));
  const token = await encode({ token: { sub: String(userId), sid }, secret: SECRET, salt: COOKIE });
  return `${COOKIE}=${token}`;
}

async function get(url: string, cookie?: string): Promise<{ status: number; cache?: string; body: string }> {
  const res = await fetch(base + url, { headers: cookie ? { cookie } : {} });
  return { status: res.status, cache: res.headers.get(CACHE_HEADER) ?? undefined, body: await res.text() };
}

/** The kept answers are stored after the response ends: wait until the cache holds `n`. */
async function kept(n: number): Promise<void> {
  for (let i = 0; i < 100 && cache.size().entries < n; i++) await new Promise((r) => setTimeout(r, 10));
  expect(cache.size().entries).toBe(n);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "lx-response-cache-"));
  file = path.join(dir, "portal.db");
  db = openDb(file);
  migrateDb(db);
  other = openDb(file);
  /** The page: the users' names, read from the database (and whatever the test adds). */
  const render = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    renders++;
    const names = (await db.select({ username: users.username }).from(users)).map((u) => u.username);
    res.setHeader("content-type", "text/html; charset=utf-8");
    await renderExtra?.(res);
    res.write(`<p>${req.url}</p>`);
    // A page that takes a while streams its end later.
    setTimeout(() => res.end(`<p>users: ${names.join(",")}</p>`), renderMs);
  };
  server = http.createServer((req, res) => {
    void cache.handle(req, res, () => void render(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  closeDb(db);
  closeDb(other);
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  restoreClock = setClock(fixedClock(T0));
  renders = 0;
  renderExtra = null;
  renderMs = 0;
  cache = createResponseCache({
    mark: () => sqliteWriteMark(file),
    steady: (sid, now) => sessionSteadyUntil(db, sid, now),
    secret: SECRET,
  });
});

afterEach(() => {
  cache.close();
  restoreClock();
});

describe("pages served again", () => {
  it("a page is rendered once and served again, byte for byte, to the same session only", async () => {
    const alice = await signIn("alice");
    const first = await get("/hosts?page=2", alice);
    expect(first).toMatchObject({ status: 200, cache: "miss" });
    await kept(1);
    const second = await get("/hosts?page=2", alice);
    expect(second).toEqual({ ...first, cache: "hit" });
    expect(renders).toBe(1);
    // Another session (another user, or the same user in another browser) has its own.
    const bob = await signIn("bob");
    expect((await get("/hosts?page=2", bob)).cache).toBe("miss");
    // Another URL too.
    expect((await get("/hosts?page=3", alice)).cache).toBe("miss");
    expect(renders).toBe(3);
  });

  it("a write through another connection is seen at once: the page is rendered anew", async () => {
    const alice = await signIn("alice");
    await get("/", alice);
    await kept(1);
    expect((await get("/", alice)).cache).toBe("hit");
    await userIn(other, "carol");
    const after = await get("/", alice);
    expect(after.cache).toBe("miss");
    expect(after.body).toContain("carol");
    await kept(1);
    expect(await get("/", alice)).toEqual({ ...after, cache: "hit" });
  });

  it("a session that ended is never served a kept page; nor one due for its last-seen write, nor another day", async () => {
    const alice = await signIn("alice");
    await get("/orgs", alice);
    await kept(1);
    // A minute later the session is due for its last-seen write (the render makes it): rendered anew.
    setNow("2026-12-03T10:01:00+08:00");
    expect((await get("/orgs", alice)).cache).toBe("miss");
    // The next day: rendered anew (the page's "today" moved).
    setNow("2026-12-04T10:00:30+08:00");
    expect((await get("/orgs", alice)).cache).toBe("miss");
    // Signed out (through another process): the session row is gone, nothing is kept for it.
    setNow(T0);
    await get("/orgs", alice);
    await kept(1);
    await other.delete(sessions);
    expect((await get("/orgs", alice)).cache).toBe("miss");
    expect((await get("/orgs", alice)).cache).toBe("miss");
    expect(cache.size().entries).toBe(0);
  });

  it("keeps only a 200 without a cookie, of a listed page, for a signed-in GET; a render that writes is not kept", async () => {
    const alice = await signIn("alice");
    renderExtra = (res) => res.setHeader("set-cookie", "x=1");
    await get("/members", alice);
    renderExtra = (res) => (res.statusCode = 404);
    await get("/members/99", alice);
    renderExtra = () => userIn(db, "audited");
    await get("/instructors", alice);
    renderExtra = null;
    // Not a listed page; not signed in; not a GET.
    expect((await get("/audit", alice)).cache).toBeUndefined();
    expect((await get("/hosts")).cache).toBeUndefined();
    const post = await fetch(`${base}/hosts`, { method: "POST", headers: { cookie: alice }, body: "x" });
    expect(post.headers.get(CACHE_HEADER)).toBeNull();
    await new Promise((r) => setTimeout(r, 100));
    expect(cache.size().entries).toBe(0);
    expect(renders).toBe(6);
  });

  it("a burst of the same request is rendered once: the others wait for it and are served what it kept", async () => {
    const alice = await signIn("alice");
    renderMs = 200;
    const answers = await Promise.all(Array.from({ length: 6 }, () => get("/work", alice)));
    expect(renders).toBe(1);
    expect(answers.map((a) => a.cache).sort()).toEqual(["hit", "hit", "hit", "hit", "hit", "miss"]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    // A render that keeps nothing (it wrote): each waiter renders in turn, at most twice waiting.
    renderExtra = () => userIn(other, `writer${renders}`);
    await Promise.all(Array.from({ length: 3 }, () => get("/analysis", alice)));
    expect(renders).toBe(4);
  });

  it("a forged or foreign token is rendered (and refused by the page), never served", async () => {
    const alice = await signIn("alice");
    const forged = `${COOKIE}=${await encode({ token: { sub: "1", sid: "nope" }, secret: SECRET, salt: COOKIE })}`;
    await get("/hosts", forged);
    await get("/hosts", `${COOKIE}=garbage`);
    await new Promise((r) => setTimeout(r, 100));
    expect(cache.size().entries).toBe(0);
    // The real one is kept; a request with the same URL and another cookie does not get it.
    await get("/hosts", alice);
    await kept(1);
    expect((await get("/hosts", `${alice}; theme=dark`)).cache).toBe("miss");
  });
});
