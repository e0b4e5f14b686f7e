import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import { freePortSync, newInstanceToken, ownHealthURL } from "../scripts/own-server.mjs";
import { E2E_NOW } from "./tests/clock.ts";

// A port the system says is free and a token for this run, chosen once by the runner: the workers load
// this file again and inherit the runner's environment, so they see the same values.
process.env.E2E_PORT ??= String(freePortSync());
process.env.E2E_INSTANCE ??= newInstanceToken();
// A procedure whose input contains this text fails (errors.spec.ts follows it to the log).
process.env.E2E_FAULT_TOKEN ??= `fault-${newInstanceToken()}`;
// Every server this run starts writes its log here (zz-logs.spec.ts scans them all at the end): a directory
// of this run only, so that no log of an earlier or a concurrent run is scanned or mistaken for this one's.
process.env.E2E_LOG_DIR ??= path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  ".tmp",
  "logs",
  `run-${process.env.E2E_INSTANCE}`,
);
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: "./tests",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  outputDir: "./test-results",
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    // The browser asks for reduced motion, as some users' systems do; the portal then opens and closes its
    // menus and confirmations without animation, so no step waits on an animation's end (a confirmation
    // still showing 15 s after 确定 failed CI once, on a loaded machine).
    reducedMotion: "reduce",
    // No trace unless asked for (E2E_TRACE=retain-on-failure, or on): recording one for every test, kept or
    // not, cost about a third of the suite's time (Chromium's screencast and DOM snapshots at every step;
    // walk.spec's city walk took 1.7 min with it and 1.2 min without). A failure still leaves its screenshot
    // and Playwright's error context (the page's accessibility snapshot at the failing step).
    trace: (process.env.E2E_TRACE as "on" | "off" | "retain-on-failure" | undefined) ?? "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // The browser is the user's machine, not the product: it never runs under scripts/date-matrix.sh's
      // faked clock (with libfaketime preloaded, Chromium's sign-in never finished, then it failed to start).
      env: Object.fromEntries(
        Object.entries(process.env).filter(([k]) => k !== "LD_PRELOAD" && !k.startsWith("FAKETIME")),
      ) as Record<string, string>,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    // The portal's clock is pinned to the canonical demo day, and the demo is seeded for that day.
    command: "node server.mjs",
    env: {
      LIANGXIN_NOW: E2E_NOW,
      LIANGXIN_INSTANCE: process.env.E2E_INSTANCE,
      LIANGXIN_FAULT_TOKEN: process.env.E2E_FAULT_TOKEN,
      E2E_PORT: process.env.E2E_PORT,
      E2E_LOG_DIR: process.env.E2E_LOG_DIR,
    },
    // Answers 200 only from the server started with this run's token.
    url: ownHealthURL(baseURL, process.env.E2E_INSTANCE),
    timeout: 180_000,
    reuseExistingServer: false,
    // next-server starts its own session: stop it through server.mjs, which forwards the signal.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "ignore",
    stderr: "pipe",
  },
});
