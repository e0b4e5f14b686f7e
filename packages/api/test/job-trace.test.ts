/**
 * A job process's span (issue 26): started before the worker is spawned, handed to it in `TRACEPARENT` (so
 * the worker's `job.import` continues the trace), ended when the process exits, with its exit code.
 */
import { context, propagation, SpanStatusCode, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-node";
import { afterEach, describe, expect, it } from "vitest";
import { jobProcessSpan } from "../src/trace.ts";

afterEach(() => {
  trace.disable();
  context.disable();
  propagation.disable();
});

describe("job process spans", () => {
  it("off: no trace context is handed to the worker", () => {
    const traced = jobProcessSpan(["import-job", "--job", "7", "--file", "x.xlsx"]);
    expect(traced.env).toEqual({});
    traced.ended(0, null);
  });

  it("on: the worker's TRACEPARENT names the span, ended with the exit code", async () => {
    const exporter = new InMemorySpanExporter();
    new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).register();
    const traced = jobProcessSpan(["import-job", "--job", "7", "--file", "x.xlsx"]);
    expect(exporter.getFinishedSpans()).toEqual([]);
    traced.ended(1, null);
    traced.ended(1, null);
    const spans = exporter.getFinishedSpans();
    expect(spans).toHaveLength(1);
    const span = spans[0]!;
    expect(span.name).toBe("job.process");
    expect(traced.env.TRACEPARENT).toBe(`00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`);
    expect(span.attributes).toMatchObject({
      "liangxin.job.command": "import-job",
      "liangxin.job.id": 7,
      "process.exit.code": 1,
    });
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(JSON.stringify(span.attributes)).not.toContain("x.xlsx");
  });
});
