/**
 * Hostile input (issue 9): every procedure of the app router — the list is read from the router, so a new
 * procedure is fuzzed without a line here — is called over real HTTP (tRPC's fetch adapter with the
 * context the portal's /api/trpc route builds) on a migrated demo database file.
 *
 * - Hostile inputs (fast-check, built from the procedure's zod schema and a valid base: wrong types, huge
 *   strings, control characters, SQL and markup fragments, out-of-range numbers, missing keys) and raw
 *   malformed requests answer a 4xx whose message is Chinese, without stack trace or SQL, and leave every
 *   table as it was (SHA-256 of all rows). Never a 5xx, even when the schema lets the value through.
 * - Valid inputs: each access-matrix row is replayed over HTTP for every role (the outcome of the row:
 *   success, or the refusal it names), and for the first role allowed, fast-check re-types the row's
 *   free-text fields (random Unicode, SQL, markup, formula prefixes) and adds extra keys: it must succeed.
 *
 * Every case runs in a savepoint that is rolled back, so all cases start from the seeded city.
 * Seed: FUZZ_SEED (printed by fast-check with the failing path); runs: FUZZ_RUNS (hostile cases per procedure).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDb, openDb, type Db } from "@liangxin/db/driver";
import { buildWorld, type Role, type World } from "./fixtures-views.ts";
import type { Outcome } from "./matrix-kit.ts";
import { MATRIX } from "./matrix.ts";
import {
  hashTables,
  hostileInputArb,
  httpCaller,
  inputSchema,
  onTheWire,
  procedurePaths,
  procedureType,
  rolledBack,
  send,
  totalChanges,
  validVariantArb,
  type HttpResult,
  type RawRequest,
} from "./fuzz-kit.ts";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_122);
const HOSTILE_RUNS = Number(process.env.FUZZ_RUNS ?? 16);
/** A procedure without input ignores it: a few runs show that nothing breaks, without re-running exports. */
const NO_INPUT_RUNS = 2;
const VALID_RUNS = Number(process.env.FUZZ_VALID_RUNS ?? 4);

/** Statuses a refusal may carry; 405 only for a request with the wrong method. */
const REFUSALS = [400, 401, 403, 404, 409, 413, 415, 422];
const STATUS_OF: Record<string, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};
const CHINESE = /[\u4e00-\u9fff]/;
const STACK = /\n\s+at |node:internal|node_modules|\.ts:\d+|\.js:\d+/;
/** Zod's English defaults, if a schema's message ever falls back to them. */
const ENGLISH = /\b(Invalid|expected|received|Too (big|small)|Unrecognized|Required|Unexpected|Unable)\b/;
const SQL =
  /SQLITE_|sqlite|constraint failed|no such (table|column)|syntax error|\bselect\b.+\bfrom\b|\binsert into\b/i;

/**
 * Fields the variants would re-type (free text; for reads, numbers in their range) whose value must match
 * the data: another value is a legitimate refusal, not a valid variant.
 */
const MUST_MATCH_DATA: Record<string, readonly string[]> = {
  "account.changePassword": ["oldPassword"], // the stored password
  // The node must exist at the end of the year: 1983 for a committee founded later is a 400 that says so.
  // A lookup by exact code: another code is an organization that does not exist (404), not a valid variant.
  "orgs.lookup": ["code"],
  // Likewise a host by its exact credit code.
  "hosts.lookup": ["creditCode"],
  // A record of another area named by its exact key (issue 15, foreign keys through scope): another key is
  // a record that does not exist (404).
  "records.dualLink.set": ["regionalOrgCode"],
  "records.transfer.request": ["toOrgCode"],
  "records.member.create": ["workHostCreditCode"],
  "records.member.update": ["workHostCreditCode"],
  "records.instructor.create": ["dispatchOrgCode"],
  "records.instructor.update": ["dispatchOrgCode"],
  "records.coverageRequest.propose": ["creditCode"],
};

/**
 * Procedures whose refusal records the attempt on purpose, and the tables it writes: a wrong old password
 * counts toward the sign-in throttle (rate_limits) and is audited, like a failed sign-in.
 */
const REFUSAL_RECORDS: Record<string, readonly string[]> = {
  "account.changePassword": ["rate_limits", "audit_log"],
};

/** The procedures whose row cannot be replayed as is over HTTP, and why. */
const NOT_REPLAYED: Record<string, string> = {
  "io.startImport":
    "the row starts an import child process on a file copy; over HTTP it is checked below with the template bytes",
  "io.startExport": "the row starts an export child process on a file copy of the database",
};

interface Tally {
  hostile: number;
  rejectedBySchema: number;
  passedSchema: number;
  raw: number;
  replays: number;
  variants: number;
  statuses: Record<number, number>;
}
const tally: Record<string, Tally> = {};
const count = (p: string): Tally =>
  (tally[p] ??= {
    hostile: 0,
    rejectedBySchema: 0,
    passedSchema: 0,
    raw: 0,
    replays: 0,
    variants: 0,
    statuses: {},
  });
const note = (p: string, r: HttpResult) => {
  const t = count(p);
  t.statuses[r.status] = (t.statuses[r.status] ?? 0) + 1;
};

let world: World;
let db: Db;
let dir: string;
let pristine: string;
const userId = (r: Role): number | null => (r === "anonymous" ? null : world.ids.user(r));

beforeAll(async () => {
  const seeded = await buildWorld();
  dir = mkdtempSync(path.join(tmpdir(), "liangxin-fuzz-"));
  const file = path.join(dir, "demo.db");
  writeFileSync(file, seeded.db.$client.serialize());
  db = openDb(file);
  migrateDb(db);
  world = { ...seeded, db };
  pristine = hashTables(db);
});

afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
  const rows = Object.entries(tally).map(([p, t]) => ({
    procedure: p,
    ...t,
    statuses: JSON.stringify(t.statuses),
  }));
  const sum = (k: keyof Omit<Tally, "statuses">) => rows.reduce((s, r) => s + r[k], 0);
  console.log(
    `hostile-input: ${rows.length} procedures, ${sum("hostile")} hostile inputs (${sum("rejectedBySchema")} refused by the schema, ${sum("passedSchema")} let through), ${sum("raw")} raw requests, ${sum("replays")} matrix replays, ${sum("variants")} valid variants; seed ${SEED}`,
  );
  if (process.env.FUZZ_TABLE) console.table(rows);
});

/** A refusal as a user sees it: a 4xx, a Chinese message, no stack trace or SQL, nothing written. */
function expectRefusal(r: HttpResult, allowed = REFUSALS): void {
  expect(allowed, r.text.slice(0, 500)).toContain(r.status);
  expect(r.error?.message ?? "", r.text.slice(0, 500)).toMatch(CHINESE);
  expect(r.error?.message ?? "").not.toMatch(ENGLISH);
  expect(r.text).not.toMatch(STACK);
  expect(r.error?.message ?? "").not.toMatch(SQL);
}

/** Roles in the order their scope grows: the smallest allowed one is fuzzed (cheapest requests). */
const BY_SCOPE: readonly Role[] = ["township", "branch", "owner", "industry", "county", "city"];

/** The first role whose row says the call succeeds: the one whose inputs reach the procedure. */
function fuzzRole(p: string): Role {
  const row = MATRIX[p];
  const ok = row ? BY_SCOPE.find((r) => row.expect[r as Exclude<Role, "anonymous">] === "ok") : undefined;
  return ok ?? "township";
}

/**
 * The roles whose row is replayed over HTTP: the fuzzed one, the first refused one and the anonymous
 * caller (the access matrix runs every role in process; over HTTP the status and message are the point).
 */
function replayRoles(p: string): Role[] {
  const row = MATRIX[p];
  if (!row) return [];
  const refused = BY_SCOPE.find((r) => row.expect[r as Exclude<Role, "anonymous">] !== "ok");
  return [fuzzRole(p), ...(refused ? [refused] : []), "anonymous"];
}

/** The row's own input for a role, captured from a run of the row (rolled back). */
async function baseInput(p: string, role: Role): Promise<unknown> {
  const row = MATRIX[p];
  if (!row || NOT_REPLAYED[p]) return undefined;
  let captured: unknown;
  await rolledBack(db, async () => {
    const c = httpCaller(db, userId(role), {
      vary: (path, input) => {
        if (path === p) captured = input;
        return input;
      },
    });
    await row.own(c, role, world, db).catch(() => undefined);
  });
  return captured;
}

/** One hostile call: never a 5xx; a refusal leaves the tables as they were. */
async function hostileCall(p: string, role: Role, input: unknown): Promise<HttpResult> {
  return rolledBack(db, async () => {
    const changes = totalChanges(db);
    const except = REFUSAL_RECORDS[p] ?? [];
    const before = except.length ? hashTables(db, except) : pristine;
    const r = await send(db, userId(role), p, input);
    note(p, r);
    expect(r.status, `${p} answered ${r.status}: ${r.text.slice(0, 300)}`).toBeLessThan(500);
    if (r.status >= 400) {
      expectRefusal(r);
      // No row written on the connection: the tables are as they were. Otherwise their hash decides.
      if (totalChanges(db) !== changes)
        expect(hashTables(db, except), `${p} wrote before refusing`).toBe(before);
    }
    return r;
  });
}

/** Malformed requests no tRPC client sends. */
function rawRequests(p: string): RawRequest[] {
  const q = procedureType(p) === "query";
  const wire = (body: string): RawRequest => (q ? { method: "GET", query: body } : { method: "POST", body });
  const wrongMethod: RawRequest = q ? { method: "POST", body: "{}" } : { method: "GET", query: "{}" };
  // Without an input the procedure never reads one: what is left to try is the wire itself.
  if (!inputSchema(p)) return [wire("{"), wrongMethod, { method: "PUT", body: "{}" }];
  return [
    wire("{"),
    wire("not json"),
    wire('{"json":'),
    wire('{"json":{"id":1},"meta":{"values":{"id":["class","Nope"]}}}'),
    wire('{"json":{"id":"1"},"meta":{"values":{"id":["bigint"]}}}'),
    wire('{"json":{"__proto__":{"admin":true}},"meta":{"values":{"__proto__.admin":["undefined"]}}}'),
    wire('{"json":null,"meta":{"referentialEqualities":{"":["__proto__"]}}}'),
    wire('{"json":{"constructor":{"prototype":{"admin":true}}}}'),
    wire('[{"json":{"id":1}}]'),
    wire("\u0000\u0001\u0002"),
    wrongMethod,
    { method: "PUT", body: "{}" },
  ];
}

/** The input a raw request carries, decoded as the server decodes it. */
function decodeRaw(raw: RawRequest): unknown {
  try {
    return superjson.deserialize(
      JSON.parse(raw.query ?? raw.body ?? "null") as Parameters<typeof superjson.deserialize>[0],
    );
  } catch {
    return Symbol("undecodable");
  }
}

describe("hostile input over HTTP", () => {
  it("fuzzes every procedure of the app router", () => {
    expect(procedurePaths().length).toBeGreaterThan(50);
    expect(Object.keys(MATRIX).sort()).toEqual(procedurePaths());
  });

  it("answers an unknown procedure and an oversized path with a Chinese 404", async () => {
    for (const p of ["nope", "hosts.nope", "hosts.get.x", "__proto__", "constructor", "a".repeat(5000)]) {
      const r = await send(db, userId("city"), p, { id: 1 });
      expectRefusal(r, [404]);
    }
  });

  for (const p of procedurePaths()) {
    describe(p, () => {
      it("refuses hostile input with a Chinese 4xx and changes nothing", async () => {
        const role = fuzzRole(p);
        const schema = inputSchema(p);
        const base = await baseInput(p, role);

        // Signed out: refused whatever the input.
        expectRefusal(await hostileCall(p, "anonymous", base), [401]);

        await fc.assert(
          fc.asyncProperty(hostileInputArb(schema, base), async (input) => {
            const t = count(p);
            t.hostile++;
            const refusedBySchema = schema !== undefined && !schema.safeParse(onTheWire(input)).success;
            if (refusedBySchema) t.rejectedBySchema++;
            else t.passedSchema++;
            const r = await hostileCall(p, role, input);
            // What the schema refuses never reaches the procedure: a 400 naming the input.
            if (refusedBySchema) expect(r.status, r.text.slice(0, 300)).toBe(400);
          }),
          { seed: SEED, numRuns: schema ? HOSTILE_RUNS : NO_INPUT_RUNS, endOnFailure: true },
        );

        for (const raw of rawRequests(p)) {
          count(p).raw++;
          await rolledBack(db, async () => {
            const changes = totalChanges(db);
            const r = await send(db, userId(role), p, undefined, raw);
            note(p, r);
            expect(r.status, r.text.slice(0, 300)).toBeLessThan(500);
            if (r.status >= 400) expectRefusal(r, [...REFUSALS, 405]);
            // Answered: only what the schema accepts once decoded (an object of defaults, say).
            else
              expect(
                schema === undefined || schema.safeParse(decodeRaw(raw)).success,
                raw.query ?? raw.body,
              ).toBe(true);
            expect(totalChanges(db)).toBe(changes);
          });
        }
      });

      it("answers valid input: each role's row over HTTP, and generated variants succeed", async () => {
        const row = MATRIX[p];
        expect(row, `no access-matrix row for ${p}`).toBeDefined();
        if (!row || NOT_REPLAYED[p]) return;
        for (const role of replayRoles(p)) {
          const expected: Outcome = role === "anonymous" ? "UNAUTHORIZED" : row.expect[role];
          await rolledBack(db, async () => {
            // Every refusal on the way (of this procedure or of a call the row makes first) reads right.
            const c = httpCaller(db, userId(role), {
              seen: (path, r) => {
                if (path === p) count(p).replays++;
                note(p, r);
                expect(r.status, r.text.slice(0, 300)).toBeLessThan(500);
                if (r.status >= 400) expectRefusal(r);
                if (r.error && STATUS_OF[r.error.code]) expect(r.status).toBe(STATUS_OF[r.error.code]);
              },
            });
            let got: string = "ok";
            try {
              await row.own(c, role, world, db);
            } catch (e) {
              if (!(e instanceof TRPCError)) throw e;
              got = e.code;
            }
            expect(got, `${p} as ${role}`).toBe(expected);
          });
        }
        const role = fuzzRole(p);
        const schema = inputSchema(p);
        // The row's input with its free text re-typed and extra keys added: still valid, so it succeeds.
        await fc.assert(
          fc.asyncProperty(fc.integer(), async (variantSeed) => {
            count(p).variants++;
            await rolledBack(db, async () => {
              const c = httpCaller(db, userId(role), {
                vary: (path, input) =>
                  path === p
                    ? fc.sample(
                        validVariantArb(schema, input, MUST_MATCH_DATA[p], {
                          numbers: procedureType(p) === "query",
                        }),
                        {
                          numRuns: 1,
                          seed: variantSeed,
                        },
                      )[0]
                    : input,
              });
              await row.own(c, role, world, db);
            });
          }),
          { seed: SEED, numRuns: schema === undefined ? 1 : VALID_RUNS },
        );
      });
    });
  }

  it("leaves the database as it was seeded (SHA-256 of every table)", () => {
    expect(hashTables(db)).toBe(pristine);
  });
});
