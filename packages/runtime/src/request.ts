/**
 * The request a line belongs to. Every HTTP request the portal's server receives gets a request id (also its
 * error number: 错误编号) before Next.js sees it: in the `X-Request-Id` request header for route handlers and
 * Next.js's own hooks, in the response's `X-Request-Id`, and in an AsyncLocalStorage context that the API
 * fills in (the user, the procedures called) and the request's log line reads when the response ends.
 *
 * The hook sits on Node's HTTP server (the same place issue 16's client address is stamped), because the
 * App Router gives neither the status nor the duration of a page to any code of ours.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import http from "node:http";
import { logger, type Logger } from "./log.ts";
import { scrubText } from "./scrub.ts";

export const REQUEST_ID_HEADER = "x-request-id";

export interface RequestContext {
  readonly requestId: string;
  /** The signed-in user, once the API has loaded the session (null: anonymous or not known). */
  userId: number | null;
  /** The tRPC procedures this request called (a page calls several). */
  procedures: string[];
}

const STORAGE = Symbol.for("liangxin.requestContext");
type Holder = { [STORAGE]?: AsyncLocalStorage<RequestContext> };

function storage(): AsyncLocalStorage<RequestContext> {
  const holder = globalThis as Holder;
  holder[STORAGE] ??= new AsyncLocalStorage();
  return holder[STORAGE];
}

/** The request being served, if any. */
export function currentRequest(): RequestContext | undefined {
  return storage().getStore();
}

/** Run `fn` as part of a request (the HTTP hook does this; tests too). */
export function runInRequest<T>(context: RequestContext, fn: () => T): T {
  return storage().run(context, fn);
}

/** Note a procedure call on the current request (at most 20 distinct names). */
export function noteProcedure(path: string): void {
  const context = currentRequest();
  if (context && context.procedures.length < 20 && !context.procedures.includes(path))
    context.procedures.push(path);
}

/** Note the signed-in user of the current request. */
export function noteUser(userId: number | null): void {
  const context = currentRequest();
  if (context && userId !== null) context.userId = userId;
}

// Crockford's base 32 without I, L, O, U: read over the telephone without confusion.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A new request id: 12 characters of Crockford base 32 (60 random bits). */
export function newRequestId(): string {
  const bytes = randomBytes(12);
  let id = "";
  for (const b of bytes) id += ALPHABET[b & 31];
  return id;
}

/** Requests that only a debug log shows: static files and the health probes of a monitor. */
function isQuiet(path: string): boolean {
  return path.startsWith("/_next/") || path === "/favicon.ico" || path.startsWith("/api/health/");
}

function procedureOf(path: string): string | null {
  if (!path.startsWith("/api/trpc/")) return null;
  try {
    return decodeURIComponent(path.slice("/api/trpc/".length));
  } catch {
    return path.slice("/api/trpc/".length);
  }
}

function begin(req: http.IncomingMessage, res: http.ServerResponse, log: Logger): RequestContext {
  const requestId = newRequestId();
  const context: RequestContext = { requestId, userId: null, procedures: [] };
  // Ours, whatever a client sent under the same name.
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader("X-Request-Id", requestId);
  const started = performance.now();
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  res.once("close", () => {
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    const procedure = procedureOf(path);
    const line: Record<string, unknown> = {
      requestId,
      method: req.method,
      path: scrubText(path),
      status: res.statusCode,
      durationMs,
      userId: context.userId,
    };
    // The query of a page (search terms, filters), scrubbed; a tRPC call's input is logged only with an error.
    if (q >= 0 && !procedure && !path.startsWith("/_next/"))
      line.query = scrubText(url.slice(q + 1)).slice(0, 500);
    if (procedure) line.procedure = procedure;
    else if (context.procedures.length > 0) line.procedures = context.procedures;
    if (!res.writableFinished) line.aborted = true;
    const level = isQuiet(path) ? "debug" : res.statusCode >= 500 ? "warn" : "info";
    log[level](line, "请求");
  });
  return context;
}

/**
 * Put `hook` in front of every request of every HTTP server in this process, once per `name` (a second
 * call with the same name does nothing): `hook(req, res, pass)` handles the request itself or calls
 * `pass()` to hand it on (to the hooks installed before it, then the server's own listener). The hook
 * installed last runs first. The portal's instrumentation installs its hooks when its server starts: the
 * hook is on Node's server because the App Router shows no code of ours the request before Next.js.
 */
export function hookServerRequests(
  name: string,
  hook: (req: http.IncomingMessage, res: http.ServerResponse, pass: () => boolean) => boolean,
): void {
  const key = Symbol.for(`liangxin.${name}`);
  const proto = http.Server.prototype as unknown as {
    emit: (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
    [key: symbol]: boolean | undefined;
  };
  if (proto[key]) return;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== "request") return emit.call(this, event, ...args);
    return hook(args[0] as http.IncomingMessage, args[1] as http.ServerResponse, () =>
      emit.call(this, event, ...args),
    );
  };
  proto[key] = true;
}

/**
 * Give every request of every HTTP server in this process an id, a context and one log line (idempotent).
 * Called by the portal's instrumentation hook when its server starts.
 */
export function installRequestLog(log: () => Logger = logger): void {
  hookServerRequests("requestLogHook", (req, res, pass) => storage().run(begin(req, res, log()), pass));
}
