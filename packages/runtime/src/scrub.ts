/**
 * What must never reach a log: a citizen ID number, a password, a session token or another secret. Two
 * layers: keys that name a secret lose their value wherever they sit in a logged object (besides pino's
 * `redact` paths, see log.ts), and every string — messages, stacks, URLs, values — is scrubbed as free text:
 * citizen IDs masked like the portal shows them (first 6 and last 4), `password=…`/`"password":"…"`,
 * bearer tokens, session cookies and JWT-shaped tokens replaced.
 */
import { inspect } from "node:util";
import { citizenIdBirthDate, isValidCitizenId } from "@liangxin/domain";

export const REDACTED = "[已隐去]";

/** Keys whose values are secrets or personal identifiers (any nesting, any case). */
export const SECRET_KEY =
  /passw(?:or)?d|passwd|pwd|secret|token|cookie|authorization|id_?number|citizen_?id|身份|密码/i;

/** The portal's mask of a citizen ID: first 6 and last 4 characters. */
export function maskCitizenId(id: string): string {
  return `${id.slice(0, 6)}********${id.slice(14)}`;
}

/**
 * Mask citizen IDs in a run of digits (with an optional final X): every 18-character window that is a valid
 * GB 11643 number (digits glued to others, as in `%22110101…`, are found too), and a run of exactly 18
 * characters whose birth date is a real day even when its check character is wrong (a mistyped number is
 * still someone's number).
 */
function maskRun(run: string): string {
  const upper = run.toUpperCase();
  if (upper.length === 18 && citizenIdBirthDate(upper) !== null) return maskCitizenId(run);
  let out = "";
  let i = 0;
  while (i < run.length) {
    const window = upper.slice(i, i + 18);
    if (window.length === 18 && isValidCitizenId(window)) {
      out += maskCitizenId(run.slice(i, i + 18));
      i += 18;
    } else {
      out += run[i];
      i += 1;
    }
  }
  return out;
}

const DIGIT_RUN = /\d{17,}[Xx]?/g;
const KEY_VALUE = new RegExp(
  // "password": "…", password=…, password: …, 密码:… (the key may be quoted and carry a prefix or suffix)
  String.raw`((?:["']?)[\w.\-]*(?:passw(?:or)?d|passwd|pwd|secret|token|authorization|cookie)[\w.\-]*["']?\s*[:=]\s*|密码\s*[:=:]\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s&;,}\])]+)`,
  "gi",
);
const BEARER = /\b(Bearer|Basic)\s+[\w.~+/-]+=*/gi;
const JWT = /\beyJ[\w-]{6,}(?:\.[\w-]*){1,4}/g;

function decodeIfEncoded(text: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(text)) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text.replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  }
}

/** Scrub a free text (a message, a stack, a URL). URL-encoded text is decoded first. */
export function scrubText(text: string): string {
  return decodeIfEncoded(text)
    .replace(BEARER, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(KEY_VALUE, (m, key: string, value: string) => (value === REDACTED ? m : `${key}${REDACTED}`))
    .replace(DIGIT_RUN, maskRun);
}

const MAX_DEPTH = 6;
const MAX_ITEMS = 50;
const MAX_STRING = 4000;

function scrubString(s: string): string {
  const t = scrubText(s);
  return t.length > MAX_STRING ? `${t.slice(0, MAX_STRING)}…(共 ${t.length} 字符)` : t;
}

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * The stack with the frames of our sources. In the portal's server the stack names the bundle's chunks;
 * Next.js installs an inspector on errors that maps them through the server source maps of the build, so
 * the stack is read through it when it is there (only the stack: message and frames, no properties).
 */
function readableStack(e: Error): string | undefined {
  if (!e.stack) return undefined;
  if (typeof (Error.prototype as unknown as Record<symbol, unknown>)[INSPECT] !== "function") return e.stack;
  try {
    const bare = new Error(e.message);
    bare.name = e.name;
    bare.stack = e.stack;
    return inspect(bare, { colors: false, depth: 0 });
  } catch {
    return e.stack;
  }
}

/** An error as plain data, scrubbed: type, message, stack, code, digest, cause. */
export function scrubError(e: Error, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = { type: e.name, message: scrubString(e.message) };
  const stack = readableStack(e);
  if (stack) out.stack = scrubString(stack);
  for (const [k, v] of Object.entries(e)) {
    if (k === "cause") continue;
    out[k] = SECRET_KEY.test(k) ? REDACTED : scrubValue(v, depth + 1);
  }
  if (e.cause !== undefined && depth < MAX_DEPTH)
    out.cause = e.cause instanceof Error ? scrubError(e.cause, depth + 1) : scrubValue(e.cause, depth + 1);
  return out;
}

/**
 * A bounded, scrubbed copy of any value for a log line: secrets by key, free text scrubbed, binary data as
 * its length, at most 6 levels deep, 50 items and 4000 characters per string.
 */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubString(value);
  if (value === null || typeof value !== "object") {
    if (typeof value === "bigint") return value.toString();
    if (typeof value === "function" || typeof value === "symbol") return undefined;
    return value;
  }
  if (depth >= MAX_DEPTH) return "[…]";
  if (value instanceof Error) return scrubError(value, depth);
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[二进制 ${value.byteLength} 字节]`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => scrubValue(v, depth + 1));
    if (value.length > MAX_ITEMS) items.push(`…另有 ${value.length - MAX_ITEMS} 项`);
    return items;
  }
  if (value instanceof Map || value instanceof Set) return scrubValue([...value], depth);
  const out: Record<string, unknown> = {};
  let n = 0;
  for (const [k, v] of Object.entries(value)) {
    if (n++ >= MAX_ITEMS) {
      out["…"] = `另有 ${Object.keys(value).length - MAX_ITEMS} 项`;
      break;
    }
    out[k] = SECRET_KEY.test(k) ? REDACTED : scrubValue(v, depth + 1);
  }
  return out;
}
