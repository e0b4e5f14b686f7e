/**
 * The BUILT portal on 127.0.0.1 against a scale database, served as `npm start` serves it (apps/portal/
 * server.mjs: one process per core, or `processes`), the CPU time its processes spend, and a real Auth.js
 * credentials login over HTTP (GET /api/auth/csrf, POST /api/auth/callback/credentials).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  freePort as freeSystemPort,
  newInstanceToken,
  waitForOwnServer,
} from "../../../../scripts/own-server.mjs";
import { BENCH_DIR } from "./dbs.ts";
import { assertOk, log, ROOT, runNode } from "./util.ts";

export const PORTAL_DIR = path.join(ROOT, "apps", "portal");
const SERVER = path.join(PORTAL_DIR, "server.mjs");

/** Build the portal through turbo (a cache hit when nothing changed since the last build). */
export async function buildPortal(force: boolean): Promise<void> {
  const built = existsSync(path.join(PORTAL_DIR, ".next", "BUILD_ID"));
  if (built && !force) return;
  log(built ? "building the portal (turbo; cached when unchanged) …" : "no .next: building the portal …");
  const turbo = path.join(ROOT, "node_modules", "turbo", "bin", "turbo");
  const r = await runNode([turbo, "run", "build", "--filter=@liangxin/portal", "--output-logs=errors-only"], {
    env: { TURBO_TELEMETRY_DISABLED: "1" },
    showProgress: true,
  });
  assertOk("portal build", r);
  log(`portal built in ${(r.wallMs / 1000).toFixed(0)} s`);
}

/** A port the system says is free on 127.0.0.1 (never a fixed range: another program may hold it). */
export async function freePort(): Promise<number> {
  return freeSystemPort();
}

export interface Portal {
  url: string;
  port: number;
  logFile: string;
  /** The CPU time (user + system, ms) the portal's processes have used so far (NaN off Linux). */
  cpuMs(): number;
  stop(): Promise<void>;
}

let clockTicks: number | undefined;
/** Clock ticks per second of /proc's CPU times. */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/**
 * The CPU time (ms) of every live process of the process group `pgid` (the portal started detached leads
 * its own group: the primary and its workers). Read from /proc; NaN where there is none.
 */
export function groupCpuMs(pgid: number): number {
  if (!existsSync("/proc/self/stat")) return NaN;
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    // After "(comm)": state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime …
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== pgid) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / ticksPerSecond();
}

export interface PortalOptions {
  /** Processes of the portal (LIANGXIN_PORTAL_PROCESSES); by default server.mjs's own (one per core). */
  processes?: number;
  /** The secret of the session cookies: instances of one deployment share it. */
  authSecret?: string;
  /** Storage folder (uploads, exports) shared by the instances of one deployment. */
  storageDir?: string;
  /** Whether pages asked again are served as kept (LIANGXIN_PAGE_CACHE; on by default, as in production). */
  pageCache?: boolean;
}

/** The portal on `database` (an SQLite file or a postgres:// URL), served by apps/portal/server.mjs. */
export async function startPortal(database: string, port: number, o: PortalOptions = {}): Promise<Portal> {
  const logFile = path.join(BENCH_DIR, `portal-${port}.log`);
  const out = createWriteStream(logFile);
  const instance = newInstanceToken();
  const child: ChildProcess = spawn(process.execPath, [SERVER, "-H", "127.0.0.1", "-p", String(port)], {
    cwd: PORTAL_DIR,
    env: {
      ...process.env,
      DATABASE_URL: database,
      AUTH_SECRET: o.authSecret ?? randomBytes(32).toString("base64url"),
      ...(o.processes ? { LIANGXIN_PORTAL_PROCESSES: String(o.processes) } : {}),
      ...(o.storageDir ? { LIANGXIN_STORAGE_DIR: o.storageDir } : {}),
      LIANGXIN_PAGE_CACHE: o.pageCache === false ? "0" : "1",
      AUTH_TRUST_HOST: "true",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      LIANGXIN_INSTANCE: instance,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  let exited = false;
  child.on("exit", () => (exited = true));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    }, 5000);
    await gone;
    clearTimeout(timer);
  };
  try {
    // Only the portal that echoes this run's token counts as started (not another program on the port).
    await waitForOwnServer(url, instance, {
      timeoutMs: 120_000,
      exited: () => (exited ? `the portal exited early; see ${logFile}` : false),
    });
  } catch (e) {
    await stop();
    throw e;
  }
  const pgid = child.pid!;
  return { url, port, logFile, cpuMs: () => groupCpuMs(pgid), stop };
}

function cookiesOf(res: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(";")[0] ?? "";
    const eq = pair.indexOf("=");
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return jar;
}

const header = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Sign in through Auth.js credentials; the cookie header of the session. */
export async function login(url: string, username: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    // The portal refuses a POST whose Origin is not its own.
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(jar), origin: url },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${url}/` }).toString(),
  });
  await res.arrayBuffer();
  for (const [k, v] of cookiesOf(res)) jar.set(k, v);
  const location = res.headers.get("location") ?? "";
  const session = [...jar.keys()].find((k) => k.includes("session-token"));
  if (!session || location.includes("error")) {
    throw new Error(`login as ${username} failed (status ${res.status}, location ${location})`);
  }
  return header(new Map([[session, jar.get(session)!]]));
}
