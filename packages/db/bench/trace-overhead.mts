// Run: cd packages/db && npx tsx bench/trace-overhead.mts [on]
// Overhead of the driver's tracing hooks while tracing is off: 10,000 statement runs, median of 5
// (interleaved), on a connection without the hook (plain better-sqlite3 + drizzle) and one from openDb.
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { sql } from "drizzle-orm";
import { openDb, selectValue, type Db } from "../src/driver/index.ts";
import * as schema from "../src/schema.ts";

const N = 10_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const plainDb = () =>
  drizzle({ client: new Database(":memory:"), schema, casing: "snake_case" }) as unknown as Db;
function setup(db: Db) {
  db.$client.prepare("create table t (id integer primary key, v text)").run();
  const ins = db.$client.prepare("insert into t (id, v) values (?, ?)");
  for (let i = 0; i < 100; i++) ins.run(i, `v${i}`);
  return db;
}
const kinds: Record<string, (db: Db) => Promise<void>> = {
  "selectValue (kept statement, query.ts)": async (db) => {
    for (let i = 0; i < N; i++) await selectValue(db, sql`select v from t where id = ${i % 100}`);
  },
  "prepare + get (a fresh statement each run, as drizzle's builder)": async (db) => {
    for (let i = 0; i < N; i++) db.$client.prepare("select v from t where id = ?").get(i % 100);
  },
};
const plain = setup(plainDb());
const hooked = setup(openDb(":memory:"));
for (const [name, run] of Object.entries(kinds)) {
  await run(plain);
  await run(hooked);
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < 5; r++) {
    let t = performance.now();
    await run(plain);
    a.push(performance.now() - t);
    t = performance.now();
    await run(hooked);
    b.push(performance.now() - t);
  }
  const [ma, mb] = [median(a), median(b)];
  console.log(
    `${name}: without hook ${ma.toFixed(1)} ms, with hook (off) ${mb.toFixed(1)} ms, ` +
      `difference ${(((mb - ma) / N) * 1000).toFixed(2)} µs per statement (${(((mb - ma) / ma) * 100).toFixed(1)} %)`,
  );
}
if (process.argv[2] === "on") {
  const { NodeTracerProvider, SimpleSpanProcessor, InMemorySpanExporter } =
    await import("@opentelemetry/sdk-trace-node");
  const ex = new InMemorySpanExporter();
  new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(ex)] }).register();
  const on = setup(openDb(":memory:"));
  for (const [name, run] of Object.entries(kinds)) {
    await run(on);
    const c: number[] = [];
    for (let r = 0; r < 5; r++) {
      ex.reset();
      const t = performance.now();
      await run(on);
      c.push(performance.now() - t);
    }
    console.log(`${name}: tracing ON (in-memory exporter) ${median(c).toFixed(1)} ms for ${N}`);
  }
}
