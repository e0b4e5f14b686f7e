#!/usr/bin/env node
// `npm start`: build the command line, migrate the embedded database, load the demo city into an empty
// one, build the portal and serve it on http://127.0.0.1:3000 with one process per core (apps/portal/server.mjs; set
// LIANGXIN_PORTAL_PROCESSES to choose). Generates a local AUTH_SECRET on first start (never committed).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const port = process.env.PORT ?? "3000";

function authSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(root, "data", ".auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  console.log("已生成本机登录密钥 data/.auth-secret");
  return secret;
}

const env = {
  ...process.env,
  PORT: port,
  AUTH_SECRET: authSecret(),
  AUTH_TRUST_HOST: "true",
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
  // The command line and the portal's import and export workers run the CLI's build (apps/cli/dist), never
  // the TypeScript sources through tsx.
  LIANGXIN_CLI: "build",
};

function run(label, cmd, args, cwd = root) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { cwd, env, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`✖ ${label} 失败(退出码 ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

const cli = path.join(root, "apps", "cli", "bin", "liangxin.mjs");
run("构建命令行", bin("turbo"), ["run", "build", "--filter=@liangxin/cli", "--output-logs=errors-only"]);
// A bad PORT, DATABASE_URL or any other variable stops the start here, before anything is migrated or built.
run("检查配置", process.execPath, [cli, "config", "--portal"]);
run("迁移数据库", process.execPath, [cli, "migrate"]);
run("检查演示数据(仅在空数据库中载入)", process.execPath, [cli, "seed", "--demo", "--if-empty"]);
run("构建门户", bin("turbo"), ["run", "build", "--filter=@liangxin/portal", "--output-logs=errors-only"]);
run("演示账号", process.execPath, [cli, "demo-accounts"]);

console.log(`\n▶ 启动门户:http://127.0.0.1:${port}(日志为 JSON 行;更易读:npm start | npx pino-pretty)\n`);
// `next start` is one process (one core) with no cluster mode: server.mjs forks one Next.js server per core
// on the same port (node:cluster), and stops them all gracefully on SIGTERM or SIGINT.
const server = spawn(process.execPath, ["server.mjs", "-H", "127.0.0.1", "-p", port], {
  cwd: path.join(root, "apps", "portal"),
  env,
  stdio: "inherit",
  detached: true,
});
const stop = (signal) => {
  try {
    process.kill(-server.pid, signal);
  } catch {
    /* already gone */
  }
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
server.on("exit", (code) => process.exit(code ?? 0));
