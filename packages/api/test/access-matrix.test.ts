/**
 * The access matrix: every role × every procedure of the app router, allowed and denied. The list of
 * procedures is read from the router itself: a procedure without a row here fails the first test.
 * Each row calls the procedure in the role's own area (expecting the outcome of the row) and, where the
 * procedure takes a record, with a record of another area (expecting "not found" for every signed-in role).
 * Mutations run on a fresh copy of the seeded database per role.
 */
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/root.ts";
import { buildWorld, callerOn, cloneDb, ROLES, type Role, type World } from "./fixtures-views.ts";
import { type Call, type Outcome } from "./matrix-kit.ts";
import { MATRIX } from "./matrix.ts";

const usernameOf = (r: Role) => (r === "anonymous" ? null : r);

async function outcome(p: () => Promise<unknown>): Promise<Outcome | string> {
  try {
    await p();
    return "ok";
  } catch (e) {
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
      for (const role of ROLES) {
        const expected: Outcome = role === "anonymous" ? "UNAUTHORIZED" : entry.expect[role];
        it(`${role}: own area → ${expected}`, async () => {
          const db = entry.mutates ? cloneDb(world.db) : world.db;
          const c = callerOn(db, usernameOf(role));
          expect(await outcome(() => entry.own(c, role, world, db))).toBe(expected);
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
          it(`${role}: another area${label} → ${foreignExpected}`, async () => {
            const db = entry.mutates ? cloneDb(world.db) : world.db;
            const c = callerOn(db, usernameOf(role));
            expect(await outcome(() => call(c, role, world, db))).toBe(foreignExpected);
          });
        });
      }
    });
  }
});
