/**
 * The access matrix: every role × every procedure of the app router, allowed and denied. The list of
 * procedures is read from the router itself: a procedure without a row here fails the first test.
 * Each row calls the procedure in the role's own area (expecting the outcome of the row) and, where the
 * procedure takes a record, with a record of another area (expecting "not found" for every signed-in role).
 * Mutations run in a write transaction on the seeded database that is always rolled back (`onCopy`); a row
 * whose job runs in a child process (SQLite only) on a fresh copy of it.
 *
 * On either engine: `LIANGXIN_TEST_ENGINE=pglite` (`npm run test:pglite`) runs the same rows on PostgreSQL
 * (PGlite, in-process), where SQL that only SQLite takes answers 500 (INTERNAL_SERVER_ERROR) and fails its row.
 */
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/root.ts";
import { buildWorld, callerOn, onCopy, ROLES, type Role, type World } from "./fixtures-views.ts";
import { type Call, type Outcome } from "./matrix-kit.ts";
import { MATRIX } from "./matrix.ts";
import { ENGINE } from "./sql-kit.ts";

const usernameOf = (r: Role) => (r === "anonymous" ? null : r);

async function outcome(p: () => Promise<unknown>): Promise<Outcome | string> {
  try {
    await p();
    return "ok";
  } catch (e) {
    // A 500 names its cause (on PostgreSQL: SQL that only SQLite takes), so the failing row says what broke.
    if (e instanceof TRPCError && e.code === "INTERNAL_SERVER_ERROR")
      return `${e.code}: ${String(e.cause ?? e.message)}`;
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
}

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

describe("access matrix", () => {
  it("has a row for every procedure of the app router, and no row for a procedure that does not exist", () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(Object.keys(MATRIX).sort()).toEqual(procedures);
  });

  for (const [path, entry] of Object.entries(MATRIX)) {
    describe(path, () => {
      const runs = entry.sqliteOnly === undefined || ENGINE === "sqlite" ? it : it.skip;
      /** The call on the shared world, or (a mutation) in a transaction on it that is rolled back. */
      const on = <T>(fn: (db: World["db"]) => Promise<T>) =>
        entry.mutates ? onCopy(world.db, fn, { fresh: entry.sqliteOnly !== undefined }) : fn(world.db);
      for (const role of ROLES) {
        const expected: Outcome = role === "anonymous" ? "UNAUTHORIZED" : entry.expect[role];
        runs(`${role}: own area → ${expected}`, async () => {
          const got = await on((db) =>
            outcome(() => entry.own(callerOn(db, usernameOf(role)), role, world, db)),
          );
          expect(got).toBe(expected);
        });
        const foreign: readonly Call[] =
          entry.foreign === undefined
            ? []
            : typeof entry.foreign === "function"
              ? [entry.foreign]
              : entry.foreign;
        foreign.forEach((call, i) => {
          const foreignExpected: Outcome = role === "anonymous" ? "UNAUTHORIZED" : "NOT_FOUND";
          const label = foreign.length > 1 ? ` (${i + 1})` : "";
          runs(`${role}: another area${label} → ${foreignExpected}`, async () => {
            const got = await on((db) =>
              outcome(() => call(callerOn(db, usernameOf(role)), role, world, db)),
            );
            expect(got).toBe(foreignExpected);
          });
        });
      }
    });
  }
});
