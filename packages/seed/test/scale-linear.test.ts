/**
 * Issue 25, goal 9: the seeds after the scale city's rows (five basics, assessment, training, contacts)
 * read rows in proportion to the city. Each once read the whole city again per township or per node (a
 * 1,000,000-host city had not finished them after half an hour). Counted, not timed: the rows the
 * statements answered, from the driver's statement spans; the same seed reads the same rows, so the
 * figures are exact.
 */
import { context, propagation, trace } from "@opentelemetry/api";
import { NodeTracerProvider, type ReadableSpan, type SpanProcessor } from "@opentelemetry/sdk-trace-node";
import { afterEach, describe, expect, it } from "vitest";
import { openTestDb } from "@liangxin/db/driver";
import { seedScale } from "../src/scale.ts";

/** The rows the statements reading (select, with) answered while seeding a city of `hosts`. */
async function rowsRead(hosts: number): Promise<number> {
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
    await seedScale(openTestDb(), { hosts, today: "2026-12-03" });
  } finally {
    trace.disable();
    context.disable();
    propagation.disable();
  }
  return rows;
}

afterEach(() => trace.disable());

describe("the scale seed's reads", () => {
  it("grow with the city, not with its square (three times the townships, about three times the rows)", async () => {
    // 10 townships, then 30 (about 700 hosts each).
    const small = (await rowsRead(7_000)) / 7_000;
    const large = (await rowsRead(21_000)) / 21_000;
    expect(small).toBeGreaterThan(5);
    expect(large / small).toBeLessThan(1.2);
  }, 180_000);
});
