/**
 * The log files of the servers this run started (the run's own directory E2E_LOG_DIR, chosen by
 * playwright.config.ts under e2e/.tmp/logs/run-<instance>, listed in servers.txt by openServerLog) and
 * a scan for what must never be in them. The scan is written independently of the product's scrubber
 * (packages/runtime/src/scrub.ts): it checks the scrubber, it does not reuse it.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { SERVER_LOG_INDEX } from "../../scripts/own-server.mjs";
import { DEMO_PASSWORD } from "./helpers.ts";

if (!process.env.E2E_LOG_DIR) throw new Error("E2E_LOG_DIR comes from playwright.config.ts");
/** This run's log directory (nothing of an earlier run is in it). */
export const LOG_DIR = process.env.E2E_LOG_DIR;
/** The log of the portal that playwright.config.ts starts through server.mjs. */
export const PORTAL_LOG = path.join(LOG_DIR, "portal.log");

export type LogLine = Record<string, unknown> & { level?: number; msg?: string; requestId?: string };

/** The JSON lines of a log file (other lines, e.g. Next.js's banner before the hook runs, are skipped). */
export function jsonLines(file: string): LogLine[] {
  if (!existsSync(file)) return [];
  const out: LogLine[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      out.push(JSON.parse(line) as LogLine);
    } catch {
      /* a line being written */
    }
  }
  return out;
}

/** Every server log file this run noted. */
export function serverLogs(): string[] {
  const index = path.join(LOG_DIR, SERVER_LOG_INDEX);
  if (!existsSync(index)) return [];
  return [...new Set(readFileSync(index, "utf8").split("\n").filter(Boolean))];
}

/** The text the suite types as a password somewhere (login.spec, lock.spec, helpers). */
export const TYPED_PASSWORDS = [
  DEMO_PASSWORD,
  "wrong-password",
  ...Array.from({ length: 6 }, (_, i) => `wrong-${i}`),
  // passwords.spec.ts and sessions.spec.ts (issue 16): resets, first passwords and refused new ones
  "Temporary2026",
  "Initial2026x",
  "MyOwnChoice2026",
  "onlyletterspassword",
  "short2026",
  "Short2026",
  "Shiqiao2026x", // coverage-request.spec.ts
  "Walk@2026x", // walk.spec.ts
];
const REDACTED = "[已隐去]";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** GB 11643-1999: 6-digit area, a real birth date, 3-digit sequence, check character. */
export function isCitizenId(s: string): boolean {
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const days = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || days.getUTCFullYear() !== y || days.getUTCMonth() !== m - 1 || days.getUTCDate() !== d)
    return false;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(s[i]), 0);
  return "10X98765432"[sum % 11] === s[17];
}

function decoded(line: string): string {
  try {
    return decodeURIComponent(line);
  } catch {
    return line.replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  }
}

function walk(value: unknown, visit: (key: string, v: unknown) => void): void {
  if (Array.isArray(value)) for (const v of value) walk(v, visit);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      visit(k, v);
      walk(v, visit);
    }
}

/** What is wrong with one log line: valid citizen IDs, typed passwords, password values, session tokens. */
export function leaksIn(line: string): string[] {
  const found: string[] = [];
  for (const text of new Set([line, decoded(line)])) {
    for (const run of text.toUpperCase().match(/\d{17,}X?/g) ?? [])
      for (let i = 0; i + 18 <= run.length; i++)
        if (isCitizenId(run.slice(i, i + 18))) found.push(`公民身份号码 ${run.slice(i, i + 18)}`);
    for (const p of TYPED_PASSWORDS) if (text.includes(p)) found.push(`密码 ${p}`);
    for (const m of text.matchAll(/(passw(?:or)?d|pwd)\\?["']?\s*[:=]\s*\\?["']?([^"'\\&\s,}]+)/gi))
      if (m[2] !== REDACTED && !m[2]!.startsWith("[")) found.push(`${m[1]} 的值`);
    if (/session-token=(?!\[)[^;\s"]+/.test(text)) found.push("会话令牌");
    if (/eyJ[\w-]{10,}\.[\w-]*\.[\w-]+/.test(text)) found.push("JWT");
  }
  if (line.startsWith("{")) {
    try {
      walk(JSON.parse(line), (k, v) => {
        if (/passw(or)?d|pwd/i.test(k) && typeof v === "string" && v !== "" && v !== REDACTED)
          found.push(`字段 ${k} 的值`);
      });
    } catch {
      /* not JSON after all */
    }
  }
  return [...new Set(found)];
}
