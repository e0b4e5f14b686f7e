/**
 * Runs last (file order): the log of every server this run started — the suite's portal (server.mjs), the
 * crash spec's portals, health.spec's and config.spec's — exists, is not empty, and holds no valid citizen ID
 * (GB 11643), no password the suite typed, no password field value and no session token.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { jsonLines, leaksIn, LOG_DIR, PORTAL_LOG, serverLogs } from "./logs.ts";

test("the scan finds what it looks for", () => {
  expect(leaksIn(`{"msg":"登录","password":"hunter22"}`)).toContain("字段 password 的值");
  expect(leaksIn("GET /members?q=11010519491231002X")).toContain("公民身份号码 11010519491231002X");
  expect(leaksIn("input=%7B%22q%22%3A%2211010519491231002X%22%7D")).not.toEqual([]);
  expect(leaksIn("username=city&password=Demo%402026")).not.toEqual([]);
  expect(leaksIn("cookie: authjs.session-token=abc.def")).toContain("会话令牌");
  expect(leaksIn(`{"password":"[已隐去]","q":"110105********002X","n":"123456789012345678"}`)).toEqual([]);
});

test("every server's log exists, is not empty, and leaks nothing", () => {
  const files = serverLogs();
  expect(files).toContain(PORTAL_LOG);
  // This run's directory only (no earlier run's log), and every log in it was noted in the index.
  expect(files.every((f) => path.dirname(f) === LOG_DIR)).toBe(true);
  const inDir = readdirSync(LOG_DIR)
    .filter((f) => f.endsWith(".log"))
    .map((f) => path.join(LOG_DIR, f));
  expect(inDir.sort()).toEqual([...files].sort());
  const leaks: string[] = [];
  for (const file of files) {
    expect(existsSync(file), file).toBe(true);
    expect(statSync(file).size, file).toBeGreaterThan(0);
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, i) => {
        for (const leak of leaksIn(line)) leaks.push(`${path.basename(file)}:${i + 1}: ${leak}`);
      });
  }
  expect(leaks).toEqual([]);
  // They are the structured logs of the portal: its start line, and request lines with id, status, duration.
  expect(jsonLines(PORTAL_LOG).some((l) => l.msg === "门户已启动")).toBe(true);
  const requests = files.flatMap(jsonLines).filter((l) => l.msg === "请求");
  expect(requests.length).toBeGreaterThan(0);
  for (const l of requests.slice(0, 50)) {
    expect(l.requestId).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(typeof l.status).toBe("number");
    expect(typeof l.durationMs).toBe("number");
  }
});
