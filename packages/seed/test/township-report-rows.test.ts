/**
 * Issue 25, goal 3: a township's year-end report reads what its node holds, not the city. The same-size
 * township in a city three times larger must be answered from about as many rows (a township's report once
 * read every organization's path of the city, to find approved reports below a row; and the organizations,
 * coverages and instructors of the whole city before that). Counted, not timed: the rows the statements
 * answered, from the driver's statement spans (on the calling thread and on the read thread alike).
 */
import { trace } from "@opentelemetry/api";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { buildReport } from "@liangxin/core/reports";
import { openTestDb, selectAll, type Db } from "@liangxin/db/driver";
import { unsafeSystemScope } from "@liangxin/db/scope";
import { seedScale } from "../src/scale.ts";
import { rowsRead } from "./rows-read.ts";

const TODAY = "2026-12-03";

/** A township committee of the city with the number of hosts in its township. */
async function townships(db: Db): Promise<{ code: string; hosts: number }[]> {
  return selectAll<{ code: string; hosts: number }>(
    db,
    sql`select o.code as code, (select count(*) from hosts h where h.region_id = r.id) as hosts
        from regions r join orgs o on o.region_id = r.id and o.category = 'townshipCommittee'
        where r.level = 'township' order by o.code`,
  );
}

/** The rows the statements answered while building `code`'s report of 2025, and its grassroots organizations. */
async function rowsOfReport(db: Db, code: string): Promise<{ rows: number; orgs: number }> {
  let orgs = 0;
  const rows = await rowsRead(async () => {
    const view = await buildReport(
      { db, scope: await unsafeSystemScope(db), today: TODAY },
      { nodeCode: code, year: 2025 },
    );
    expect(view.node.code).toBe(code);
    expect(view.total.hosts).toBeGreaterThan(0);
    orgs = view.basics?.total.orgs ?? 0;
  });
  return { rows, orgs };
}

afterEach(() => trace.disable());

describe("a township's year-end report", () => {
  it("reads about as many rows in a city three times larger (same-size township)", async () => {
    const small = openTestDb();
    await seedScale(small, { hosts: 7_000, today: TODAY });
    const large = openTestDb();
    await seedScale(large, { hosts: 21_000, today: TODAY });
    // The first township of each city: the seed fills them alike (instructors, for one, are assigned to
    // the first hosts of the city, so townships further on have none).
    const [first] = await townships(small);
    const [same] = await townships(large);
    expect(Math.abs(same!.hosts - first!.hosts)).toBeLessThan(first!.hosts * 0.1);

    const inSmall = await rowsOfReport(small, first!.code);
    const inLarge = await rowsOfReport(large, same!.code);
    // The node's own records: at least a row per grassroots organization under it (its kept five basics;
    // the host parts and member groups are read per region and group, fewer rows than its hosts).
    expect(inSmall.orgs).toBeGreaterThan(0);
    expect(inSmall.rows).toBeGreaterThan(inSmall.orgs);
    expect(inLarge.rows / inSmall.rows).toBeLessThan(1.2);
  }, 240_000);
});
