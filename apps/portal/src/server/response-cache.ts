/**
 * Rendered pages served again while nothing they could show has changed (issue 25: a page rendered by
 * Next.js costs 35–120 ms of a core; 50 requests a second for the township's dashboard needs it rendered
 * once, not fifty times).
 *
 * What a page shows is a function of the request (its URL and the headers Next.js varies on), the signed-in
 * session, the product's date and the database. So a response is kept under the request's URL, cookies and
 * varying headers, together with
 * - the database's **write mark** read before the page was rendered (`@liangxin/db/write-mark`: it changes
 *   once anyone, in any process, commits any write — an account, a session and a sign-in throttle row too),
 *   kept only if the mark is still the same when the response has ended;
 * - the product's date (`clock.today()`);
 * - until when the session stays as it is (`sessionSteadyUntil`: live, not due for its last-seen write —
 *   at most a minute — and within its 8 hours and idle timeout).
 * It is served again only while all three hold: no commit can have happened since the render started, so
 * the kept bytes are what a render now would give. A session that ends (sign-out, a password change, an
 * administrator) is a write; one that times out is past `until`.
 *
 * Only GET requests of the pages in `PAGES` (read-only pages, whose render writes nothing and reads nothing
 * but the database and the clock), only with a session cookie, and only a 200 of HTML or RSC payload without
 * `Set-Cookie`. A page whose render writes (an audited lookup) changes the mark and is never kept. Each
 * process keeps its own responses (at most `MAX_BYTES`); the mark is read from the database, so a write
 * through another process is seen as through this one. `LIANGXIN_PAGE_CACHE=0` turns it off.
 *
 * It sits on Node's HTTP server, inside the request log's hook (the request keeps its id and log line), and
 * answers a repeated request before Next.js sees it: a served response costs a mark read and a copy.
 */
import type http from "node:http";
import { decode } from "next-auth/jwt";
import { sessionSteadyUntil } from "@liangxin/db/auth";
import { getPort } from "@liangxin/db/driver";
import { openWriteMark, type WriteMark } from "@liangxin/db/write-mark";
import { clock } from "@liangxin/domain";
import { hookServerRequests, logger, noteUser } from "@liangxin/runtime";

/** The first path segment of the pages kept (and `/`, the dashboard). */
const PAGES = new Set(["hosts", "orgs", "members", "instructors", "analysis", "work"]);
/** Request headers a kept response must match besides the URL (Next.js's `Vary`, and what it reads). */
const KEYED = [
  "host",
  "cookie",
  "accept",
  "accept-encoding",
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-url",
  "x-forwarded-host",
  "x-forwarded-proto",
] as const;
/** A request with one of these is passed on: the answer could be partial or not modified. */
const PASSED = ["range", "if-none-match", "if-modified-since", "next-action"] as const;
/** Response headers not kept: per request (the id, the date) or of the connection. */
const UNKEPT = new Set([
  "x-request-id",
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
]);
/** Everything kept, per process. */
const MAX_BYTES = 64 * 1024 * 1024;
/** One response larger than this is not kept. */
const MAX_ENTRY_BYTES = 4 * 1024 * 1024;
/** How many renders of the same page a request waits for before it renders the page itself. */
const MAX_WAITS = 2;
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
export const CACHE_HEADER = "x-liangxin-cache";

interface Entry {
  mark: string;
  today: string;
  /** Epoch ms on the product's clock. */
  until: number;
  userId: number;
  status: number;
  headers: [string, string | string[]][];
  body: Buffer;
}

/** The first path segment of a request's URL, "" for `/`, null when the URL is not a kept page's. */
function pageOf(url: string): string | null {
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  if (!path.startsWith("/")) return null;
  const first = path.split("/")[1] ?? "";
  return first === "" && path === "/" ? "" : PAGES.has(first) ? first : null;
}

/** The session cookie's name and value, when there is exactly one, not chunked. */
function sessionCookie(cookie: string | undefined): { name: string; value: string } | null {
  if (!cookie) return null;
  let found: { name: string; value: string } | null = null;
  for (const part of cookie.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (SESSION_COOKIES.includes(name)) {
      if (found) return null;
      found = { name, value: part.slice(eq + 1).trim() };
    } else if (SESSION_COOKIES.some((c) => name.startsWith(`${c}.`))) return null;
  }
  return found;
}

/** The key of a request, or null when it is not one to keep. */
export function keyOf(req: http.IncomingMessage): string | null {
  if (req.method !== "GET" || !req.url || pageOf(req.url) === null) return null;
  if (PASSED.some((h) => req.headers[h] !== undefined)) return null;
  if (!sessionCookie(req.headers.cookie)) return null;
  const parts: string[] = [req.url];
  for (const h of KEYED) {
    const v = req.headers[h];
    parts.push(Array.isArray(v) ? v.join("\n") : (v ?? ""));
  }
  return parts.join("\u0000");
}

function bytesOf(chunk: unknown, encoding: unknown): Buffer | null {
  if (typeof chunk === "string")
    return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return null;
}

export interface ResponseCache {
  /** Serve `req` from what is kept, or call `next` (once) to render it, keeping the response if it may. */
  handle(req: http.IncomingMessage, res: http.ServerResponse, next: () => void): Promise<void>;
  /** Responses kept now, and their bytes. */
  size(): { entries: number; bytes: number };
  close(): void;
}

export interface ResponseCacheOptions {
  /** The database's write mark (default: of the database the environment names, opened at first use). */
  mark?: () => WriteMark;
  /** The session's steady time for a session id (default: through the portal's port). */
  steady?: (sid: string, now: Date) => Promise<{ userId: number; until: Date } | null>;
  secret?: string;
}

export function createResponseCache(options: ResponseCacheOptions = {}): ResponseCache {
  const entries = new Map<string, Entry>();
  /** Renders under way, by key and mark: settled once the response ended and was kept (or not). */
  const rendering = new Map<string, Promise<void>>();
  let bytes = 0;
  let mark: WriteMark | null = null;
  let lastMark: string | null = null;
  const openMark = options.mark ?? (() => openWriteMark());
  const steady =
    options.steady ?? ((sid: string, now: Date) => getPort().read((db) => sessionSteadyUntil(db, sid, now)));

  const drop = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    entries.delete(key);
    bytes -= e.body.length;
  };
  const readMark = async (): Promise<string> => {
    mark ??= openMark();
    const now = await mark.read();
    if (now !== lastMark) {
      // Every response kept under an earlier mark is of no use any more.
      entries.clear();
      bytes = 0;
      lastMark = now;
    }
    return now;
  };

  async function keep(
    key: string,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    before: string,
    today: string,
    body: Buffer,
  ): Promise<void> {
    if (res.statusCode !== 200 || res.getHeader("set-cookie") !== undefined) return;
    const type = String(res.getHeader("content-type") ?? "");
    if (!type.startsWith("text/html") && !type.startsWith("text/x-component")) return;
    const cookie = sessionCookie(req.headers.cookie);
    const secret = options.secret ?? process.env.AUTH_SECRET;
    if (!cookie || !secret) return;
    const token = await decode({ token: cookie.value, secret, salt: cookie.name }).catch(() => null);
    const sid = token && typeof token.sid === "string" ? token.sid : null;
    if (!sid || !token?.sub) return;
    const session = await steady(sid, clock.now());
    if (!session || String(session.userId) !== token.sub) return;
    // Nothing committed since before the render: the bytes are of the data as it still is.
    if ((await readMark()) !== before || clock.today() !== today) return;
    const headers: Entry["headers"] = [];
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (value === undefined || UNKEPT.has(name) || name === CACHE_HEADER) continue;
      headers.push([name, Array.isArray(value) ? value : String(value)]);
    }
    drop(key);
    entries.set(key, {
      mark: before,
      today,
      until: session.until.getTime(),
      userId: session.userId,
      status: res.statusCode,
      headers,
      body,
    });
    bytes += body.length;
    // The oldest first (a served entry moves to the end).
    for (const k of entries.keys()) {
      if (bytes <= MAX_BYTES) break;
      drop(k);
    }
  }

  function capture(
    key: string,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    before: string,
    today: string,
  ): void {
    const chunks: Buffer[] = [];
    let size = 0;
    let whole = true;
    const collect = (chunk: unknown, encoding: unknown) => {
      if (!whole || chunk === undefined || chunk === null || typeof chunk === "function") return;
      const b = bytesOf(chunk, encoding);
      if (!b) {
        whole = false;
        return;
      }
      size += b.length;
      if (size > MAX_ENTRY_BYTES) {
        whole = false;
        chunks.length = 0;
        return;
      }
      chunks.push(b);
    };
    const write = res.write;
    const end = res.end;
    res.write = function (this: http.ServerResponse, ...args: unknown[]) {
      collect(args[0], args[1]);
      return (write as (...a: unknown[]) => boolean).apply(this, args);
    } as typeof res.write;
    res.end = function (this: http.ServerResponse, ...args: unknown[]) {
      collect(args[0], args[1]);
      return (end as (...a: unknown[]) => http.ServerResponse).apply(this, args);
    } as typeof res.end;
    let settle!: () => void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const flight = `${key}\u0001${before}`;
    rendering.set(flight, settled);
    settled.then(
      () => rendering.get(flight) === settled && rendering.delete(flight),
      () => {},
    );
    res.once("close", () => {
      if (!whole || !res.writableFinished) {
        settle();
        return;
      }
      keep(key, req, res, before, today, Buffer.concat(chunks, size))
        .catch((err: unknown) => logger().warn({ err }, "页面未能留存复用"))
        .finally(settle);
    });
  }

  async function serve(
    key: string,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    next: () => void,
    waited: number,
  ): Promise<void> {
    let before: string;
    try {
      before = await readMark();
    } catch {
      // The database is not there yet (or not reachable): the page says so itself.
      next();
      return;
    }
    const today = clock.today();
    const kept = entries.get(key);
    if (kept && kept.mark === before && kept.today === today && clock.now().getTime() < kept.until) {
      // Most recently used last.
      entries.delete(key);
      entries.set(key, kept);
      noteUser(kept.userId);
      res.statusCode = kept.status;
      for (const [name, value] of kept.headers) res.setHeader(name, value);
      res.setHeader("content-length", kept.body.length);
      res.setHeader(CACHE_HEADER, "hit");
      res.end(kept.body);
      return;
    }
    if (kept) drop(key);
    // The same page for the same session is being rendered (a burst of requests, or the first after a
    // write): wait for it rather than render it again alongside, then take what it kept.
    const pending = rendering.get(`${key}\u0001${before}`);
    if (pending && waited < MAX_WAITS) {
      await pending;
      return serve(key, req, res, next, waited + 1);
    }
    res.setHeader(CACHE_HEADER, "miss");
    capture(key, req, res, before, today);
    next();
  }

  return {
    async handle(req, res, next) {
      const key = keyOf(req);
      // Not a page to keep: handed on at once (before any await).
      if (key === null) next();
      else await serve(key, req, res, next, 0);
    },
    size: () => ({ entries: entries.size, bytes }),
    close() {
      mark?.close();
      mark = null;
      entries.clear();
      bytes = 0;
    },
  };
}

/**
 * Put the cache in front of every HTTP server of this process (idempotent). Install it before the request
 * log's hook, so that the log's hook runs first and a served response has its id and line too.
 */
export function installResponseCache(cache: ResponseCache = createResponseCache()): void {
  hookServerRequests("responseCacheHook", (req, res, pass) => {
    let passed = false;
    const next = () => {
      if (passed) return;
      passed = true;
      pass();
    };
    cache.handle(req, res, next).catch((err: unknown) => {
      logger().warn({ err }, "页面复用出错,改为重新生成");
      if (!res.headersSent) next();
    });
    return true;
  });
}
