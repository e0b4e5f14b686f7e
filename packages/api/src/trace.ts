/**
 * The API's spans (issue 26), when the process has started tracing (`@liangxin/runtime/tracing`); without a
 * tracer provider `@opentelemetry/api` creates nothing that records, and these cost next to nothing.
 * - a span per tRPC request (`trpc <procedures>`): under Next.js's own request span in the portal, the
 *   request's root elsewhere; the database's statement spans are its children;
 * - a span per job process started (`job.process`), from the spawn to the process's exit; the job's own
 *   span in that process continues its trace (`TRACEPARENT` in its environment).
 * Attributes name procedures, ids and outcomes — never an input's values.
 */
import { context, propagation, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";

/** Asked for at each use: a tracer kept across `trace.disable()` (as tests do) would stay a no-op. */
const tracer = () => trace.getTracer("liangxin-api");

/** The procedures a tRPC request's path names (`org.list,host.get` for a batch). */
function procedures(url: string, endpoint: string): string {
  const path = new URL(url).pathname;
  const rest = path.startsWith(`${endpoint}/`) ? path.slice(endpoint.length + 1) : path;
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}

/** Run `fn`, the answer to a tRPC request at `endpoint`, in the request's span. */
export function traceApiRequest(
  req: Request,
  endpoint: string,
  fn: () => Promise<Response>,
): Promise<Response> {
  const names = procedures(req.url, endpoint);
  const kind = trace.getActiveSpan() ? SpanKind.INTERNAL : SpanKind.SERVER;
  const attributes = {
    "rpc.system": "trpc",
    "rpc.method": names,
    "http.request.method": req.method,
    "url.path": new URL(req.url).pathname,
  };
  return tracer().startActiveSpan(`trpc ${names}`, { kind, attributes }, async (span) => {
    try {
      const res = await fn();
      span.setAttribute("http.response.status_code", res.status);
      if (res.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      return res;
    } catch (e) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: e instanceof Error ? e.name : "Error" });
      throw e;
    } finally {
      span.end();
    }
  });
}

/**
 * The span of a job process about to start with the command line `args` (`import-job --job 7 …`): the
 * environment that makes the process's own spans continue this trace, and `ended` for its exit.
 */
export function jobProcessSpan(args: string[]): {
  env: Record<string, string>;
  ended: (code: number | null, signal: NodeJS.Signals | null) => void;
} {
  const at = args.indexOf("--job");
  const job = at >= 0 ? Number(args[at + 1]) : Number.NaN;
  const span = tracer().startSpan("job.process", {
    attributes: {
      "liangxin.job.command": args[0] ?? "",
      ...(Number.isInteger(job) ? { "liangxin.job.id": job } : {}),
    },
  });
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(context.active(), span), carrier);
  const env: Record<string, string> = {};
  if (carrier.traceparent) env.TRACEPARENT = carrier.traceparent;
  if (carrier.tracestate) env.TRACESTATE = carrier.tracestate;
  return {
    env,
    ended(code, signal) {
      if (!span.isRecording()) return;
      if (code !== null) span.setAttribute("process.exit.code", code);
      if (signal) span.setAttribute("liangxin.job.signal", signal);
      if (code !== 0) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
}
