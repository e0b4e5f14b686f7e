/**
 * Issue 25, goal 9: the seeds after the scale city's rows (five basics, assessment, training, contacts)
 * read rows in proportion to the city. Each once read the whole city again per township or per node (a
 * 1,000,000-host city had not finished them after half an hour). Counted, not timed: the rows the
 * statements answered, from the driver's statement spans; the same seed reads the same rows, so the
 * figures are exact.
 */
import { trace } from "@opentelemetry/api";
import { afterEach, describe, expect, it } from "vitest";
import { openTestDb } from "@liangxin/db/driver";
import { seedScale } from "../src/scale.ts";
import { rowsRead } from "./rows-read.ts";

/** The rows the statements reading (select, with) answered while seeding a city of `hosts`. */
function rowsOfSeed(hosts: number): Promise<number> {
  return rowsRead(async () => {
    await seedScale(openTestDb(), { hosts, today: "2026-12-03" });
  });
}

afterEach(() => trace.disable());

describe("the scale seed's reads", () => {
  it("grow with the city, not with its square (three times the townships, about three times the rows)", async () => {
    // 10 townships, then 30 (about 700 hosts each).
    const small = (await rowsOfSeed(7_000)) / 7_000;
    const large = (await rowsOfSeed(21_000)) / 21_000;
    expect(small).toBeGreaterThan(5);
    expect(large / small).toBeLessThan(1.2);
  }, 180_000);
});
