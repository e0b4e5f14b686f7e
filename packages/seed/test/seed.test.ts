import { createHash } from "node:crypto";
import {
  citizenIdBirthDate,
  citizenIdGender,
  DEFAULT_POLICY,
  FORMATION_MODES,
  isValidCitizenId,
  isValidCreditCode,
} from "@liangxin/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { COUNTED_TABLES, DEMO_PASSWORD, DEMO_TODAY, seedDemo, type DemoSummary } from "../src/demo.ts";
import { loadPolicyVersions, loadSnapshot } from "@liangxin/db/snapshot";
import { findUserByUsername, verifyPassword } from "@liangxin/db/auth";

const TODAY = DEMO_TODAY;
const OPEN = "9999-12-31";

let db: Db;
let summary: DemoSummary;

function rows<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[] {
  return db.$client.prepare(sql).all(...params) as T[];
}
function value<T = number>(sql: string, ...params: unknown[]): T {
  return db.$client
    .prepare(sql)
    .pluck()
    .get(...params) as T;
}

/** One hash per table of every row in id order; `users` without the salted password hash and timestamps. */
function tableHashes(d: Db): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of COUNTED_TABLES) {
    const sql =
      t === "users"
        ? "select id, username, display_name, role, org_id, host_id from users order by id"
        : t === "audit_log"
          ? "select id, user_id, username, action, entity, entity_id, scope_org_id from audit_log order by id"
          : `select * from ${t} order by rowid`;
    const data = d.$client.prepare(sql).raw(true).all();
    out[t] = createHash("sha256").update(JSON.stringify(data)).digest("hex");
  }
  return out;
}

/** For every organization, the territory (region id) of its nearest management ancestor with one. */
function orgTerritory(): Map<number, number | null> {
  const orgs = rows<{ id: number; parentId: number | null; regionId: number | null }>(
    "select id, parent_id as parentId, region_id as regionId from orgs",
  );
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const out = new Map<number, number | null>();
  for (const o of orgs) {
    let cur: (typeof orgs)[number] | undefined = o;
    while (cur && cur.regionId === null) cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
    out.set(o.id, cur?.regionId ?? null);
  }
  return out;
}

beforeAll(async () => {
  db = openTestDb();
  summary = await seedDemo(db);
});

describe("seedDemo", () => {
  it("refuses to seed a database that already has data, and leaves it untouched", async () => {
    const before = value("select count(*) from hosts");
    await expect(seedDemo(db)).rejects.toThrow(/演示数据只能写入空数据库/);
    expect(value("select count(*) from hosts")).toBe(before);
    expect(value("select count(*) from users")).toBe(6);
  });

  it("honours another fixed today, and refuses a today before the demo's events or a bad seed", async () => {
    const early = openTestDb();
    const today = "2026-03-15";
    await seedDemo(early, { today, seed: 3 });
    const latest = early.$client
      .prepare(
        `select max(d) from (select max(start_on) d from coverages union all select max(start_on) from member_relationships
         union all select max(start_on) from assignments union all select max(joined_on) from members
         union all select max(union_on) from hosts union all select max(applied_on) from applicants)`,
      )
      .pluck()
      .get() as string;
    expect(latest <= today).toBe(true);
    expect(latest >= "2026-01-01").toBe(true);
    await expect(seedDemo(openTestDb(), { today: "2025-06-30" })).rejects.toThrow(/2026-01-01/);
    await expect(seedDemo(openTestDb(), { today: "2026-02-30" })).rejects.toThrow(/“今天”/);
    await expect(seedDemo(openTestDb(), { seed: -1 })).rejects.toThrow(/随机种子/);
  });

  it("keeps policy versions already set, and refuses other data already present", async () => {
    const withPolicy = openTestDb();
    const params = { ...DEFAULT_POLICY, aboveScaleEmployees: 80 };
    withPolicy.$client
      .prepare(
        "insert into policies (effective_on, params, note, created_at) values ('2024-01-01', ?, '省定标准', '2026-12-03T02:00:00.000Z')",
      )
      .run(JSON.stringify(params));
    await seedDemo(withPolicy);
    expect(await loadPolicyVersions(withPolicy)).toEqual([{ effectiveOn: "2024-01-01", params }]);

    const withRegion = openTestDb();
    withRegion.$client
      .prepare(
        "insert into regions (code, name, level, path, depth) values ('369900', '清源市', 'city', '/1/', 0)",
      )
      .run();
    await expect(seedDemo(withRegion)).rejects.toThrow(
      "数据库中已有行政区划数据 1 条,演示数据只能写入空数据库",
    );
  });

  it("gives identical rows for the same seed and different rows for another seed", async () => {
    const twin = openTestDb();
    await seedDemo(twin);
    expect(tableHashes(twin)).toEqual(tableHashes(db));
    const other = openTestDb();
    await seedDemo(other, { seed: 7 });
    expect(tableHashes(other).hosts).not.toBe(tableHashes(db).hosts);
  });

  it("reports progress and a summary with the six accounts and the count of every table", async () => {
    const fresh = openTestDb();
    const steps: [number, number, string][] = [];
    const s = await seedDemo(fresh, { onProgress: (d, t, l) => steps.push([d, t, l]) });
    expect(steps.length).toBeGreaterThan(5);
    const last = steps[steps.length - 1];
    expect(last?.[0]).toBe(last?.[1]);
    expect(steps.every(([, , l]) => /[\u4e00-\u9fa5]/.test(l))).toBe(true);
    expect(s.accounts.map((a) => a.username)).toEqual([
      "city",
      "county",
      "township",
      "industry",
      "branch",
      "owner",
    ]);
    expect(s.accounts.every((a) => a.password === DEMO_PASSWORD && /[\u4e00-\u9fa5]/.test(a.roleLabel))).toBe(
      true,
    );
    for (const t of COUNTED_TABLES)
      expect(s.counts[t]).toBe(fresh.$client.prepare(`select count(*) from ${t}`).pluck().get());
    expect(summary.counts.hosts).toBeGreaterThanOrEqual(2000);
  });

  it("writes only valid credit codes and citizen IDs consistent with birth date and gender", () => {
    const codes = rows<{ c: string }>("select credit_code as c from hosts");
    expect(codes.every((r) => isValidCreditCode(r.c))).toBe(true);
    const people = [
      ...rows<{ id: string; birth: string | null; gender: string }>(
        "select id_number as id, birth_date as birth, gender from members",
      ),
      ...rows<{ id: string; birth: string | null; gender: string }>(
        "select id_number as id, null as birth, gender from applicants",
      ),
    ];
    for (const p of people) {
      expect(isValidCitizenId(p.id), p.id).toBe(true);
      expect(citizenIdGender(p.id)).toBe(p.gender);
      if (p.birth) expect(citizenIdBirthDate(p.id)).toBe(p.birth);
    }
    const births = rows<{ lo: string; hi: string }>(
      "select min(birth_date) lo, max(birth_date) hi from members",
    )[0];
    expect((births?.lo ?? "") >= "1960-01-01").toBe(true);
    expect((births?.hi ?? "9999") <= "2002-12-31").toBe(true);
  });

  it("builds a city of ≥ 3 counties, ≥ 10 townships, ≥ 2,000 hosts with materialized paths", () => {
    expect(
      value("select count(*) from regions where level = 'city' and length(code) = 6 and code like '%00'"),
    ).toBe(1);
    expect(
      value("select count(*) from regions where level = 'county' and length(code) = 6"),
    ).toBeGreaterThanOrEqual(3);
    expect(
      value(
        `select count(*) from regions t join regions c on c.id = t.parent_id
         where t.level = 'township' and length(t.code) = 9 and substr(t.code, 1, 6) = c.code`,
      ),
    ).toBeGreaterThanOrEqual(10);
    expect(value("select count(*) from hosts where closed_on is null")).toBeGreaterThanOrEqual(2000);
    expect(
      value("select count(*) from hosts where closed_on between '2024-01-01' and '2025-12-31'"),
    ).toBeGreaterThan(0);
    expect(value("select count(*) from hosts where founded_on >= '2024-01-01'")).toBeGreaterThan(0);
    const kinds = rows<{ kind: string; n: number }>("select kind, count(*) n from hosts group by kind");
    const social = kinds.find((k) => k.kind === "socialOrg")?.n ?? 0;
    expect(social / summary.counts.hosts!).toBeGreaterThan(0.18);
    expect(social / summary.counts.hosts!).toBeLessThan(0.32);
    // Every host has figures for each year it operated in 2023–2026.
    expect(
      value(
        `select count(*) from hosts h where not exists (select 1 from host_years y where y.host_id = h.id and y.year = 2025)
         and h.founded_on < '2025-01-01' and (h.closed_on is null or h.closed_on >= '2025-12-31')`,
      ),
    ).toBe(0);
    for (const t of ["regions", "orgs"]) {
      const bad = value(
        `select count(*) from ${t} x left join ${t} p on p.id = x.parent_id
         where (p.id is null and (x.path <> '/' || x.id || '/' or x.depth <> 0))
            or (p.id is not null and (x.path <> p.path || x.id || '/' or x.depth <> p.depth + 1))`,
      );
      expect(bad, t).toBe(0);
    }
  });

  it("has organizations of every formation mode, coverage only on the topmost organization", () => {
    const modes = rows<{ m: string }>(
      "select distinct o.formation_mode as m from coverages c join orgs o on o.id = c.org_id",
    ).map((r) => r.m);
    expect(new Set(modes)).toEqual(new Set(FORMATION_MODES));
    expect(
      value("select count(*) from orgs where category = 'generalBranch' and formation_mode is not null"),
    ).toBeGreaterThan(0);
    expect(
      value(
        `select count(*) from coverages c join orgs o on o.id = c.org_id join orgs p on p.id = o.parent_id
         where p.category in ('committee', 'generalBranch', 'branch', 'jointBranch')`,
      ),
    ).toBe(0);
    expect(
      value(
        `select count(*) from orgs c join orgs p on p.id = c.parent_id where p.category = 'committee' and p.formation_mode = 'standalone'`,
      ),
    ).toBeGreaterThan(0);
    // A joint branch covering more than 10 hosts (the quality warning) exists.
    expect(
      value(
        `select count(*) from (select c.org_id from coverages c join orgs o on o.id = c.org_id
         where o.formation_mode = 'joint' and c.end_on is null group by c.org_id having count(*) > 10)`,
      ),
    ).toBeGreaterThan(0);
  });

  it("covers 30–45% of operating hosts overall, varying by township", () => {
    const byTownship = rows<{ n: number; covered: number }>(
      `select count(*) n, sum(exists (select 1 from coverages c where c.host_id = h.id and c.start_on <= ? and (c.end_on is null or c.end_on > ?))) covered
       from hosts h where h.closed_on is null group by h.region_id`,
      TODAY,
      TODAY,
    );
    const n = byTownship.reduce((s, r) => s + r.n, 0);
    const covered = byTownship.reduce((s, r) => s + r.covered, 0);
    expect(covered / n).toBeGreaterThan(0.3);
    expect(covered / n).toBeLessThan(0.45);
    const rates = byTownship.map((r) => r.covered / r.n);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.1);
  });

  it("never covers a host twice on the same date", () => {
    const overlaps = value(
      `select count(*) from coverages a join coverages b on a.host_id = b.host_id and a.id < b.id
       where a.start_on < coalesce(b.end_on, '${OPEN}') and b.start_on < coalesce(a.end_on, '${OPEN}')`,
    );
    expect(overlaps).toBe(0);
  });

  it("lets every standalone organization cover exactly one host, at any time", () => {
    expect(
      value(
        `select count(*) from orgs o where o.formation_mode = 'standalone'
         and (select count(distinct host_id) from coverages c where c.org_id = o.id) <> 1`,
      ),
    ).toBe(0);
    expect(
      value(
        `select count(*) from coverages a join coverages b on a.org_id = b.org_id and a.id < b.id
         join orgs o on o.id = a.org_id where o.formation_mode = 'standalone'
         and a.start_on < coalesce(b.end_on, '${OPEN}') and b.start_on < coalesce(a.end_on, '${OPEN}')`,
      ),
    ).toBe(0);
  });

  it("moves some hosts from a joint branch to their own standalone branch in 2025", () => {
    const moves = rows<{ x: string }>(
      `select a.end_on x from coverages a join coverages b on a.host_id = b.host_id and b.start_on = a.end_on
       join orgs oa on oa.id = a.org_id join orgs ob on ob.id = b.org_id
       where oa.formation_mode = 'joint' and ob.formation_mode = 'standalone' and a.end_on like '2025-%'`,
    );
    expect(moves.length).toBeGreaterThanOrEqual(3);
    expect(value("select count(*) from coverages where start_on >= '2024-01-01'")).toBeGreaterThan(0);
  });

  it("has a joint branch of one township covering hosts in another township", () => {
    const territory = orgTerritory();
    const joint = rows<{ orgId: number; regionId: number }>(
      `select c.org_id as orgId, h.region_id as regionId from coverages c join orgs o on o.id = c.org_id
       join hosts h on h.id = c.host_id where o.formation_mode = 'joint'`,
    );
    const crossing = joint.filter(
      (r) => territory.get(r.orgId) !== null && territory.get(r.orgId) !== r.regionId,
    );
    expect(crossing.length).toBeGreaterThan(0);
  });

  it("has a 行业党委 without territory whose grassroots organizations cover hosts", () => {
    const industry = rows<{ id: number }>(
      "select id from orgs where category = 'industryCommittee' and region_id is null",
    );
    expect(industry.length).toBe(1);
    const covered = value(
      `select count(*) from coverages c join orgs o on o.id = c.org_id where o.path like (select path from orgs where id = ?) || '%'`,
      industry[0]?.id,
    );
    expect(covered).toBeGreaterThanOrEqual(3);
  });

  it("records a dual-management link to a regional organization and a re-parenting in 2025", () => {
    expect(
      value(
        `select count(*) from dual_links d join orgs o on o.id = d.org_id join orgs r on r.id = d.regional_org_id
         where o.formation_mode = 'standalone' and r.formation_mode in ('regional', 'grid') and o.parent_id <> r.parent_id`,
      ),
    ).toBeGreaterThan(0);
    const rp = rows<{ ok: number; docNo: string | null; reason: string | null }>(
      `select o.parent_id = r.to_parent_id and r.from_parent_id <> r.to_parent_id as ok, r.doc_no as docNo, r.reason
       from org_reparentings r join orgs o on o.id = r.org_id where r.effective_on like '2025-%'`,
    );
    expect(rp.length).toBeGreaterThan(0);
    expect(rp.every((r) => r.ok === 1 && !!r.docNo && !!r.reason)).toBe(true);
  });

  it("has members working in a host of another township than the organization holding them, and outside the city", () => {
    const territory = orgTerritory();
    const working = rows<{ orgId: number; regionId: number }>(
      `select m.org_id as orgId, h.region_id as regionId from members m join hosts h on h.id = m.work_host_id
       where m.org_id is not null and m.status = 'normal'`,
    );
    expect(working.filter((r) => territory.get(r.orgId) !== r.regionId).length).toBeGreaterThan(10);
    expect(
      value(
        "select count(*) from members where org_id is null and outside_org_name is not null and work_host_id is not null",
      ),
    ).toBeGreaterThan(10);
    expect(value("select count(*) from members where mobile = 1")).toBeGreaterThan(0);
    expect(value("select count(*) from members where lost_contact = 1")).toBeGreaterThan(0);
    expect(value("select count(*) from members where pocket = 1")).toBeGreaterThan(0);
  });

  it("keeps member histories consistent: relationships, workplaces, statuses, transfers, probation", () => {
    const overlapping = (table: string) =>
      value(
        `select count(*) from ${table} a join ${table} b on a.member_id = b.member_id and a.id < b.id
         where a.start_on < coalesce(b.end_on, '${OPEN}') and b.start_on < coalesce(a.end_on, '${OPEN}')`,
      );
    expect(overlapping("member_relationships")).toBe(0);
    expect(overlapping("member_workplaces")).toBe(0);
    // Today's relationship is the one on the member row; every member has one.
    expect(
      value(
        `select count(*) from members m where not exists (select 1 from member_relationships r where r.member_id = m.id
         and r.end_on is null and r.org_id is m.org_id and r.outside_org_name is m.outside_org_name)`,
      ),
    ).toBe(0);
    expect(value("select count(*) from members where org_id is null and outside_org_name is null")).toBe(0);
    // Non-normal statuses come with a dated event.
    expect(
      value(
        `select count(*) from members m where m.status <> 'normal' and not exists (select 1 from member_status_events e
         where e.member_id = m.id and e.status = m.status and e.effective_on = m.status_on)`,
      ),
    ).toBe(0);
    const statuses = rows<{ s: string }>(
      "select distinct status as s from members where status <> 'normal'",
    ).map((r) => r.s);
    expect(statuses).toEqual(expect.arrayContaining(["transferredOut", "deceased"]));
    // Probationary members joined within the last year; full members a year or more after joining.
    expect(
      value(`select count(*) from members where full_on is null and joined_on <= date(?, '-1 year')`, TODAY),
    ).toBe(0);
    expect(
      value(
        "select count(*) from members where full_on is not null and full_on < date(joined_on, '+1 year')",
      ),
    ).toBe(0);
    expect(value("select count(*) from members where full_on is null")).toBeGreaterThan(0);
    // Accepted transfers between organizations of the tree in 2024–2025, matching a relationship change.
    const moved = value(
      `select count(*) from transfers t where t.state = 'accepted' and t.from_org_id is not null and t.to_org_id is not null
       and t.effective_on between '2024-01-01' and '2025-12-31'
       and exists (select 1 from member_relationships r where r.member_id = t.member_id and r.org_id = t.to_org_id and r.start_on = t.effective_on)
       and exists (select 1 from member_relationships r where r.member_id = t.member_id and r.org_id = t.from_org_id and r.end_on = t.effective_on)`,
    );
    expect(moved).toBeGreaterThanOrEqual(10);
    expect(value("select count(*) from transfers where state = 'pending'")).toBeGreaterThan(0);
  });

  it("has 应建未建 hosts: uncovered with ≥ 3 full members working there, and uncovered above-scale enterprises", () => {
    const uncovered = `not exists (select 1 from coverages c where c.host_id = h.id and c.end_on is null)`;
    expect(
      value(
        `select count(*) from hosts h where h.closed_on is null and ${uncovered}
         and (select count(*) from members m where m.work_host_id = h.id and m.status = 'normal' and m.full_on <= ?) >= 3`,
        TODAY,
      ),
    ).toBeGreaterThanOrEqual(5);
    expect(
      value(
        `select count(*) from hosts h join host_years y on y.host_id = h.id and y.year = 2026
         where h.kind = 'enterprise' and h.closed_on is null and y.employees >= 100 and ${uncovered}`,
      ),
    ).toBeGreaterThan(0);
  });

  it("gives every grassroots organization one current secretary held there", () => {
    expect(
      value(
        `select count(*) from orgs o where o.category in ('committee', 'generalBranch', 'branch', 'jointBranch')
         and o.revoked_on is null and (select count(*) from secretaries s where s.org_id = o.id and s.end_on is null) <> 1`,
      ),
    ).toBe(0);
    expect(
      value(
        `select count(*) from secretaries s join members m on m.id = s.member_id
         where s.end_on is null and (m.org_id is not s.org_id or m.status <> 'normal')`,
      ),
    ).toBe(0);
    expect(
      value(
        `select count(*) from secretaries a join secretaries b on a.org_id = b.org_id and a.id < b.id
         where a.start_on < coalesce(b.end_on, '${OPEN}') and b.start_on < coalesce(a.end_on, '${OPEN}')`,
      ),
    ).toBe(0);
    expect(value("select count(*) from secretaries where end_on is not null")).toBeGreaterThan(0);
  });

  it("assigns instructors: some over the cap, one across two townships, some sent by an outside organ", () => {
    const uncovered = value(
      `select count(*) from hosts h where h.closed_on is null
       and not exists (select 1 from coverages c where c.host_id = h.id and c.end_on is null)`,
    );
    const instructors = value("select count(*) from instructors");
    expect(uncovered / instructors).toBeGreaterThan(2);
    expect(uncovered / instructors).toBeLessThan(4.5);
    expect(
      value(
        `select count(*) from (select instructor_id from assignments where end_on is null group by instructor_id having count(*) > 5)`,
      ),
    ).toBeGreaterThan(0);
    expect(
      value(
        `select count(*) from (select a.instructor_id from assignments a join hosts h on h.id = a.host_id
         where a.end_on is null group by a.instructor_id having count(distinct h.region_id) > 1)`,
      ),
    ).toBeGreaterThan(0);
    expect(
      value(
        `select count(*) from instructors i join orgs o on o.id = i.registered_by_id
         where i.dispatch_org_id is null and i.dispatch_org_name is not null and o.category = 'countyCommittee'`,
      ),
    ).toBeGreaterThan(0);
    expect(value("select count(distinct kind) from instructors")).toBe(3);
    expect(value("select count(*) from assignments where end_on is not null")).toBeGreaterThan(0);
    expect(value("select min(start_on) from assignments")).toMatch(/^2023-/);
  });

  it("dates nothing after today and keeps every interval non-empty", () => {
    const dated: [string, string[]][] = [
      ["orgs", ["founded_on", "revoked_on", "last_election_on"]],
      ["org_reparentings", ["effective_on"]],
      ["dual_links", ["start_on", "end_on"]],
      ["hosts", ["founded_on", "closed_on", "union_on", "youth_league_on", "women_on"]],
      ["coverages", ["start_on", "end_on"]],
      ["members", ["birth_date", "joined_on", "full_on", "work_since", "status_on"]],
      ["member_relationships", ["start_on", "end_on"]],
      ["member_workplaces", ["start_on", "end_on"]],
      ["member_status_events", ["effective_on"]],
      ["transfers", ["requested_on", "effective_on", "decided_on"]],
      ["applicants", ["applied_on", "activist_on", "candidate_on", "probationary_on", "full_on"]],
      ["secretaries", ["start_on", "end_on"]],
      ["assignments", ["start_on", "end_on"]],
    ];
    for (const [table, cols] of dated) {
      for (const c of cols) {
        expect(value(`select count(*) from ${table} where ${c} > ?`, TODAY), `${table}.${c}`).toBe(0);
        expect(value(`select count(*) from ${table} where ${c} is not null and date(${c}) is not ${c}`)).toBe(
          0,
        );
      }
      if (cols.includes("end_on"))
        expect(
          value(`select count(*) from ${table} where end_on is not null and end_on <= start_on`),
          table,
        ).toBe(0);
    }
    // Coverage, workplaces and assignments start no earlier than the host's founding.
    for (const t of ["coverages", "member_workplaces", "assignments"])
      expect(
        value(`select count(*) from ${t} x join hosts h on h.id = x.host_id where x.start_on < h.founded_on`),
        t,
      ).toBe(0);
    expect(
      value(
        "select count(*) from coverages c join orgs o on o.id = c.org_id where c.start_on < o.founded_on",
      ),
    ).toBe(0);
    expect(
      value("select count(*) from applicants where probationary_on is not null and member_id is null"),
    ).toBe(0);
  });

  it("stores the default policy from 2020-01-01", async () => {
    expect(await loadPolicyVersions(db)).toEqual([{ effectiveOn: "2020-01-01", params: DEFAULT_POLICY }]);
  });

  it("creates six demo accounts that log in with the documented password", async () => {
    const territory = orgTerritory();
    for (const a of summary.accounts) {
      const u = await findUserByUsername(db, a.username);
      expect(u, a.username).toBeDefined();
      expect(verifyPassword(DEMO_PASSWORD, u!.passwordHash)).toBe(true);
      expect(verifyPassword("wrong-password", u!.passwordHash)).toBe(false);
      expect(u!.role).toBe(a.role);
    }
    const org = (username: string) =>
      rows<{ id: number; category: string; name: string }>(
        "select o.id, o.category, o.name from users u join orgs o on o.id = u.org_id where u.username = ?",
        username,
      )[0];
    expect(org("city")?.category).toBe("cityCommittee");
    expect(org("county")?.category).toBe("countyCommittee");
    expect(org("industry")?.category).toBe("industryCommittee");
    // The township's joint branch covers a host of another township.
    const township = org("township");
    expect(township?.category).toBe("townshipCommittee");
    const crossing = value(
      `select count(*) from coverages c join orgs o on o.id = c.org_id join hosts h on h.id = c.host_id
       where o.parent_id = ? and o.formation_mode = 'joint' and h.region_id <> ?`,
      township?.id,
      territory.get(township?.id ?? 0),
    );
    expect(crossing).toBeGreaterThan(0);
    // The branch secretary is the current secretary of an organization covering hosts.
    const branch = org("branch");
    expect(
      value("select count(*) from coverages where org_id = ? and end_on is null", branch?.id),
    ).toBeGreaterThan(0);
    // The owner's host is covered and reached by an instructor or a mass organization.
    const owner = rows<{ id: number; union: string | null }>(
      "select h.id, h.union_on as \"union\" from users u join hosts h on h.id = u.host_id where u.username = 'owner'",
    )[0];
    expect(value("select count(*) from coverages where host_id = ? and end_on is null", owner?.id)).toBe(1);
    expect(
      value("select count(*) from assignments where host_id = ? and end_on is null", owner?.id) > 0 ||
        !!owner?.union,
    ).toBe(true);
    // Account creation is audited, and so is the seed itself.
    expect(value("select count(*) from audit_log where action = 'user.create'")).toBe(6);
    expect(value("select count(*) from audit_log where action = 'seed.demo'")).toBe(1);
  });

  it("round-trips through loadSnapshot with the same counts", async () => {
    const s = await loadSnapshot(db);
    const c = summary.counts;
    expect(s.regions.length).toBe(c.regions);
    expect(s.orgs.length).toBe(c.orgs);
    expect(s.reparentings.length).toBe(c.org_reparentings);
    expect(s.dualLinks.length).toBe(c.dual_links);
    expect(s.hosts.length).toBe(c.hosts);
    expect(s.hostYears.length).toBe(c.host_years);
    expect(s.coverages.length).toBe(c.coverages);
    expect(s.members.length).toBe(c.members);
    expect(s.relationships.length).toBe(c.member_relationships);
    expect(s.workplaces.length).toBe(c.member_workplaces);
    expect(s.statusEvents.length).toBe(c.member_status_events);
    expect(s.instructors.length).toBe(c.instructors);
    expect(s.assignments.length).toBe(c.assignments);
  });
});
