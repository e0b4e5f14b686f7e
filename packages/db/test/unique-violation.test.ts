/**
 * A unique violation names its column on both engines: "this code is taken" is said for the code's unique
 * index only, never for another key (a primary key taken by a row an import numbered was once refused as
 * "统一社会信用代码已登记").
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { regions } from "../src/schema.ts";
import { closeDatabase, isUniqueViolation, openTestDb, pgliteDb, type Db } from "../src/driver/index.ts";
import { openTestPglite } from "../src/driver/pg.ts";

const region = (id: number, code: string) => ({
  id,
  code,
  name: `区${id}`,
  level: "city" as const,
  path: `/${id}/`,
  depth: 0,
});

async function refusal(db: Db, row: ReturnType<typeof region>): Promise<unknown> {
  try {
    await db.insert(regions).values(row);
  } catch (e) {
    return e;
  }
  throw new Error("the insert was taken");
}

const engines: [string, () => Promise<Db>][] = [
  ["SQLite", async () => openTestDb()],
  ["PostgreSQL (PGlite)", async () => pgliteDb((await openTestPglite()).$client)],
];

describe.each(engines)("a unique violation on %s", (name, open) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
    await db.insert(regions).values(region(1, "330100"));
  }, 60_000);
  afterAll(async () => {
    await closeDatabase(db);
  });

  it("of the code is one of the code's index", async () => {
    const e = await refusal(db, region(2, "330100"));
    expect(isUniqueViolation(e)).toBe(true);
    expect(isUniqueViolation(e, "code")).toBe(true);
    expect(isUniqueViolation(e, "name")).toBe(false);
  });

  it("of the id is not one of the code's index", async () => {
    const e = await refusal(db, region(1, "330200"));
    // PostgreSQL answers a taken primary key with the same code (23505) as a taken code: the column tells.
    if (name !== "SQLite") expect(isUniqueViolation(e)).toBe(true);
    expect(isUniqueViolation(e, "code")).toBe(false);
    expect(await db.select({ code: regions.code }).from(regions)).toEqual([{ code: "330100" }]);
  });
});
