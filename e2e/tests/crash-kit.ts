/**
 * Helpers of the crash-safety spec: a pristine demo database, the built portal (`next start`) started on a
 * copy of it, sign-in over HTTP, SIGKILL of the whole process tree (next, next-server and any import worker
 * it spawned) and the integrity checks run on the database file afterwards.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { expect, request, type APIRequestContext } from "@playwright/test";
import {
  freePortSync,
  newInstanceToken,
  openServerLog,
  waitForOwnServer,
} from "../../scripts/own-server.mjs";
import { E2E_NOW } from "./clock.ts";
import { seedDemoFile } from "./portal-kit.ts";
import { DEMO_PASSWORD } from "./helpers.ts";
import { LOG_DIR } from "./logs.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "..", "..");
/** Everything of this spec lives here (removed at the start of each run). */
export const crashDir = path.join(here, "..", ".tmp", "crash");
export const pristineFile = path.join(crashDir, "pristine.db");
/** Each portal's log: crash-<n>.log in the run's log directory (zz-logs.spec.ts checks them). */
let portals = 0;

/**
 * One port for every portal of the run (the system's choice, or CRASH_PORT), so that a session survives a
 * restart; each portal has its own instance token, and only a portal echoing it counts as started.
 */
export const crashPort = Number(process.env.CRASH_PORT ?? freePortSync());
const baseURL = `http://127.0.0.1:${crashPort}`;
/** One signing secret for every portal of the run: a session survives a restart, as in production. */
const authSecret = randomBytes(32).toString("base64url");

/** Migrate and seed the demo city into a fresh file with the command line (once per run). */
export function seedPristine(): void {
  rmSync(crashDir, { recursive: true, force: true });
  mkdirSync(crashDir, { recursive: true });
  seedDemoFile(pristineFile);
}

/** A throwaway copy of the pristine database for one iteration. */
export function freshCopy(name: string): string {
  const file = path.join(crashDir, `${name}.db`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  copyFileSync(pristineFile, file);
  return file;
}

/** Remove an iteration's copy once its checks passed (a failed one stays for a look). */
export function discard(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}

/** Open the database file after a crash (the first connection recovers the WAL), run `fn`, close. */
export function withDb<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** `PRAGMA integrity_check` and `foreign_key_check` on the file: both must be clean. */
export function expectIntact(file: string, label: string): void {
  withDb(file, (db) => {
    expect(db.pragma("integrity_check", { simple: true }), `${label}: integrity_check`).toBe("ok");
    expect(db.pragma("foreign_key_check"), `${label}: foreign_key_check`).toEqual([]);
  });
}

/** Parent pid of every process, read from /proc (Linux). */
function parentOf(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // pid (comm) state ppid …: comm may contain spaces and parentheses, so split after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(Number(name), Number(fields[1]));
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

/** `pid` and all its descendants, whatever session or process group they moved to. */
export function processTree(pid: number): number[] {
  const parents = parentOf();
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    for (const [child, parent] of parents) if (parent === tree[i] && !tree.includes(child)) tree.push(child);
  }
  return tree;
}

/** Processes started from this spec's directory that are not in the tree any more (e.g. a worker whose
 *  parent died between listing and killing): their command line names a file under crashDir. */
function strays(): number[] {
  const out: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, "utf8").includes(crashDir)) out.push(Number(name));
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}

function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

export interface Portal {
  baseURL: string;
  /** The database file it serves. */
  dbFile: string;
  child: ChildProcess;
  exited: Promise<void>;
  /**
   * SIGKILL to every process of the tree at once; resolves when none is left. Returns the pids killed.
   * With `serverOnly`, an import worker (`import-job`) is spared: it runs detached from the portal.
   */
  crash: (opts?: { serverOnly?: boolean }) => Promise<number[]>;
}

/** Start the built portal on `dbFile` and wait until it serves the login page. */
export async function startPortal(dbFile: string, extraEnv: Record<string, string> = {}): Promise<Portal> {
  if (!existsSync(path.join(root, "apps", "portal", ".next", "BUILD_ID")))
    throw new Error("the portal is not built: npx turbo run build --filter=@liangxin/portal");
  const instance = newInstanceToken();
  const log = openServerLog(LOG_DIR, `crash-${process.pid}-${++portals}`);
  const child = spawn(
    path.join(root, "node_modules", ".bin", "next"),
    ["start", "-H", "127.0.0.1", "-p", String(crashPort)],
    {
      cwd: path.join(root, "apps", "portal"),
      env: {
        ...process.env,
        DATABASE_URL: dbFile,
        AUTH_SECRET: authSecret,
        AUTH_TRUST_HOST: "true",
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
        LIANGXIN_NOW: E2E_NOW,
        LIANGXIN_INSTANCE: instance,
        ...extraEnv,
      },
      stdio: ["ignore", log.fd, log.fd],
      detached: true,
    },
  );
  closeSync(log.fd); // the child holds its own copy
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const crash = async (opts: { serverOnly?: boolean } = {}) => {
    const spared = (pid: number) => opts.serverOnly === true && cmdline(pid).includes("import-job");
    const killAll = (list: number[]) => {
      for (const pid of list) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          /* already gone */
        }
      }
    };
    const pids = [...new Set([...processTree(child.pid!), ...strays()])].filter((pid) => !spared(pid));
    killAll(pids);
    await exited;
    // A worker the portal was forking at the moment of the kill appears only afterwards (reparented, its
    // command line set by exec): "everything" includes it, so the kill goes on in rounds until no new
    // process of this spec's files is left (a crash of the machine would take it too).
    for (let round = 0; round < 20; round++) {
      await new Promise((r) => setTimeout(r, 50));
      const late = strays().filter((pid) => alive(pid) && !spared(pid) && !pids.includes(pid));
      if (late.length === 0) break;
      pids.push(...late);
      killAll(late);
    }
    for (let i = 0; i < 500 && pids.some(alive); i++) await new Promise((r) => setTimeout(r, 10));
    expect(pids.filter(alive), "processes left after SIGKILL").toEqual([]);
    if (!opts.serverOnly) expect(strays().filter(alive), "workers left after SIGKILL").toEqual([]);
    return pids;
  };
  try {
    await waitForOwnServer(baseURL, instance, {
      timeoutMs: 60_000,
      exited: () => (child.exitCode === null ? false : `next start exited with ${child.exitCode}`),
    });
  } catch (e) {
    await crash();
    throw e;
  }
  return { baseURL, dbFile, child, exited, crash };
}

/** Sign in through Auth.js's credentials endpoint; the returned context carries the session cookie. */
export async function signIn(portal: Portal, username: string): Promise<APIRequestContext> {
  // Origin on every request, as a page of the portal sends it: other origins are refused (issue 16).
  const ctx = await request.newContext({
    baseURL: portal.baseURL,
    extraHTTPHeaders: { origin: portal.baseURL },
  });
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await ctx.post("/api/auth/callback/credentials", {
    form: { csrfToken, username, password: DEMO_PASSWORD, callbackUrl: `${portal.baseURL}/` },
    maxRedirects: 0,
  });
  expect(res.status(), `sign-in of ${username}`).toBeLessThan(400);
  const me = await ctx.get("/api/trpc/home.me");
  expect(me.status(), `session of ${username}`).toBe(200);
  return ctx;
}

const sessions = new Map<string, APIRequestContext>();

/**
 * The user's signed-in context on a database file: signed in once, then reused by every later portal on
 * that file (a restart after a crash keeps the session, which is a row of the file: issue 16). A fresh copy
 * of the database knows no session, so it gets its own sign-in.
 */
export async function session(portal: Portal, username: string): Promise<APIRequestContext> {
  const key = `${portal.dbFile}\n${username}`;
  let ctx = sessions.get(key);
  if (!ctx) sessions.set(key, (ctx = await signIn(portal, username)));
  return ctx;
}

export async function disposeSessions(): Promise<void> {
  await Promise.all([...sessions.values()].map((c) => c.dispose()));
  sessions.clear();
}

/** A tRPC query over HTTP (superjson envelope), as the portal's pages call it. */
export async function trpcQuery<T>(ctx: APIRequestContext, proc: string, input: unknown): Promise<T> {
  const q = encodeURIComponent(JSON.stringify({ json: input }));
  const res = await ctx.get(`/api/trpc/${proc}?input=${q}`);
  expect(res.status(), `${proc}: ${await res.text()}`).toBe(200);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A uniformly random integer in [lo, hi]. */
export const between = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo + 1));
