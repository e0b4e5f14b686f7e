import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  CLI_VARIABLES,
  cliEnv,
  ConfigError,
  describeEnv,
  portalEnv,
  PORTAL_VARIABLES,
  variableNames,
} from "../src/env.ts";
import { tracingSettings } from "../src/tracing-settings.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const SECRET = "x".repeat(32);

function problemsOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).message;
  }
  throw new Error("no ConfigError");
}

describe("validation", () => {
  it("takes the defaults and converts values", () => {
    const env = portalEnv({ AUTH_SECRET: SECRET, PORT: "3210", LIANGXIN_FAULT_IMPORT_PAUSE_MS: "250" });
    expect(env.PORT).toBe(3210);
    expect(env.LOG_LEVEL).toBe("info");
    expect(env.NODE_ENV).toBe("development");
    expect(env.LIANGXIN_FAULT_IMPORT_PAUSE_MS).toBe(250);
    expect(portalEnv({ AUTH_SECRET: SECRET }).PORT).toBe(3000);
    expect(portalEnv({ AUTH_SECRET: SECRET, PORT: "" }).PORT).toBe(3000);
  });

  it("names each bad variable and its value in Chinese, one line each", () => {
    const text = problemsOf(() =>
      portalEnv({ AUTH_SECRET: SECRET, PORT: "80a", LOG_LEVEL: "loud", LIANGXIN_NOW: "2026-13-01" }),
    );
    expect(text).toContain("环境变量 PORT 的值“80a”无效:须为 1–65535 之间的整数端口号");
    expect(text).toContain("环境变量 LOG_LEVEL 的值“loud”无效");
    expect(text).toContain("环境变量 LIANGXIN_NOW 的值“2026-13-01”无效");
    expect(text).toContain("docs/configuration.md");
    expect(problemsOf(() => portalEnv({ AUTH_SECRET: SECRET, PORT: "70000" }))).toContain("PORT");
    expect(problemsOf(() => portalEnv({ AUTH_SECRET: SECRET, PORT: "0" }))).toContain("PORT");
  });

  it("checks the OpenTelemetry variables: known exporters only, headers never shown", () => {
    for (const ok of ["console", "otlp", "none", "console, otlp"])
      expect(cliEnv({ OTEL_TRACES_EXPORTER: ok }).OTEL_TRACES_EXPORTER).toBe(ok);
    expect(problemsOf(() => cliEnv({ OTEL_TRACES_EXPORTER: "jaeger" }))).toContain(
      "环境变量 OTEL_TRACES_EXPORTER 的值“jaeger”无效",
    );
    expect(problemsOf(() => cliEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" }))).toContain(
      "OTEL_EXPORTER_OTLP_ENDPOINT",
    );
    const headers = problemsOf(() => portalEnv({ AUTH_SECRET: SECRET, OTEL_EXPORTER_OTLP_HEADERS: "key" }));
    expect(headers).toContain("OTEL_EXPORTER_OTLP_HEADERS");
    expect(tracingSettings({ OTEL_TRACES_EXPORTER: "console,otlp" }).exporters).toEqual(["console", "otlp"]);
    expect(tracingSettings({}).exporters).toEqual([]);
    expect(tracingSettings({ OTEL_TRACES_EXPORTER: "console,none" }).exporters).toEqual([]);
    expect(tracingSettings({ OTEL_TRACES_EXPORTER: "console", OTEL_SDK_DISABLED: "TRUE" }).exporters).toEqual(
      [],
    );
  });

  it("takes an SQLite file or a PostgreSQL server, refuses any other URL without printing its password", () => {
    const text = problemsOf(() => cliEnv({ DATABASE_URL: "mysql://liangxin:hunter2@db.example/liangxin" }));
    expect(text).toContain("环境变量 DATABASE_URL 的值“mysql://liangxin:***@db.example/liangxin”无效");
    expect(text).toContain("postgres://");
    expect(text).not.toContain("hunter2");
    expect(problemsOf(() => cliEnv({ DATABASE_URL: "postgres:///liangxin" }))).toContain("DATABASE_URL");
    for (const ok of [
      "./data/x.db",
      "/srv/liangxin/x.db",
      "file:./data/x.db",
      ":memory:",
      "postgres://liangxin:hunter2@db.example/liangxin",
      "postgresql://127.0.0.1:5433/liangxin",
    ])
      expect(cliEnv({ DATABASE_URL: ok }).DATABASE_URL).toBe(ok);
    // The portal takes a PostgreSQL server as the command line does; another engine's URL is refused, its
    // password hidden.
    expect(
      portalEnv({ AUTH_SECRET: SECRET, DATABASE_URL: "postgres://liangxin:hunter2@db.example/liangxin" })
        .DATABASE_URL,
    ).toBe("postgres://liangxin:hunter2@db.example/liangxin");
    const portal = problemsOf(() =>
      portalEnv({ AUTH_SECRET: SECRET, DATABASE_URL: "mysql://liangxin:hunter2@db.example/liangxin" }),
    );
    expect(portal).toContain("DATABASE_URL");
    expect(portal).not.toContain("hunter2");
    const listed = describeEnv(CLI_VARIABLES, {
      DATABASE_URL: "postgres://liangxin:hunter2@db.example/liangxin",
    });
    expect(listed.find((r) => r.name === "DATABASE_URL")?.value).toBe(
      "postgres://liangxin:***@db.example/liangxin",
    );
  });

  it("wants a session secret in the portal and never shows it", () => {
    expect(problemsOf(() => portalEnv({}))).toContain("缺少环境变量 AUTH_SECRET");
    const text = problemsOf(() => portalEnv({ AUTH_SECRET: "short-secret" }));
    expect(text).toContain("环境变量 AUTH_SECRET 的值(已隐去)无效");
    expect(text).not.toContain("short-secret");
    // The command line needs none.
    expect(() => cliEnv({})).not.toThrow();
  });

  it("lists the configuration with secrets hidden and where each value came from", () => {
    const rows = describeEnv(PORTAL_VARIABLES, { AUTH_SECRET: SECRET, PORT: "4000" });
    expect(rows.find((r) => r.name === "AUTH_SECRET")).toEqual({
      name: "AUTH_SECRET",
      value: "(已隐去)",
      from: "environment",
    });
    expect(rows.find((r) => r.name === "PORT")).toMatchObject({ value: "4000", from: "environment" });
    expect(rows.find((r) => r.name === "LOG_LEVEL")).toMatchObject({ value: "info", from: "default" });
  });
});

/** Source files of the product (not tests, not the bench's tools). */
function productSources(): string[] {
  const out: string[] = [path.join(root, "scripts", "start.mjs")];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx|mjs)$/.test(name) && !/\.test\.ts$/.test(name)) out.push(p);
    }
  };
  for (const dir of ["apps/portal/src", "apps/cli/src", "apps/cli/bin"]) walk(path.join(root, dir));
  for (const pkg of ["api", "db", "domain", "io", "runtime"]) walk(path.join(root, "packages", pkg, "src"));
  return out;
}

describe("declared once, documented, passed by turbo", () => {
  it("every variable the product reads is declared (Next.js's own are set by Next.js)", () => {
    const nextOwn = new Set(["NEXT_RUNTIME", "NEXT_PHASE"]);
    const read = new Map<string, string>();
    for (const file of productSources()) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(
        /process\.env\.([A-Z][A-Z0-9_]*)|process\.env\[["']([A-Z][A-Z0-9_]*)["']\]/g,
      ))
        read.set(m[1] ?? m[2]!, path.relative(root, file));
    }
    expect(read.size).toBeGreaterThan(3);
    const undeclared = [...read].filter(
      ([name]) => !variableNames.includes(name as never) && !nextOwn.has(name),
    );
    expect(undeclared).toEqual([]);
  });

  it("docs/configuration.md lists every declared variable", () => {
    const doc = readFileSync(path.join(root, "docs", "configuration.md"), "utf8");
    const missing = variableNames.filter((name) => !new RegExp(`^\\| \`${name}\` \\|`, "m").test(doc));
    expect(missing).toEqual([]);
  });

  it("turbo.json passes every declared variable to the tasks", () => {
    const turbo = JSON.parse(readFileSync(path.join(root, "turbo.json"), "utf8")) as {
      globalEnv?: string[];
      globalPassThroughEnv?: string[];
    };
    const patterns = [...(turbo.globalEnv ?? []), ...(turbo.globalPassThroughEnv ?? [])].map(
      (p) => new RegExp(`^${p.replace(/\*/g, ".*")}$`),
    );
    const missing = variableNames.filter((name) => !patterns.some((p) => p.test(name)));
    expect(missing).toEqual([]);
  });
});
