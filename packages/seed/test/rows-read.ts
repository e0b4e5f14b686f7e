/**
 * The rows the statements reading (select, with) answered while `work` ran, from the driver's statement
 * spans (on the calling thread and, for statements asked of it, on the read thread): for tests that count
 * what a use case reads instead of timing it.
 */
import { context, propagation, trace } from "@opentelemetry/api";
import { NodeTracerProvider, type ReadableSpan, type SpanProcessor } from "@opentelemetry/sdk-trace-node";

export async function rowsRead(work: () => Promise<void>): Promise<number> {
  let rows = 0;
  const counter: SpanProcessor = {
    onStart: () => {},
    onEnd: (span: ReadableSpan) => {
      if (span.name === "db select" || span.name === "db with")
        rows += Number(span.attributes["db.response.returned_rows"] ?? 0);
    },
    forceFlush: () => Promise.resolve(),
    shutdown: () => Promise.resolve(),
  };
  new NodeTracerProvider({ spanProcessors: [counter] }).register();
  try {
    await work();
  } finally {
    trace.disable();
    context.disable();
    propagation.disable();
  }
  return rows;
}
