/**
 * The structured log (pino): one JSON object per line on standard output in production, pino-pretty's
 * coloured lines in development, the level from LOG_LEVEL. Times come from the one clock (so a line of a
 * pinned demo matches the audit rows it wrote). Every line passes pino's `redact` paths and the scrub of
 * scrub.ts (secret keys at any depth, citizen IDs and passwords in free text, errors' messages and stacks).
 *
 * One logger per process: it lives on `globalThis`, because Next.js bundles the instrumentation hook and
 * each route separately and each bundle would otherwise hold its own copy of this module.
 */
import { pino, type DestinationStream, type Logger, type LoggerOptions } from "pino";
import pretty from "pino-pretty";
import { clock } from "@liangxin/domain";
import { LOG_LEVELS, type LogLevel } from "./env.ts";
import { REDACTED, scrubError, scrubText, scrubValue } from "./scrub.ts";

export type { Logger } from "pino";

/** pino's own redaction (exact paths, before anything is written); scrub.ts covers any depth. */
export const REDACT_PATHS = [
  "password",
  "newPassword",
  "oldPassword",
  "currentPassword",
  "secret",
  "token",
  "cookie",
  "authorization",
  "idNumber",
  "*.password",
  "*.newPassword",
  "*.oldPassword",
  "*.currentPassword",
  "*.secret",
  "*.token",
  "*.cookie",
  "*.authorization",
  "*.idNumber",
  "req.headers.cookie",
  "req.headers.authorization",
  "input.*.password",
  "input.*.idNumber",
];

function serializeError(e: unknown): unknown {
  return e instanceof Error ? scrubError(e) : scrubValue(e);
}

export interface LoggerSettings {
  level?: LogLevel;
  /** pino-pretty instead of JSON lines. */
  pretty?: boolean;
  /** Where the lines go (standard output by default, written synchronously: a crash loses none). */
  destination?: DestinationStream;
  /** Fields on every line (e.g. `{ service: "portal" }`). */
  base?: Record<string, unknown>;
}

export function createLogger(settings: LoggerSettings = {}): Logger {
  const options: LoggerOptions = {
    level: settings.level ?? "info",
    base: { pid: process.pid, ...settings.base },
    messageKey: "msg",
    timestamp: () => `,"time":"${clock.nowIso()}"`,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    serializers: { err: serializeError, error: serializeError },
    formatters: {
      log(object) {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(object)) {
          // Errors are left to the serializer above (pino applies it after this formatter).
          out[k] = v instanceof Error ? v : k === "err" || k === "error" ? v : scrubValue(v);
        }
        return out;
      },
    },
    hooks: {
      logMethod(args, method) {
        // pino takes an error's message as the line's message when none is given, after this hook: give
        // it here, so that it is scrubbed like any other message.
        const [first, ...rest] = args as unknown[];
        let out: unknown[] = args;
        if (first instanceof Error) out = [{ err: first }, ...(rest.length > 0 ? rest : [first.message])];
        else if (rest.length === 0 && first !== null && typeof first === "object") {
          const err = (first as { err?: unknown }).err;
          if (err instanceof Error && (first as { msg?: unknown }).msg === undefined)
            out = [first, err.message];
        }
        const scrubbed = out.map((a) => (typeof a === "string" ? scrubText(a) : a));
        return method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
  };
  const destination =
    settings.destination ??
    (settings.pretty
      ? pretty({ colorize: true, sync: true, destination: 1 })
      : pino.destination({ dest: 1, sync: true }));
  return pino(options, destination);
}

/** The level LOG_LEVEL asks for, or `info` when it is unset or not a level (the start-up check says so). */
export function levelFromEnv(env: Record<string, string | undefined> = process.env): LogLevel {
  const wanted = env.LOG_LEVEL?.trim();
  return (LOG_LEVELS as readonly string[]).includes(wanted ?? "") ? (wanted as LogLevel) : "info";
}

const GLOBAL_LOGGER = Symbol.for("liangxin.logger");
type Holder = { [GLOBAL_LOGGER]?: Logger };

/** The process's logger (created from LOG_LEVEL and NODE_ENV on first use). */
export function logger(): Logger {
  const holder = globalThis as Holder;
  holder[GLOBAL_LOGGER] ??= createLogger({
    level: levelFromEnv(),
    pretty: process.env.NODE_ENV === "development",
  });
  return holder[GLOBAL_LOGGER];
}

/** Install another logger for this process (tests); returns a function that restores the previous one. */
export function setLogger(next: Logger): () => void {
  const holder = globalThis as Holder;
  const previous = holder[GLOBAL_LOGGER];
  holder[GLOBAL_LOGGER] = next;
  return () => {
    if (previous) holder[GLOBAL_LOGGER] = previous;
    else delete holder[GLOBAL_LOGGER];
  };
}

const LOGGED = Symbol.for("liangxin.loggedErrors");
type Registry = { [LOGGED]?: WeakSet<object> };

function loggedErrors(): WeakSet<object> {
  const holder = globalThis as Registry;
  holder[LOGGED] ??= new WeakSet();
  return holder[LOGGED];
}

/**
 * An error is written once: the first writer (tRPC's onError, Next.js's onRequestError or a console.error of
 * a library) marks it, and the others skip it.
 */
export function markLogged(error: unknown): void {
  if (error !== null && typeof error === "object") loggedErrors().add(error);
}

export function wasLogged(error: unknown): boolean {
  return error !== null && typeof error === "object" && loggedErrors().has(error);
}
