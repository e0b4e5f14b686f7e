/**
 * The portal under load: built if missing, started with `next start` on 127.0.0.1 with a fresh demo
 * database seeded by the command line into a temporary folder, stopped afterwards.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { repoRoot } from "@liangxin/db/paths";
import { freePort, newInstanceToken, waitForOwnServer } from "../../../../scripts/own-server.mjs";

export const HOST = "127.0.0.1";

export interface Portal {
  baseURL: string;
  dbFile: string;
  dir: string;
  stop: () => Promise<void>;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): void {
  const r = spawnSync(cmd, args, { env, cwd, stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(" ")} failed (exit ${r.status})`);
}

/** Build the portal when there is no production build yet (not counted in the run's time). */
export function ensureBuilt(): void {
  const root = repoRoot();
  if (existsSync(path.join(root, "apps", "portal", ".next", "BUILD_ID"))) return;
  console.log("未找到门户的生产构建,先构建(npx turbo run build --filter=@liangxin/portal)…");
  const r = spawnSync("npx", ["turbo", "run", "build", "--filter=@liangxin/portal"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error("门户构建失败");
}

/** Migrate and load the demo city into a new file with the command line. */
export function seedDemoDatabase(): { dir: string; dbFile: string } {
  const root = repoRoot();
  const dir = mkdtempSync(path.join(tmpdir(), "liangxin-load-"));
  const dbFile = path.join(dir, "load.db");
  const cli = path.join(root, "apps", "cli", "bin", "liangxin.mjs");
  const env = { ...process.env, DATABASE_URL: dbFile };
  run(process.execPath, [cli, "migrate"], env, root);
  run(process.execPath, [cli, "seed", "--demo"], env, root);
  return { dir, dbFile };
}

/** LOAD_PORT, else a port the system says is free on 127.0.0.1. */
export async function choosePort(): Promise<number> {
  if (process.env.LOAD_PORT) return Number(process.env.LOAD_PORT);
  return freePort();
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    /* gone */
  }
}

/** `next start` on the database file; resolves once the login page answers. */
export async function startPortal(dbFile: string, dir: string, port: number): Promise<Portal> {
  const root = repoRoot();
  const baseURL = `http://${HOST}:${port}`;
  const instance = newInstanceToken();
  const child = spawn(
    path.join(root, "node_modules", ".bin", "next"),
    ["start", "-H", HOST, "-p", String(port)],
    {
      cwd: path.join(root, "apps", "portal"),
      env: {
        ...process.env,
        DATABASE_URL: dbFile,
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        AUTH_TRUST_HOST: "true",
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
        LIANGXIN_INSTANCE: instance,
      },
      stdio: ["ignore", "ignore", "inherit"],
      // Its own process group, so that stopping it stops next-server too.
      detached: true,
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    // Only the portal that echoes this run's token counts as started (not another program on the port).
    await waitForOwnServer(baseURL, instance, {
      timeoutMs: 60_000,
      exited: () => (child.exitCode === null ? false : `next start 退出(${child.exitCode})`),
    });
  } catch (e) {
    await stop();
    throw e;
  }
  return { baseURL, dbFile, dir, stop };
}
