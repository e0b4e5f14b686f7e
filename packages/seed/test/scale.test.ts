import { beforeAll, describe, expect, it } from "vitest";
import {
  buildAsOfIndex,
  checkRecords,
  DEFAULT_POLICY,
  isValidCitizenId,
  isValidCreditCode,
} from "@liangxin/domain";
import { openTestDb } from "@liangxin/db/driver";
import { loadSnapshot } from "@liangxin/db/snapshot";
import { seedScale, type ScaleSummary } from "../src/scale.ts";

describe("seedScale", () => {
  const db = openTestDb();
  let summary: ScaleSummary;
  beforeAll(async () => {
    summary = await seedScale(db, { hosts: 7_000 });
  });
  const all = <T>(sql: string) => db.$client.prepare(sql).all() as T[];
  const one = (sql: string) => db.$client.prepare(sql).pluck().get() as number;

  it("keeps a large city's proportions per 200,000 hosts", () => {
    const hosts = one("select count(*) from hosts");
    expect(hosts).toBe(7_000);
    const per200k = (n: number) => (n / hosts) * 200_000;
    expect(per200k(one("select count(*) from orgs"))).toBeGreaterThan(25_000);
    expect(per200k(one("select count(*) from orgs"))).toBeLessThan(35_000);
    expect(per200k(one("select count(*) from members"))).toBeGreaterThan(350_000);
    expect(per200k(one("select count(*) from members"))).toBeLessThan(450_000);
    expect(per200k(one("select count(*) from instructors"))).toBeCloseTo(40_000, -3);
  });

  it("makes townships of about 700 hosts", () => {
    const sizes = all<{ n: number }>("select count(*) as n from hosts group by region_id").map((r) => r.n);
    expect(summary.townships).toBe(10);
    for (const n of sizes) expect(Math.abs(n - 700)).toBeLessThan(100);
  });

  it("writes valid codes and data that keeps the domain's rules", async () => {
    const bad = all<{ credit_code: string }>("select credit_code from hosts").filter(
      (h) => !isValidCreditCode(h.credit_code),
    );
    expect(bad).toEqual([]);
    const badIds = all<{ id_number: string }>("select id_number from members").filter(
      (m) => !isValidCitizenId(m.id_number),
    );
    expect(badIds).toEqual([]);
    const snapshot = await loadSnapshot(db);
    const errors = checkRecords(snapshot, DEFAULT_POLICY, "2025-12-31").filter((v) => v.level === "error");
    expect(errors.slice(0, 5)).toEqual([]);
    const index = buildAsOfIndex(snapshot, "2025-12-31");
    expect(index.operatingHosts.length).toBeGreaterThan(6_500);
  });

  it("refuses a database that already holds data", async () => {
    await expect(seedScale(db, { hosts: 1_000 })).rejects.toThrow("已有数据");
  });
});
