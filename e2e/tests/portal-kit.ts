/**
 * A second built portal (`next start`) for specs that need one on a database of their own (health.spec) or
 * with a bad configuration (config.spec): a free port, its own instance token, and its log in the run's
 * log directory (<name>.log) like every server of the run.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { fileURLToPath } from "node:url";
import {
  freePortSync,
  newInstanceToken,
  openServerLog,
  waitForOwnServer,
} from "../../scripts/own-server.mjs";
import { E2E_NOW } from "./clock.ts";
import { LOG_DIR } from "./logs.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "..", "..");
export const cli = path.join(root, "apps", "cli", "bin", "liangxin.mjs");

export interface ExtraPortal {
  baseURL: string;
  logFile: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

/**
 * Migrate and seed the demo city (for the canonical demo day) into a new file with the command line, and
 * checkpoint its WAL into the main file, so that the file can be copied.
 */
export function seedDemoFile(file: string): void {
  const env = { ...process.env, DATABASE_URL: file, LIANGXIN_NOW: E2E_NOW };
  for (const args of [["migrate"], ["seed", "--demo"]]) {
    const r = spawnSync(process.execPath, [cli, ...args], { env, stdio: "ignore" });
    if (r.status !== 0) throw new Error(`liangxin ${args.join(" ")} failed (${r.status})`);
  }
  const db = new Database(file);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
}

function portalEnv(extra: Record<string, string>, instance: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    LIANGXIN_NOW: E2E_NOW,
    LIANGXIN_INSTANCE: instance,
    ...extra,
  };
}

function spawnPortal(name: string, extra: Record<string, string>) {
  if (!existsSync(path.join(root, "apps", "portal", ".next", "BUILD_ID")))
    throw new Error("the portal is not built: npx turbo run build --filter=@liangxin/portal");
  const port = freePortSync();
  const instance = newInstanceToken();
  const log = openServerLog(LOG_DIR, name);
  const child = spawn(
    path.join(root, "node_modules", ".bin", "next"),
    ["start", "-H", "127.0.0.1", "-p", String(port)],
    {
      cwd: path.join(root, "apps", "portal"),
      env: portalEnv(extra, instance),
      stdio: ["ignore", log.fd, log.fd],
      detached: true,
    },
  );
  closeSync(log.fd);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { baseURL: `http://127.0.0.1:${port}`, instance, logFile: log.file, child, exited };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    /* gone */
  }
}

/**
 * Stop a portal's process group: SIGTERM, and SIGKILL if it has not exited after `graceMs`. `next start`
 * shuts down gracefully on SIGTERM and waits for open requests, so a browser that still holds one (a
 * context a test left open) kept a spec's afterAll waiting past its 60 s timeout.
 */
async function stopGroup(child: ChildProcess, exited: Promise<unknown>, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  signalGroup(child, "SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), graceMs)));
  const outcome = await Promise.race([exited, late]);
  clearTimeout(timer);
  if (outcome === "late") {
    signalGroup(child, "SIGKILL");
    await exited;
  }
}

/** Start a portal with these variables and wait until it answers with its own token. */
export async function startExtraPortal(name: string, extra: Record<string, string>): Promise<ExtraPortal> {
  const p = spawnPortal(name, extra);
  const stop = () => stopGroup(p.child, p.exited);
  try {
    await waitForOwnServer(p.baseURL, p.instance, {
      timeoutMs: 60_000,
      exited: () => (p.child.exitCode === null ? false : `next start exited with ${p.child.exitCode}`),
    });
  } catch (e) {
    await stop();
    throw e;
  }
  return { baseURL: p.baseURL, logFile: p.logFile, child: p.child, stop };
}

/**
 * Start a portal that is expected to stop by itself (a bad configuration): its exit code and what it wrote,
 * or a timeout error after `timeoutMs` (the portal is then stopped).
 */
export async function runPortalToExit(
  name: string,
  extra: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ code: number | null; output: string }> {
  const p = spawnPortal(name, extra);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">(
    (resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)),
  );
  const code = await Promise.race([p.exited, timeout]);
  clearTimeout(timer);
  if (code === "timeout") {
    signalGroup(p.child, "SIGKILL");
    throw new Error(`${name}: the portal was still running after ${timeoutMs} ms`);
  }
  return { code, output: readFileSync(p.logFile, "utf8") };
}
