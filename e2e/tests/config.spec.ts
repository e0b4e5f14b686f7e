/**
 * A bad configuration stops the start with a Chinese message naming the variable: the portal's server (its
 * instrumentation hook validates every variable when `next start` starts it), the portal's start script
 * (`npm run start -w @liangxin/portal`: `liangxin config --portal`, then `next start`, which reads PORT) and
 * `npm start` (scripts/start.mjs, whose first step is the same check, before it migrates or builds anything).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { root, runPortalToExit } from "./portal-kit.ts";

const BAD = [
  { name: "PORT", value: "80a" },
  { name: "DATABASE_URL", value: "mysql://liangxin:hunter2@db.example/liangxin" },
] as const;

const tmp = path.join(root, "e2e", ".tmp", "config");

/**
 * Run a command to its end (it must stop by itself): exit code and everything it printed. A command still
 * running after `timeoutMs` is killed with its process group — before the test's own timeout (60 s), or a
 * portal that started when it should have refused would outlive the test and hold its port.
 */
async function runToExit(cmd: string, args: string[], env: Record<string, string>, timeoutMs = 45_000) {
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, AUTH_SECRET: randomBytes(32).toString("base64url"), ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      /* gone */
    }
  }, timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearTimeout(timer);
  return { code, output };
}

test("the portal's server does not start with a bad DATABASE_URL, and says why", async () => {
  const { code, output } = await runPortalToExit("config-DATABASE_URL", {
    DATABASE_URL: "mysql://liangxin:hunter2@db.example/liangxin",
  });
  expect(code).not.toBe(0);
  expect(output).toContain("配置有误,程序未启动");
  expect(output).toContain("环境变量 DATABASE_URL 的值“mysql://liangxin:***@db.example/liangxin”无效");
  expect(output).not.toContain("hunter2");
});

for (const { name, value } of BAD) {
  test(`the portal's start script stops with a bad ${name}`, async () => {
    mkdirSync(tmp, { recursive: true });
    const db = path.join(tmp, `portal-${name}.db`);
    // `next start` would take PORT itself (and overwrite it with the port it listens on): the script checks
    // the whole configuration first.
    const { code, output } = await runToExit("npm", ["run", "start", "-w", "@liangxin/portal"], {
      DATABASE_URL: db,
      [name]: value,
    });
    expect(code).not.toBe(0);
    expect(output).toContain("配置有误,程序未启动");
    expect(output).toContain(`环境变量 ${name} 的值`);
    expect(output).not.toContain("hunter2");
    expect(output).not.toContain("Next.js");
    expect(existsSync(db)).toBe(false);
  });

  test(`npm start stops at its first step with a bad ${name}`, async () => {
    mkdirSync(tmp, { recursive: true });
    const db = path.join(tmp, `start-${name}.db`);
    const { code, output } = await runToExit(process.execPath, [path.join(root, "scripts", "start.mjs")], {
      DATABASE_URL: db,
      [name]: value,
    });
    expect(code).not.toBe(0);
    expect(output).toContain("检查配置");
    expect(output).toContain(`环境变量 ${name} 的值`);
    expect(output).not.toContain("hunter2");
    expect(output).not.toContain("迁移数据库");
    expect(existsSync(db)).toBe(false);
  });
}
