/**
 * The driver's statement spans (issue 26): none while tracing is off — the statements are better-sqlite3's
 * own, unwrapped — and, on, one per statement (one per iteration, whatever its rows) under the active span,
 * with the statement's text and rows but never a parameter's value.
 */
import { context, propagation, SpanStatusCode, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-node";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { users } from "../src/schema.ts";
import {
  execute,
  iterateRows,
  openTestDb,
  readTransaction,
  selectAll,
  selectMapped,
  selectValue,
  type Db,
} from "../src/driver/index.ts";
import { liveTracer } from "../src/driver/trace.ts";
import { pgliteDb } from "../src/driver/pg-db.ts";
import { openTestPglite } from "../src/driver/pg.ts";

/** A citizen ID as a statement's parameter (made up, with a valid check character). */
const CITIZEN_ID = "11010119900307123X";

function startInMemoryTracing(): InMemorySpanExporter {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  provider.register();
  return exporter;
}

function stopTracing(): void {
  trace.disable();
  context.disable();
  propagation.disable();
}

async function withPeople(db: Db, n: number): Promise<void> {
  await execute(db, sql`create temp table people (id integer primary key, cid text)`);
  for (let i = 1; i <= n; i++)
    await execute(db, sql`insert into people (id, cid) values (${i}, ${i === 1 ? CITIZEN_ID : `x${i}`})`);
}

afterEach(stopTracing);

describe("statement spans", () => {
  it("off: statements are better-sqlite3's own and no tracer is handed out", async () => {
    const db = openTestDb();
    await withPeople(db, 3);
    expect(liveTracer()).toBeUndefined();
    const stmt = db.$client.prepare("select cid from people where id = ?");
    const native = Object.getPrototypeOf(stmt) as Record<string, unknown>;
    for (const name of ["run", "get", "all", "iterate"] as const) expect(stmt[name]).toBe(native[name]);
    expect(await selectValue(db, sql`select count(*) from people`)).toBe(3);
    // Turning tracing on afterwards shows nothing was recorded meanwhile.
    const exporter = startInMemoryTracing();
    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it("on: a span per statement under the active span, with its text and rows, never its values", async () => {
    const exporter = startInMemoryTracing();
    const db = openTestDb();
    await withPeople(db, 1000);
    exporter.reset();
    const tracer = trace.getTracer("test");
    const requestId = await tracer.startActiveSpan("request", async (span) => {
      await selectAll(db, sql`select id from people where cid = ${CITIZEN_ID}`);
      await db
        .select({ id: users.id })
        .from(users)
        .where(sql`${users.username} = ${CITIZEN_ID}`);
      const mapped = await selectMapped<[number], number>(
        db,
        sql`select id from people order by id`,
        (r) => r[0],
      );
      expect(mapped).toHaveLength(1000);
      await readTransaction(db, async (tx) => {
        for await (const batch of iterateRows<[number]>(tx, sql`select id from people`, 100)) {
          expect(batch).toHaveLength(100);
          break;
        }
      });
      span.end();
      return span.spanContext().spanId;
    });
    const spans = exporter.getFinishedSpans().filter((s) => s.instrumentationScope.name === "liangxin-db");
    // Four statements, four spans: the mapped read's 1,000 rows and the iteration's batches are not spans.
    expect(spans.map((s) => s.name)).toEqual(["db select", "db select", "db select", "db select"]);
    for (const s of spans) {
      expect(s.parentSpanContext?.spanId).toBe(requestId);
      expect(s.attributes["db.system.name"]).toBe("sqlite");
    }
    expect(spans[0]!.attributes["db.query.text"]).toBe("select id from people where cid = ?");
    expect(spans[0]!.attributes["db.response.returned_rows"]).toBe(1);
    expect(String(spans[1]!.attributes["db.query.text"])).toContain('from "users"');
    expect(spans[2]!.attributes["db.response.returned_rows"]).toBe(1000);
    expect(spans[3]!.attributes["db.response.returned_rows"]).toBe(100);
    const everything = JSON.stringify(exporter.getFinishedSpans().map((s) => [s.attributes, s.status]));
    expect(everything).not.toContain(CITIZEN_ID);
  });

  it("on: a failing statement's span says its kind, not its message", async () => {
    const exporter = startInMemoryTracing();
    const db = openTestDb();
    await withPeople(db, 1);
    exporter.reset();
    await expect(execute(db, sql`insert into people (id, cid) values (1, ${CITIZEN_ID})`)).rejects.toThrow();
    const [span] = exporter.getFinishedSpans();
    expect(span?.name).toBe("db insert");
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes["error.type"]).toBe("SQLITE_CONSTRAINT_PRIMARYKEY");
    expect(span?.status.message).toBe("SQLITE_CONSTRAINT_PRIMARYKEY");
  });

  it("a statement kept while tracing was on makes no span once it is off", async () => {
    const exporter = startInMemoryTracing();
    const db = openTestDb();
    await withPeople(db, 2);
    const count = sql`select count(*) from people`;
    expect(await selectValue(db, count)).toBe(2);
    const before = exporter.getFinishedSpans().length;
    stopTracing();
    expect(await selectValue(db, count)).toBe(2);
    expect(exporter.getFinishedSpans()).toHaveLength(before);
  });

  it("on PostgreSQL (PGlite): a span per statement, under the active span, without values", async () => {
    const db = pgliteDb((await openTestPglite()).$client);
    const exporter = startInMemoryTracing();
    const parent = await trace.getTracer("test").startActiveSpan("request", async (span) => {
      expect(await selectValue(db, sql`select count(*) from users where username = ${CITIZEN_ID}`)).toBe(0);
      span.end();
      return span.spanContext().spanId;
    });
    const spans = exporter.getFinishedSpans().filter((s) => s.instrumentationScope.name === "liangxin-db");
    expect(spans).toHaveLength(1);
    expect(spans[0]!.parentSpanContext?.spanId).toBe(parent);
    expect(spans[0]!.attributes["db.system.name"]).toBe("postgresql");
    expect(spans[0]!.attributes["db.query.text"]).toBe("select count(*) from users where username = $1");
    expect(JSON.stringify(spans[0]!.attributes)).not.toContain(CITIZEN_ID);
  });
});
