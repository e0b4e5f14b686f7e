/**
 * Traces (OpenTelemetry), off unless the standard variables turn them on (issue 26):
 * - `OTEL_TRACES_EXPORTER`: unset or `none` → off; `console` → one JSON line per finished span on standard
 *   output; `otlp` → OTLP over HTTP (JSON) to `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, else
 *   `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces` (default http://localhost:4318), with
 *   `OTEL_EXPORTER_OTLP_HEADERS`/`_TIMEOUT` as the exporter reads them; several, comma-separated.
 * - `OTEL_SDK_DISABLED=true` → off whatever the exporter says.
 * - `OTEL_SERVICE_NAME` (default: the program's, e.g. `liangxin-portal`), `OTEL_RESOURCE_ATTRIBUTES`,
 *   `OTEL_TRACES_SAMPLER`(`_ARG`) and `OTEL_BSP_*` as the SDK reads them.
 *
 * `startTracing` registers the process's global tracer provider; everything else (Next.js's request spans,
 * the driver's statement spans, the job spans) only uses `@opentelemetry/api`, which does nothing at all
 * while no provider is registered. Its module is not part of `@liangxin/runtime`'s index: only a process that
 * starts tracing loads the SDK.
 */
import { context, propagation } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { detectResources, envDetector, resourceFromAttributes } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-node";
import { tracingSettings } from "./tracing-settings.ts";

/** A span as one line of JSON (the fields of the SDK's ConsoleSpanExporter), for people and for tests. */
export function spanLine(span: ReadableSpan): string {
  const ctx = span.spanContext();
  return JSON.stringify({
    otel: "span",
    service: span.resource.attributes["service.name"],
    traceId: ctx.traceId,
    parentId: span.parentSpanContext?.spanId,
    id: ctx.spanId,
    name: span.name,
    kind: span.kind,
    scope: span.instrumentationScope.name,
    timestamp: span.startTime[0] * 1e6 + Math.round(span.startTime[1] / 1e3),
    durationMs: span.duration[0] * 1e3 + span.duration[1] / 1e6,
    attributes: span.attributes,
    status: span.status,
    events: span.events.map((e) => ({ name: e.name, attributes: e.attributes })),
  });
}

/**
 * `console`: each finished span as one line on standard output, written directly (the portal routes
 * `console.*` into its log, which would wrap and scrub the line).
 */
class JsonLineSpanExporter implements SpanExporter {
  export(spans: ReadableSpan[], done: (result: { code: 0 | 1 }) => void): void {
    process.stdout.write(spans.map((s) => `${spanLine(s)}\n`).join(""));
    done({ code: 0 });
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

export interface Tracing {
  /** Send what is still buffered and stop (call before a command exits). */
  shutdown(): Promise<void>;
}

let started: Tracing | undefined;

/**
 * Start tracing as the standard variables ask (see above), once per process; undefined when they leave it
 * off. `serviceName`: the program's name when `OTEL_SERVICE_NAME` does not give one.
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): Tracing | undefined {
  if (started) return started;
  const { exporters, unknown } = tracingSettings(env);
  if (unknown.length > 0)
    process.stderr.write(
      `OTEL_TRACES_EXPORTER 中的 ${unknown.join("、")} 不受支持(可用:console、otlp、none),已忽略\n`,
    );
  if (exporters.length === 0) return undefined;
  const spanProcessors: SpanProcessor[] = exporters.map((name) =>
    // The console's lines as spans end (nothing is lost when a command exits); OTLP in batches.
    name === "console"
      ? new SimpleSpanProcessor(new JsonLineSpanExporter())
      : new BatchSpanProcessor(new OTLPTraceExporter()),
  );
  const resource = resourceFromAttributes({ "service.name": serviceName }).merge(
    detectResources({ detectors: [envDetector] }),
  );
  const provider = new NodeTracerProvider({ resource, spanProcessors });
  provider.register();
  started = { shutdown: () => provider.shutdown() };
  return started;
}

/**
 * Run `fn` as part of the trace a parent process handed down in `TRACEPARENT` (`TRACESTATE`), when there is
 * one and tracing is on: a job process's spans continue the portal's `job.process` span.
 */
export function withParentFromEnv<T>(fn: () => T, env: NodeJS.ProcessEnv = process.env): T {
  if (!env.TRACEPARENT || !started) return fn();
  const carrier = { traceparent: env.TRACEPARENT, ...(env.TRACESTATE ? { tracestate: env.TRACESTATE } : {}) };
  return context.with(propagation.extract(context.active(), carrier), fn);
}
