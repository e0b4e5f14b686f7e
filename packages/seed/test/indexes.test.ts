/**
 * "The schema has indexes for every scoped query": each pattern by which a scoped query narrows a big
 * table is planned as an index SEARCH (EXPLAIN QUERY PLAN), never a full SCAN. Run on the seeded demo city
 * with bound values like the real queries (SQLite plans GLOB 'prefix*' as a range on the path index).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { listHosts } from "@liangxin/db/queries";
import { dashboardFor } from "@liangxin/core/dashboard";
import type { Scope } from "@liangxin/db/scope";
import { seedDemo } from "../src/demo.ts";
import { loadSnapshot } from "@liangxin/db/snapshot";

let db: Db;
const D = "2026-11-21";

function plan(sql: string, ...params: unknown[]): string[] {
  return (db.$client.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map(
    (r) => r.detail,
  );
}

/** Every step touching `table` (by name or alias) is an index search; none is a full scan. */
function expectIndexed(steps: string[], table: string, alias = table): void {
  const mine = steps.filter((s) => new RegExp(`^(SEARCH|SCAN) (${table}|${alias})\\b`).test(s));
  expect(mine.length, steps.join(" | ")).toBeGreaterThan(0);
  for (const s of mine)
    expect(s, steps.join(" | ")).toMatch(/^SEARCH .* USING (COVERING )?INDEX|INTEGER PRIMARY KEY/);
}

beforeAll(async () => {
  db = openTestDb();
  await seedDemo(db);
});

describe("EXPLAIN QUERY PLAN of the scoped query patterns", () => {
  it("orgs: subtree by path GLOB prefix", () => {
    expectIndexed(plan("select id, name from orgs where path glob ?", "/1/7/*"), "orgs");
    expect(plan("select id from orgs where path glob ?", "/1/7/*").join()).toContain("orgs_path_idx");
  });

  it("regions: territory by path GLOB prefix, and the hosts in it by region", () => {
    const steps = plan(
      "select h.id from regions r join hosts h on h.region_id = r.id where r.path glob ?",
      "/1/7/*",
    );
    expectIndexed(steps, "regions", "r");
    expectIndexed(steps, "hosts", "h");
    expect(steps.join()).toContain("regions_path_idx");
    expect(steps.join()).toContain("hosts_region_idx");
  });

  it("hosts by region", () => {
    expectIndexed(plan("select * from hosts where region_id = ?", 9), "hosts");
  });

  it("coverages by host and by organization, in force on a date", () => {
    const inForce = "start_on <= ? and (end_on is null or ? < end_on)";
    expectIndexed(plan(`select * from coverages where host_id = ? and ${inForce}`, 1, D, D), "coverages");
    expectIndexed(plan(`select * from coverages where org_id = ? and ${inForce}`, 57, D, D), "coverages");
    const steps = plan(
      `select c.host_id from orgs o join coverages c on c.org_id = o.id where o.path glob ? and c.${inForce.replaceAll(" end_on", " c.end_on").replace("(end_on", "(c.end_on")}`,
      "/1/7/9/*",
      D,
      D,
    );
    expectIndexed(steps, "orgs", "o");
    expectIndexed(steps, "coverages", "c");
  });

  it("members by organization (subtree) and by work host", () => {
    const steps = plan(
      "select m.id from orgs o join members m on m.org_id = o.id where o.path glob ?",
      "/1/7/*",
    );
    expectIndexed(steps, "orgs", "o");
    expectIndexed(steps, "members", "m");
    expectIndexed(plan("select * from members where work_host_id = ?", 1), "members");
  });

  it("member_workplaces by host, in force on a date", () => {
    expectIndexed(
      plan(
        "select member_id from member_workplaces where host_id = ? and start_on <= ? and (end_on is null or ? < end_on)",
        1,
        D,
        D,
      ),
      "member_workplaces",
    );
  });

  it("assignments by host and by instructor", () => {
    expectIndexed(plan("select * from assignments where host_id = ? and start_on <= ?", 1, D), "assignments");
    expectIndexed(
      plan("select * from assignments where instructor_id = ? and start_on <= ?", 1, D),
      "assignments",
    );
  });

  it("transfers by receiving or sending organization and state", () => {
    expectIndexed(plan("select * from transfers where to_org_id = ? and state = 'pending'", 57), "transfers");
    expectIndexed(
      plan("select * from transfers where from_org_id = ? and state = 'pending'", 57),
      "transfers",
    );
    const steps = plan(
      "select t.id from orgs o join transfers t on t.to_org_id = o.id where o.path glob ? and t.state = 'pending'",
      "/1/7/*",
    );
    expectIndexed(steps, "transfers", "t");
  });

  it("audit_log by scope organization (the caller's subtree), newest first", () => {
    expectIndexed(
      plan("select * from audit_log where scope_org_id = ? order by at desc limit 50", 9),
      "audit_log",
    );
    const steps = plan(
      "select a.id from audit_log a where a.scope_org_id in (select o.id from orgs o where o.path glob ?)",
      "/1/7/*",
    );
    expectIndexed(steps, "orgs", "o");
    expectIndexed(steps, "audit_log", "a");
  });

  it("the access checks of access.ts use the indexes too", () => {
    const steps = plan(
      `select exists(select 1 from hosts h join regions r on r.id = h.region_id where h.id = ? and r.path glob ?)`,
      1,
      "/1/7/9/*",
    );
    expect(steps.some((s) => /^SCAN (hosts|h|regions|r)\b/.test(s))).toBe(false);
  });

  it("a township's scoped loads (snapshot, dashboard, host list) search every big table by index", async () => {
    const township = db.$client
      .prepare(
        "select id, code, name, category, path, region_id as regionId from orgs where name like '%柳林%'",
      )
      .get() as { id: number; code: string; name: string; category: string; path: string; regionId: number };
    const region = db.$client
      .prepare("select id, code, name, level, path from regions where id = ?")
      .get(township.regionId) as Scope["region"];
    const { regionId: _r, ...org } = township;
    const scope: Scope = {
      userId: 0,
      username: "t",
      displayName: "t",
      role: "admin",
      mustChangePassword: false,
      org,
      region,
      host: null,
    };
    const seen = await captureStatements(async () => {
      await loadSnapshot(db, { asOf: ["2025-12-31", D], nodeId: township.id });
      await loadSnapshot(db, { asOf: [D], hostIds: [1, 2, 3] });
      await dashboardFor({ db, scope, today: D });
      await listHosts({ db, scope, today: D }, { page: 1, pageSize: 20, shouldEstablish: true });
    });
    expect(seen.length).toBeGreaterThan(15);
    const big =
      /^SCAN (hosts|host_years|coverages|members|member_relationships|member_workplaces|member_status_events|assignments|instructors|orgs|[a-z])\b/;
    for (const { sql, params } of seen) {
      const steps = plan(sql, ...params);
      expect(
        steps.filter((st) => big.test(st) && !/USING (COVERING )?INDEX|json_each/.test(st)),
        `${sql}\n${steps.join(" | ")}`,
      ).toEqual([]);
    }
  });
});

/** The statements (with their parameters) run by `fn` on the test database, except full-table reads of small tables. */
async function captureStatements(fn: () => Promise<void>): Promise<{ sql: string; params: unknown[] }[]> {
  const client = db.$client;
  const original = client.prepare.bind(client);
  const seen: { sql: string; params: unknown[] }[] = [];
  client.prepare = ((sql: string) => {
    const stmt = original(sql);
    for (const m of ["all", "get", "iterate"] as const) {
      const f = stmt[m].bind(stmt) as (...a: unknown[]) => unknown;
      (stmt as unknown as Record<string, unknown>)[m] = (...a: unknown[]) => {
        if (!/^\s*(explain|pragma)/i.test(sql)) seen.push({ sql, params: a });
        return f(...a);
      };
    }
    return stmt;
  }) as typeof client.prepare;
  try {
    await fn();
  } finally {
    client.prepare = original;
  }
  return seen;
}
