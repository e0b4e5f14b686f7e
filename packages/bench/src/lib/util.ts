/** Small helpers of the benchmark: statistics, formatting, progress lines and child processes. */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot } from "@liangxin/db/paths";

export const ROOT = repoRoot(path.dirname(fileURLToPath(import.meta.url)));
export const CLI = path.join(ROOT, "apps", "cli", "bin", "liangxin.mjs");
export const CHILD_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "child");
export const RSS_PROBE = path.join(CHILD_DIR, "rss-probe.mjs");

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1]!;
}

export const fmtMs = (ms: number): string =>
  !Number.isFinite(ms)
    ? "—"
    : ms >= 10_000
      ? `${(ms / 1000).toFixed(1)} s`
      : ms >= 1000
        ? `${(ms / 1000).toFixed(2)} s`
        : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
export const fmtMb = (kb: number): string => (!Number.isFinite(kb) ? "—" : `${Math.round(kb / 1024)} MB`);
export const fmtRatio = (r: number): string => (!Number.isFinite(r) ? "—" : `${r.toFixed(2)}×`);
export const fmtInt = (n: number): string => n.toLocaleString("en-US");

const started = performance.now();
/** A progress line with the time since the bench started. */
export function log(message: string): void {
  const s = Math.round((performance.now() - started) / 1000);
  const stamp = `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
  process.stderr.write(`[bench ${stamp}] ${message}\n`);
}

export interface ChildResult {
  code: number;
  stdout: string;
  stderr: string;
  wallMs: number;
  /** Peak resident set size in KB (when run with the probe). */
  maxRssKb: number | null;
  /** CPU time (user + system) in ms (when run with the probe): on a shared machine, wall time is more. */
  cpuMs: number | null;
}

export interface ChildOptions {
  env?: NodeJS.ProcessEnv;
  /** Show the child's stderr (its progress bar) on ours. */
  showProgress?: boolean;
  /** Record the child's peak resident memory with the probe. */
  probeRss?: boolean;
  cwd?: string;
  /** Text written to the child's standard input. */
  input?: string;
}

/** Run `node [--import probe] args…` in a fresh process; resolve with its output and wall time. */
export function runNode(args: string[], options: ChildOptions = {}): Promise<ChildResult> {
  const rssFile = options.probeRss
    ? path.join(
        "/tmp/bench",
        `rss-${process.pid}-${Math.round(performance.now())}-${Math.random().toString(36).slice(2)}`,
      )
    : null;
  const argv = [...(rssFile ? ["--import", RSS_PROBE] : []), ...args];
  const env = {
    ...process.env,
    ...options.env,
    ...(rssFile ? { BENCH_RSS_FILE: rssFile } : {}),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, argv, {
      cwd: options.cwd ?? ROOT,
      env,
      stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on("data", (d: Buffer) => {
      const text = d.toString();
      stderr += text;
      if (options.showProgress) process.stderr.write(text);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = performance.now() - t0;
      let probe: { maxRssKb: number; cpuMs: number } | null = null;
      if (rssFile && existsSync(rssFile)) {
        probe = JSON.parse(readFileSync(rssFile, "utf8")) as { maxRssKb: number; cpuMs: number };
        rmSync(rssFile, { force: true });
      }
      resolve({
        code: code ?? 1,
        stdout,
        stderr,
        wallMs,
        maxRssKb: probe?.maxRssKb ?? null,
        cpuMs: probe?.cpuMs ?? null,
      });
    });
  });
}

/** Run the operator's command line (apps/cli) in a fresh process. */
export function runCli(args: string[], options: ChildOptions = {}): Promise<ChildResult> {
  return runNode([CLI, ...args], options);
}

/** Run one of this package's child scripts (TypeScript, through tsx) in a fresh process. */
export function runChild(script: string, args: string[], options: ChildOptions = {}): Promise<ChildResult> {
  return runNode(["--import", "tsx", path.join(CHILD_DIR, script), ...args], options);
}

export function assertOk(what: string, r: ChildResult): void {
  if (r.code !== 0) {
    throw new Error(`${what} failed (exit ${r.code}):\n${r.stderr.slice(-2000)}\n${r.stdout.slice(-2000)}`);
  }
}

/** The last line of a child's stdout that parses as JSON. */
export function lastJson<T>(r: ChildResult): T {
  const lines = r.stdout.trim().split("\n").reverse();
  for (const line of lines) {
    if (line.startsWith("{")) return JSON.parse(line) as T;
  }
  throw new Error(
    `no JSON result in the child's output:\n${r.stdout.slice(-1000)}\n${r.stderr.slice(-1000)}`,
  );
}
