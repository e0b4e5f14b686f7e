/**
 * The statement runners keep one prepared statement per connection and text (driver/query.ts): whatever
 * row mode the last user of a kept statement left it in (rows as arrays, one column plucked), each runner
 * answers its own shape.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openTestDb } from "../src/driver/client.ts";
import {
  execute,
  selectAll,
  selectColumnPrepared,
  selectMapped,
  selectOne,
  selectRows,
  selectValue,
} from "../src/driver/query.ts";

describe("kept statements", () => {
  it("answer objects, arrays or one column as asked, in any order on the same text", async () => {
    const db = openTestDb();
    await execute(db, sql`create table t (a integer, b text)`);
    for (const [a, b] of [
      [1, "一"],
      [2, "二"],
    ] as const)
      await execute(db, sql`insert into t (a, b) values (${a}, ${b})`);
    const q = () => sql`select a, b from t where a >= ${1} order by a`;
    expect(await selectColumnPrepared<number>(db, q())).toEqual([1, 2]);
    expect(await selectAll(db, q())).toEqual([
      { a: 1, b: "一" },
      { a: 2, b: "二" },
    ]);
    expect(await selectRows(db, q())).toEqual([
      [1, "一"],
      [2, "二"],
    ]);
    expect(await selectOne(db, q())).toEqual({ a: 1, b: "一" });
    expect(await selectMapped(db, q(), (r: [number, string]) => r[1])).toEqual(["一", "二"]);
    expect(await selectValue(db, q())).toBe(1);
    expect(await selectOne(db, q())).toEqual({ a: 1, b: "一" });
  });

  it("bind each call's own parameters and see the rows written since", async () => {
    const db = openTestDb();
    await execute(db, sql`create table t (a integer)`);
    const insert = (a: number) => execute(db, sql`insert into t (a) values (${a})`);
    const above = (n: number) =>
      selectColumnPrepared<number>(db, sql`select a from t where a > ${n} order by a`);
    expect((await insert(5)).changes).toBe(1);
    await insert(7);
    expect(await above(6)).toEqual([7]);
    await insert(9);
    expect(await above(4)).toEqual([5, 7, 9]);
    expect(await selectAll(db, sql`select a from t where a > ${8}`)).toEqual([{ a: 9 }]);
  });
});
