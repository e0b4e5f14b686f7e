/**
 * The restricted snapshots (rows in force on the dates, the scope of a node, the facts of some hosts)
 * give exactly the figures of the full dated history, for every management node of the demo city and
 * several dates: reports, dashboard indicators, host facts, and the pages that load them.
 */
import {
  AsOfIndex,
  computeNodeCoverageRate,
  computeNodeParts,
  computeNodeIndicators,
  orgCoverageRateUnrounded,
  computeReport,
  hostFactsAsOf,
  isGrassroots,
  policyAsOf,
  yearEnd,
  type PolicyVersion,
  type Snapshot,
} from "@liangxin/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { nodeIndicators } from "@liangxin/core/indicators";
import { dashboardFor } from "@liangxin/core/dashboard";
import { buildReport, ReportComputer } from "@liangxin/core/reports";
import { unsafeSystemScope, type Scope } from "@liangxin/db/scope";
import { DEMO_TODAY, seedDemo } from "../src/demo.ts";
import { loadPolicyVersions, loadSnapshot } from "@liangxin/db/snapshot";

let db: Db;
let full: Snapshot;
let policies: PolicyVersion[];
let nodes: { id: number; name: string; parentId: number | null }[];

const DATES = ["2023-12-31", "2024-06-30", "2024-12-31", "2025-12-31", DEMO_TODAY];
const YEARS = [2024, 2025];

function adminScope(nodeId: number): Scope {
  const org = db.$client
    .prepare("select id, code, name, category, path, region_id as regionId from orgs where id = ?")
    .get(nodeId) as {
    id: number;
    code: string;
    name: string;
    category: string;
    path: string;
    regionId: number;
  };
  const region =
    (db.$client
      .prepare("select id, code, name, level, path from regions where id = ?")
      .get(org.regionId) as Scope["region"]) ?? null;
  const { regionId: _r, ...orgPart } = org;
  return {
    userId: 0,
    username: "t",
    displayName: "t",
    role: "admin",
    mustChangePassword: false,
    org: orgPart,
    region,
    host: null,
  };
}

beforeAll(async () => {
  db = openTestDb();
  await seedDemo(db);
  full = await loadSnapshot(db);
  policies = await loadPolicyVersions(db);
  nodes = full.orgs
    .filter((o) => !isGrassroots(o.category) && o.revokedOn === null)
    .map((o) => ({ id: o.id, name: o.name, parentId: o.parentId }));
});

describe("loadSnapshot restricted to dates and a scope", () => {
  it("has fewer rows than the full history, and a node's scope far fewer", async () => {
    const dated = await loadSnapshot(db, { asOf: ["2024-12-31"] });
    expect(dated.relationships.length).toBeLessThan(full.relationships.length);
    expect(dated.coverages.length).toBeLessThan(full.coverages.length);
    const township = nodes.find((n) => n.name.includes("柳林"))!;
    const scoped = await loadSnapshot(db, { asOf: ["2024-12-31"], nodeId: township.id });
    expect(scoped.hosts.length).toBeGreaterThan(0);
    expect(scoped.hosts.length * 5).toBeLessThan(dated.hosts.length);
    expect(scoped.members.length * 5).toBeLessThan(dated.members.length);
  });

  it("gives every node's year-end report exactly as the full history does", async () => {
    expect(nodes.length).toBeGreaterThan(15);
    for (const year of YEARS) {
      const policy = policyAsOf(policies, yearEnd(year));
      const dated = await loadSnapshot(db, { asOf: [yearEnd(year)], coverageAsOf: [yearEnd(year - 1)] });
      expect(dated.hostYears.length).toBeLessThan(full.hostYears.length);
      for (const n of nodes) {
        const expected = computeReport(full, n.id, year, policy);
        expect(computeReport(dated, n.id, year, policy), `${n.name} ${year}`).toEqual(expected);
        const scoped = await loadSnapshot(db, { asOf: [yearEnd(year), yearEnd(year - 1)], nodeId: n.id });
        expect(computeReport(scoped, n.id, year, policy), `${n.name} ${year} scoped`).toEqual(expected);
        const lean = await loadSnapshot(db, {
          asOf: [yearEnd(year)],
          coverageAsOf: [yearEnd(year - 1)],
          nodeId: n.id,
        });
        expect(computeReport(lean, n.id, year, policy), `${n.name} ${year} lean`).toEqual(expected);
      }
    }
  });

  it("gives every node's indicators on several dates exactly as the full history does", async () => {
    for (const d of DATES) {
      const prev = yearEnd(Number(d.slice(0, 4)) - 1);
      const policy = policyAsOf(policies, d).params;
      for (const n of nodes) {
        const expected = computeNodeIndicators(full, n.id, d, policy, { compareWith: prev });
        const scoped = await loadSnapshot(db, { asOf: [d], coverageAsOf: [prev], nodeId: n.id });
        expect(
          computeNodeIndicators(scoped, n.id, d, policy, { compareWith: prev }),
          `${n.name} ${d}`,
        ).toEqual(expected);
        const cx = { db, scope: await unsafeSystemScope(db), today: DEMO_TODAY };
        expect((await nodeIndicators(cx, { nodeId: n.id, asOf: d })).indicators).toEqual(expected);
      }
    }
  });

  it("computes a node's coverage rate from coverage alone as from all its parts", async () => {
    for (const d of DATES) {
      const index = new AsOfIndex(full, d);
      const lean = new AsOfIndex(await loadSnapshot(db, { asOf: ["2026-01-01"], coverageAsOf: [d] }), d);
      const policy = policyAsOf(policies, d).params;
      for (const n of nodes) {
        let expected: number | null;
        try {
          expected = orgCoverageRateUnrounded(computeNodeParts(index, n.id, policy));
        } catch {
          expect(() => computeNodeCoverageRate(lean, n.id)).toThrow();
          continue;
        }
        expect(computeNodeCoverageRate(lean, n.id), `${n.name} ${d}`).toBe(expected);
      }
    }
  });

  it("gives each host's facts exactly as the full history does", async () => {
    for (const d of DATES) {
      const policy = policyAsOf(policies, d).params;
      const expected = hostFactsAsOf(full, d, policy);
      expect(hostFactsAsOf(await loadSnapshot(db, { asOf: [d] }), d, policy)).toEqual(expected);
      const some = [...expected.keys()].filter((_, i) => i % 37 === 0);
      const facts = hostFactsAsOf(await loadSnapshot(db, { asOf: [d], hostIds: some }), d, policy);
      for (const id of some) expect(facts.get(id), `host ${id} ${d}`).toEqual(expected.get(id));
    }
  });

  it("shows every administrator's dashboard with the figures of the full history", async () => {
    const prev = yearEnd(Number(DEMO_TODAY.slice(0, 4)) - 1);
    const policy = policyAsOf(policies, DEMO_TODAY).params;
    for (const n of nodes) {
      const dash = (await dashboardFor({ db, scope: adminScope(n.id), today: DEMO_TODAY }))!;
      expect(dash.total, n.name).toEqual(
        computeNodeIndicators(full, n.id, DEMO_TODAY, policy, { compareWith: prev }),
      );
    }
  });

  it("builds the city's report with the same checks whichever year is loaded first", async () => {
    const scope = await unsafeSystemScope(db);
    const cx = { db, scope, today: DEMO_TODAY };
    const a = new ReportComputer(db);
    const b = new ReportComputer(db);
    await b.index(2023);
    const ra = await buildReport(cx, { nodeId: scope.org!.id, year: 2025, computer: a });
    const rb = await buildReport(cx, { nodeId: scope.org!.id, year: 2025, computer: b });
    expect(rb).toEqual(ra);
    expect(ra.total).toEqual(
      computeReport(full, scope.org!.id, 2025, policyAsOf(policies, yearEnd(2025))).total,
    );
  });
});
