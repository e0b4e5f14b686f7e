/**
 * A span per statement (issue 26), when the process has started tracing (`@liangxin/runtime/tracing`):
 * named after the statement's operation (`db select`), with the engine (`db.system.name`), the statement's
 * text as the driver sends it — placeholders, never the parameters' values (a citizen ID is a parameter) —
 * and how many rows it answered or changed. A row handed out by an iteration is not a span: the iteration
 * is one, ended with it.
 *
 * Off (no tracer provider registered, the default) this costs one look-up of the global provider when a
 * statement is prepared (SQLite) or run (PostgreSQL); nothing else is created or wrapped. A statement
 * prepared while tracing is on looks again at each run.
 */
import {
  SpanKind,
  SpanStatusCode,
  trace,
  type Span,
  type Tracer,
  type TracerProvider,
} from "@opentelemetry/api";
import type Database from "better-sqlite3";

const SCOPE = "liangxin-db";
/** Longer statement texts are cut (a text is the same for every run: placeholders, not values). */
const MAX_TEXT = 4000;

type Proxying = TracerProvider & { getDelegateTracer?: (name: string) => Tracer | undefined };

/**
 * The driver's tracer when a provider is registered, else undefined. The API's global provider is a proxy
 * that answers a no-op tracer until a real provider is set: asking it for its delegate's tracer tells the
 * two apart without creating a span.
 */
export function liveTracer(scope = SCOPE): Tracer | undefined {
  const provider = trace.getTracerProvider() as Proxying;
  return provider.getDelegateTracer ? provider.getDelegateTracer(scope) : provider.getTracer(scope);
}

export type Engine = "sqlite" | "postgresql";

/** The statement's operation, for the span's name: its first word (`select`, `insert`, `with` …). */
function operation(text: string): string {
  const m = /^\s*([A-Za-z]+)/.exec(text);
  return m ? m[1]!.toLowerCase() : "query";
}

/** Start the span of one statement on `engine`. */
export function startStatementSpan(tracer: Tracer, engine: Engine, text: string, thread?: "read"): Span {
  const op = operation(text);
  return tracer.startSpan(`db ${op}`, {
    kind: SpanKind.CLIENT,
    attributes: {
      "db.system.name": engine,
      "db.system": engine,
      "db.operation.name": op,
      "db.query.text": text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text,
      ...(thread ? { "liangxin.db.thread": thread } : {}),
    },
  });
}

/**
 * What a span says of an error: its kind (an AppError's or a driver's code, else the class's name), never
 * its message, which may quote a value (a duplicate key's, a row's).
 */
function errorType(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && code !== "") return code;
  return error instanceof Error ? error.name : "Error";
}

function markError(span: Span, error: unknown): void {
  const type = errorType(error);
  span.setStatus({ code: SpanStatusCode.ERROR, message: type });
  span.setAttribute("error.type", type);
}

/** End a statement's span with its rows (answered or changed), or its error (its kind only). */
export function endStatementSpan(span: Span, rows: number | undefined, error?: unknown): void {
  if (error !== undefined) markError(span, error);
  else if (rows !== undefined) span.setAttribute("db.response.returned_rows", rows);
  span.end();
}

/** Run `fn` (a statement answering `rows` of its result) in a statement span, when tracing is on. */
export async function tracedStatement<R>(
  engine: Engine,
  text: string,
  fn: () => Promise<R>,
  rows: (r: R) => number,
  thread?: "read",
): Promise<R> {
  const tracer = liveTracer();
  if (!tracer) return fn();
  const span = startStatementSpan(tracer, engine, text, thread);
  try {
    const out = await fn();
    endStatementSpan(span, rows(out));
    return out;
  } catch (e) {
    endStatementSpan(span, undefined, e);
    throw e;
  }
}

/** How many rows a better-sqlite3 method's result counts. */
function sqliteRows(result: unknown): number | undefined {
  if (Array.isArray(result)) return result.length;
  if (result && typeof result === "object" && "changes" in result)
    return (result as Database.RunResult).changes;
  return result === undefined ? 0 : 1;
}

/**
 * A statement's methods made to run in a span each (`iterate`: one span for the whole iteration), as long
 * as tracing stays on (a kept statement outlives a test's provider).
 */
function instrument(stmt: Database.Statement): Database.Statement {
  const text = stmt.source;
  for (const name of ["run", "get", "all"] as const) {
    const original = stmt[name] as (...args: unknown[]) => unknown;
    (stmt as unknown as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      const tracer = liveTracer();
      if (!tracer) return original.apply(this, args);
      const span = startStatementSpan(tracer, "sqlite", text);
      let result: unknown;
      try {
        result = original.apply(this, args);
      } catch (e) {
        endStatementSpan(span, undefined, e);
        throw e;
      }
      endStatementSpan(span, sqliteRows(result));
      return result;
    };
  }
  const iterate = stmt.iterate as (...args: unknown[]) => IterableIterator<unknown>;
  stmt.iterate = function (this: unknown, ...args: unknown[]) {
    const tracer = liveTracer();
    if (!tracer) return iterate.apply(this, args);
    const span = startStatementSpan(tracer, "sqlite", text);
    let rows = 0;
    let ended = false;
    const end = (error?: unknown) => {
      if (ended) return;
      ended = true;
      endStatementSpan(span, error === undefined ? rows : undefined, error);
    };
    let inner: IterableIterator<unknown>;
    try {
      inner = iterate.apply(this, args);
    } catch (e) {
      end(e);
      throw e;
    }
    const outer: IterableIterator<unknown> = {
      next() {
        try {
          const r = inner.next();
          if (r.done) end();
          else rows++;
          return r;
        } catch (e) {
          end(e);
          throw e;
        }
      },
      return(value?: unknown) {
        end();
        return inner.return ? inner.return(value) : { done: true, value };
      },
      [Symbol.iterator]() {
        return outer;
      },
    };
    return outer;
  } as typeof stmt.iterate;
  return stmt;
}

/**
 * Make every statement prepared on `client` from now on run in a span per execution while tracing is on
 * (decided as each is prepared): drizzle's builder and the data layer's own runners alike prepare through it.
 */
export function traceStatements(client: Database.Database): void {
  const prepare = client.prepare;
  client.prepare = function (this: Database.Database, source: string) {
    const stmt = prepare.call(this, source);
    return liveTracer() ? instrument(stmt) : stmt;
  } as typeof client.prepare;
}

/**
 * Run `fn` in a span `name` of the tracer `scope` (a job's run, a report's computation), active for what
 * `fn` awaits (its statements' spans are its children); ended when `fn` settles, with the error's kind
 * when it throws. `root`: the start of a trace of its own (work that outlives the request that started it),
 * linked to the span active here. Off, `fn` simply runs. Attributes: ids and counts, never personal data.
 */
export function inSpan<T>(
  scope: string,
  name: string,
  attributes: Record<string, string | number | boolean>,
  fn: () => Promise<T>,
  opts: { root?: boolean } = {},
): Promise<T> {
  const tracer = liveTracer(scope);
  if (!tracer) return fn();
  const here = trace.getActiveSpan()?.spanContext();
  const options = {
    attributes,
    ...(opts.root ? { root: true, ...(here ? { links: [{ context: here }] } : {}) } : {}),
  };
  return tracer.startActiveSpan(name, options, async (span) => {
    try {
      return await fn();
    } catch (e) {
      markError(span, e);
      throw e;
    } finally {
      span.end();
    }
  });
}
