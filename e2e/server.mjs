// Serve the built portal for the end-to-end tests on its own throwaway database with the demo city, on the
// free port and with the instance token that playwright.config.ts chose (E2E_PORT, LIANGXIN_INSTANCE), and
// with the clock pinned (LIANGXIN_NOW): the CLI seeds the demo for the pinned day. The portal's log goes to
// portal.log in the run's log directory (E2E_LOG_DIR, the specs read it); LIANGXIN_FAULT_TOKEN lets a spec
// make a procedure fail. With E2E_DATABASE=postgres the demo is seeded into a PostgreSQL 15 server of its own
// (scripts/pg-server.mjs, stopped with the portal) instead of an SQLite file: the pages' specs that only talk
// to the portal (walk, roles, …) then run on PostgreSQL; those that open e2e.db themselves do not apply.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openServerLog } from "../scripts/own-server.mjs";
import { startPgServer } from "../scripts/pg-server.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const tmp = path.join(here, ".tmp");
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

const pgServer = process.env.E2E_DATABASE === "postgres" ? await startPgServer() : null;
const env = {
  ...process.env,
  DATABASE_URL: pgServer ? pgServer.url : path.join(tmp, "e2e.db"),
  ...(pgServer ? { LIANGXIN_STORAGE_DIR: tmp } : {}),
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  AUTH_TRUST_HOST: "true",
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
};
const cli = path.join(root, "apps", "cli", "bin", "liangxin.mjs");
for (const args of [["migrate"], ["seed", "--demo"]]) {
  const r = spawnSync(process.execPath, [cli, ...args], { env, stdio: "inherit" });
  if (r.status !== 0) {
    pgServer?.stop();
    process.exit(r.status ?? 1);
  }
}
const port = process.env.E2E_PORT;
const logDir = process.env.E2E_LOG_DIR;
if (!port || !process.env.LIANGXIN_INSTANCE || !process.env.LIANGXIN_NOW || !logDir) {
  console.error(
    "server.mjs: E2E_PORT, LIANGXIN_INSTANCE, LIANGXIN_NOW and E2E_LOG_DIR come from playwright.config.ts",
  );
  process.exit(2);
}
const log = openServerLog(logDir, "portal");
const server = spawn(
  path.join(root, "node_modules", ".bin", "next"),
  ["start", "-H", "127.0.0.1", "-p", port],
  {
    cwd: path.join(root, "apps", "portal"),
    env,
    stdio: ["ignore", log.fd, log.fd],
    detached: true,
  },
);
const stop = () => {
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    /* gone */
  }
  pgServer?.stop();
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
process.on("exit", stop);
server.on("exit", (code) => process.exit(code ?? 0));
