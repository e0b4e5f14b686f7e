/**
 * The portal under load: built if missing, started with `next start` on 127.0.0.1 with a fresh demo
 * database seeded by the command line — an SQLite file in a temporary folder, or a PostgreSQL 15 server of
 * its own (Debian's, scripts/pg-server.mjs) that several instances share — stopped afterwards.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { repoRoot } from "@liangxin/db/paths";
import { freePort, newInstanceToken, waitForOwnServer } from "../../../../scripts/own-server.mjs";
import { startPgServer } from "../../../../scripts/pg-server.mjs";

export const HOST = "127.0.0.1";

export interface Portal {
  baseURL: string;
  stop: () => Promise<void>;
}

/** The database under load: DATABASE_URL of the portals (a file or postgres://) and its folders. */
export interface LoadDatabase {
  engine: "sqlite" | "postgres";
  url: string;
  /** The temporary folder of the SQLite file, and the instances' shared storage (uploads, exports). */
  dir: string;
  /** Stops the PostgreSQL server (nothing for a file). */
  stop: () => void;
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

/** Migrate and load the demo city with the command line: into a new file, or a new PostgreSQL server. */
export async function seedDemoDatabase(engine: "sqlite" | "postgres"): Promise<LoadDatabase> {
  const root = repoRoot();
  const dir = mkdtempSync(path.join(tmpdir(), "liangxin-load-"));
  const server = engine === "postgres" ? await startPgServer() : null;
  const url = server ? server.url : path.join(dir, "load.db");
  const cli = path.join(root, "apps", "cli", "bin", "liangxin.mjs");
  const env = { ...process.env, DATABASE_URL: url };
  try {
    run(process.execPath, [cli, "migrate"], env, root);
    run(process.execPath, [cli, "seed", "--demo"], env, root);
  } catch (e) {
    server?.stop();
    throw e;
  }
  return { engine, url, dir, stop: () => server?.stop() };
}

/** LOAD_PORT (and the ports after it, one per instance), else a port the system says is free on 127.0.0.1. */
export async function choosePort(instance = 0): Promise<number> {
  if (process.env.LOAD_PORT) return Number(process.env.LOAD_PORT) + instance;
  return freePort();
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    /* gone */
  }
}

/**
 * `next start` on the database; resolves once the login page answers. Instances of one run share the
 * secret their session cookies are signed with and the storage folder, as a deployment's do.
 */
export async function startPortal(database: LoadDatabase, port: number, authSecret: string): Promise<Portal> {
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
        DATABASE_URL: database.url,
        LIANGXIN_STORAGE_DIR: database.dir,
        AUTH_SECRET: authSecret,
        AUTH_TRUST_HOST: "true",
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
        LIANGXIN_INSTANCE: instance,
      },
      stdio: ["ignore", process.env.LOAD_VERBOSE === "1" ? "inherit" : "ignore", "inherit"],
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
  return { baseURL, stop };
}
