/**
 * The parts of the hostile-input fuzz test: tRPC over real HTTP (the fetch adapter the portal's
 * /api/trpc route uses, with real Request and Response objects), a caller that sends every call through
 * it, the SHA-256 of every table, and fast-check arbitraries derived from the zod 4 schemas of the
 * procedures (free text, hostile values, broken inputs).
 */
import { createHash } from "node:crypto";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import superjson from "superjson";
import type { z } from "zod";
import type { Db } from "@liangxin/db/driver";
import { createContext } from "../src/context.ts";
import { appRouter } from "../src/root.ts";
import { onCopy, TODAY, type Caller } from "./fixtures-views.ts";
import { isPg } from "./sql-kit.ts";

type AnyProcedure = { _def: { type: "query" | "mutation" | "subscription"; inputs: unknown[] } };
const PROCEDURES = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;

/** Every procedure of the app router, read from the router itself. */
export const procedurePaths = (): string[] => Object.keys(PROCEDURES).sort();
export const procedureType = (path: string): "query" | "mutation" =>
  PROCEDURES[path]?._def.type === "query" ? "query" : "mutation";
/** The procedure's input schema (zod 4), if it takes one. */
export const inputSchema = (path: string): z.ZodType | undefined =>
  PROCEDURES[path]?._def.inputs[0] as z.ZodType | undefined;

export interface HttpResult {
  status: number;
  text: string;
  /** The deserialised result (success) or error shape (failure). */
  data: unknown;
  error: { message: string; code: string } | null;
}

/** A raw request: what a hostile client could put on the wire, beside well-formed tRPC calls. */
export interface RawRequest {
  method: "GET" | "POST" | "PUT";
  /** The `input` query parameter, verbatim. */
  query?: string;
  body?: string;
  contentType?: string;
}

/** What the server receives for `input`: the value after superjson and JSON, both ways. */
export const onTheWire = (input: unknown): unknown => {
  try {
    return superjson.deserialize(JSON.parse(wire(input)) as Parameters<typeof superjson.deserialize>[0]);
  } catch {
    return Symbol("refused by superjson");
  }
};

/**
 * The request's JSON: superjson's encoding, as the tRPC client sends it. superjson refuses to encode an
 * object with a `__proto__` key; a hostile client sends it anyway, as plain JSON.
 */
function wire(input: unknown): string {
  try {
    return JSON.stringify(superjson.serialize(input));
  } catch {
    return JSON.stringify({ json: input });
  }
}

/** One request through the fetch adapter, with the context the portal's route builds (session user). */
export async function send(
  db: Db,
  userId: number | null,
  path: string,
  input: unknown,
  raw?: RawRequest,
): Promise<HttpResult> {
  const url = new URL(`http://127.0.0.1/api/trpc/${path}`);
  let req: Request;
  if (raw) {
    if (raw.query !== undefined) url.searchParams.set("input", raw.query);
    req = new Request(url, {
      method: raw.method,
      ...(raw.body !== undefined
        ? { body: raw.body, headers: { "content-type": raw.contentType ?? "application/json" } }
        : {}),
    });
  } else if (procedureType(path) === "query") {
    if (input !== undefined) url.searchParams.set("input", wire(input));
    req = new Request(url, { method: "GET" });
  } else {
    req = new Request(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: wire(input),
    });
  }
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext({ db, userId, today: TODAY }),
  });
  const text = await res.text();
  let parsed: { result?: { data?: unknown }; error?: unknown } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    // Not JSON: the assertions on the status and text say what is wrong.
  }
  if (parsed.error !== undefined) {
    const e = superjson.deserialize(parsed.error as Parameters<typeof superjson.deserialize>[0]) as {
      message?: unknown;
      data?: { code?: unknown };
    };
    return {
      status: res.status,
      text,
      data: e,
      error: { message: String(e?.message ?? ""), code: String(e?.data?.code ?? "") },
    };
  }
  const data =
    parsed.result?.data === undefined
      ? undefined
      : superjson.deserialize(parsed.result.data as Parameters<typeof superjson.deserialize>[0]);
  return { status: res.status, text, data, error: null };
}

/**
 * A caller (same shape as `createCaller`'s) whose every call goes through HTTP: the access-matrix rows can
 * be replayed on the wire. `vary` may rewrite a call's input before it is sent.
 */
export function httpCaller(
  db: Db,
  userId: number | null,
  opts: {
    vary?: (path: string, input: unknown) => unknown;
    seen?: (path: string, result: HttpResult) => void;
  } = {},
): Caller {
  const build = (segments: string[]): unknown =>
    new Proxy(() => undefined, {
      get: (_t, key) => (typeof key === "string" && key !== "then" ? build([...segments, key]) : undefined),
      apply: async (_t, _this, args: unknown[]) => {
        const path = segments.join(".");
        const input = opts.vary ? opts.vary(path, args[0]) : args[0];
        const r = await send(db, userId, path, input);
        opts.seen?.(path, r);
        if (r.error === null && r.status < 300) return r.data;
        const code = (r.error?.code || "INTERNAL_SERVER_ERROR") as TRPCError["code"];
        throw new TRPCError({ code, message: r.error?.message ?? `HTTP ${r.status}` });
      },
    });
  return build([]) as Caller;
}

/**
 * SHA-256 of every table's rows (SQLite only) (as the records tests hash the tables a refused change must not touch),
 * but the tables named in `except`.
 */
export function hashTables(db: Db, except: readonly string[] = []): string {
  const tables = (
    db.$client
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .pluck()
      .all() as string[]
  ).filter((t) => !except.includes(t));
  const h = createHash("sha256");
  for (const t of tables) {
    h.update(t);
    for (const row of db.$client.prepare(`select * from "${t}" order by rowid`).raw(true).iterate())
      h.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v)));
  }
  return h.digest("hex");
}

/** Rows changed on the connection so far (cheap check; the hash decides when it moved). SQLite only. */
export const totalChanges = (db: Db): number =>
  db.$client.prepare("select total_changes()").pluck().get() as number;

/**
 * Run `fn` inside a savepoint that is always rolled back: every case starts from the same database. On
 * PostgreSQL (PGlite) a write transaction on `db`, always rolled back (`onCopy`): `fn`'s statements on `db`
 * run in it, the procedures' own transactions as its savepoints.
 */
export async function rolledBack<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  if (isPg(db)) return onCopy(db, () => fn());
  db.$client.exec("savepoint fuzz_case");
  try {
    return await fn();
  } finally {
    db.$client.exec("rollback to fuzz_case; release fuzz_case");
  }
}

// ---------------------------------------------------------------------------------------------------
// The zod 4 schemas, read through their definitions.

interface ZodInternals {
  _zod: { def: { type: string; [k: string]: unknown } };
  minLength?: number | null;
  maxLength?: number | null;
  minValue?: number | null;
  maxValue?: number | null;
  isInt?: boolean;
}
const defOf = (s: unknown) => (s as ZodInternals)._zod.def;

/** The schema under optional / nullable / default / readonly wrappers, and whether null is allowed. */
export function unwrap(s: z.ZodType): { inner: z.ZodType; nullable: boolean; optional: boolean } {
  let cur = s;
  let nullable = false;
  let optional = false;
  for (;;) {
    const d = defOf(cur);
    if (d.type === "nullable") nullable = true;
    if (d.type === "optional" || d.type === "default" || d.type === "prefault") optional = true;
    if (["nullable", "optional", "default", "prefault", "readonly", "nonoptional", "catch"].includes(d.type))
      cur = d.innerType as z.ZodType;
    else if (d.type === "pipe" && defOf(d.in).type !== "transform") cur = d.in as z.ZodType;
    else return { inner: cur, nullable, optional };
  }
}

/** The object shape of an input schema (through wrappers and pipes), or null. */
export function shapeOf(s: z.ZodType | undefined): Record<string, z.ZodType> | null {
  if (!s) return null;
  const { inner } = unwrap(s);
  const d = defOf(inner);
  if (d.type === "object") return d.shape as Record<string, z.ZodType>;
  return null;
}

/** A string field with no format of its own (no regex, no refinement): names, notes, reasons, addresses. */
export function isFreeText(s: z.ZodType): boolean {
  const { inner } = unwrap(s);
  const d = defOf(inner);
  if (d.type !== "string") return false;
  const checks = (d.checks ?? []) as { _zod: { def: { check: string } } }[];
  return checks.every((c) =>
    ["min_length", "max_length", "overwrite", "length_equals"].includes(c._zod.def.check),
  );
}

/** Strings a hostile user types: SQL and LIKE fragments, markup, formula prefixes, odd Unicode. */
export const NASTY_STRINGS = [
  "' OR 1=1 --",
  "'; DROP TABLE hosts; --",
  '"; DROP TABLE members; --',
  "1) union select username, password_hash from users --",
  "%",
  "_",
  "%_%",
  "\\",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '=HYPERLINK("http://x")',
  "+1+1",
  "-2+3",
  "@SUM(A1)",
  "{{7*7}}",
  "${jndi:ldap://x}",
  "../../etc/passwd",
  "\u202e反转",
  "党建\u200b零宽",
  "𠮷𠮷𠮷",
  "👨‍👩‍👧",
] as const;

export const CONTROL_STRINGS = [
  "\u0000",
  "a\u0000b",
  "\u0007\u0008\u001b[31m",
  "\r\n\r\n",
  "\uFEFF",
  "\ud800",
  "\t",
];

/** A valid value for a free-text field: random, nasty, markup, Chinese; within the field's limits. */
export function freeTextArb(field: z.ZodType): fc.Arbitrary<string> {
  const { inner } = unwrap(field);
  const i = inner as unknown as ZodInternals;
  const max = Math.min(i.maxLength ?? 60, 60);
  const min = i.minLength ?? 0;
  return fc
    .oneof(
      fc.string({ minLength: min, maxLength: max }),
      fc.string({ unit: "grapheme", minLength: min, maxLength: max }),
      fc.constantFrom(...NASTY_STRINGS),
      fc.stringMatching(/^[\u4e00-\u9fa5]{1,12}$/),
    )
    .map((s) => s.slice(0, i.maxLength ?? s.length))
    .filter((s) => field.safeParse(s).success);
}

/** A value of the wrong kind, out of range, huge, or hostile: what a field must refuse (mostly). */
export const hostileValueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    true,
    false,
    0,
    -1,
    1.5,
    -0,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    2 ** 53,
    -(2 ** 31),
    1e308,
    Number.MAX_SAFE_INTEGER + 2,
    "",
    " ",
    "1",
    "true",
    "null",
    "2026-13-45",
    "0000-00-00",
    "２０２６-01-01",
    [],
    {},
    [1, 2, 3],
    { id: 1 },
    10n ** 30n,
    new Date("invalid"),
    new Date(8.64e15),
    new Map([["id", 1]]),
    new Set([1]),
    new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    /x/,
    JSON.parse('{"__proto__": {"admin": true}}') as unknown,
    "a".repeat(100_000),
    "中".repeat(20_000),
    ...NASTY_STRINGS,
    ...CONTROL_STRINGS,
  ),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

/** Inputs built from a valid base: the whole input replaced, one key broken, removed or nested into. */
export function hostileInputArb(schema: z.ZodType | undefined, base: unknown): fc.Arbitrary<unknown> {
  const shape = shapeOf(schema);
  const baseObj = base !== null && typeof base === "object" && !Array.isArray(base) ? base : {};
  const keys = shape ? Object.keys(shape) : Object.keys(baseObj);
  const whole = hostileValueArb;
  if (keys.length === 0) return whole;
  const key = fc.constantFrom(...keys);
  const broken = fc
    .tuple(key, hostileValueArb)
    .map(([k, v]) => ({ ...(baseObj as Record<string, unknown>), [k]: v }));
  const missing = key.map((k) => {
    const copy = { ...(baseObj as Record<string, unknown>) };
    delete copy[k];
    return copy;
  });
  const twoBroken = fc
    .tuple(key, hostileValueArb, key, hostileValueArb)
    .map(([k1, v1, k2, v2]) => ({ ...(baseObj as Record<string, unknown>), [k1]: v1, [k2]: v2 }));
  return fc.oneof(
    { arbitrary: whole, weight: 2 },
    { arbitrary: broken, weight: 5 },
    { arbitrary: missing, weight: 2 },
    { arbitrary: twoBroken, weight: 2 },
  );
}

/** A valid base with extra keys (stripped by the schemas) and every free-text field re-typed. */
/** Ids and versions point at data: a number field that is neither is a quantity, a year or a page. */
const pointsAtData = (key: string) => key === "id" || key === "version" || /Id$/.test(key);

/** Any value in the range of a number field (its edges included), or null when it has no range. */
export function numberArb(field: z.ZodType): fc.Arbitrary<number> | null {
  const { inner } = unwrap(field);
  if (defOf(inner).type !== "number") return null;
  const n = inner as unknown as ZodInternals;
  const min = n.minValue ?? Number.NaN;
  const max = n.maxValue ?? Number.NaN;
  if (!Number.isFinite(min) || !Number.isFinite(max)) return null;
  const edges = fc.constantFrom(min, max);
  if (!n.isInt) return fc.oneof(edges, fc.double({ min, max, noNaN: true }));
  return fc.oneof(edges, fc.integer({ min, max: Math.min(max, min + 10_000) }), fc.integer({ min, max }));
}

export function validVariantArb(
  schema: z.ZodType | undefined,
  base: unknown,
  keep: readonly string[] = [],
  opts: { numbers?: boolean } = {},
): fc.Arbitrary<unknown> {
  const shape = shapeOf(schema);
  if (!shape || base === null || typeof base !== "object" || Array.isArray(base)) return fc.constant(base);
  const b = base as Record<string, unknown>;
  const free = Object.keys(shape).filter(
    (k) => shape[k] !== undefined && isFreeText(shape[k]) && b[k] != null && !keep.includes(k),
  );
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const k of free) record[k] = freeTextArb(shape[k] as z.ZodType);
  // Reads: every number that is not an id or a version, anywhere in its range (pages, sizes, years).
  if (opts.numbers)
    for (const k of Object.keys(shape)) {
      const arb = !pointsAtData(k) && !keep.includes(k) && shape[k] ? numberArb(shape[k]) : null;
      if (arb && (b[k] !== undefined || unwrap(shape[k] as z.ZodType).optional)) record[k] = arb;
    }
  return fc
    .tuple(
      fc.record(record),
      fc.option(fc.dictionary(fc.stringMatching(/^x[A-Za-z]{1,8}$/), hostileValueArb, { maxKeys: 2 })),
    )
    .map(([texts, extra]) => ({ ...(extra ?? {}), ...b, ...texts }))
    .filter((v) => schema === undefined || schema.safeParse(onTheWire(v)).success);
}
