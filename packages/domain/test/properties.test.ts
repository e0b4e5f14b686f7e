import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_POLICY,
  addDays,
  buildOrgTree,
  buildRegionTree,
  checkReport,
  computeIndicators,
  computeNodeIndicators,
  AsOfIndex,
  computeReport,
  emptyFlows,
  FLOW_FLAG,
  MEMBER_FLOW_KEYS,
  nodeRowRecords,
  SnapshotShared,
  expectedClosing,
  yearEnd,
  type Indicators,
  type Report,
  type Snapshot,
} from "../src/index.ts";
import { genCity, oracle } from "./fixtures/city-gen.ts";

const policy = { effectiveOn: "2000-01-01", params: DEFAULT_POLICY };
const RUNS = { numRuns: 60 };

/** Every count of a row, flattened (instructors apart). */
function counts(i: Indicators): number[] {
  return [
    i.hosts,
    i.enterprises,
    i.socialOrgs,
    i.employees,
    i.aboveScale,
    i.withMembers,
    i.withThreeMembers,
    i.orgCovered,
    i.coveredByMode.standalone,
    i.coveredByMode.joint,
    i.coveredByMode.affiliated,
    i.coveredByMode.regional,
    i.shouldEstablishNotEstablished,
    i.instructorCovered,
    i.workCovered,
    i.membersEmployed,
    i.orgs.total,
    i.orgs.committees,
    i.orgs.generalBranches,
    i.orgs.branches,
    i.orgs.jointBranches,
    i.members.total,
    i.members.full,
    i.members.probationary,
  ].map((x) => x ?? 0);
}

function rates(i: Indicators): (number | null)[] {
  return [
    i.orgCoverageRate,
    i.standaloneRate,
    i.aboveScaleCoverageRate,
    i.threeMemberStandaloneRate,
    i.workCoverageRate,
    i.membersShareOfEmployees,
    i.prevOrgCoverageRate,
  ];
}

function expectRowsAddUp(report: Report): void {
  const sum = report.rows.map((r) => counts(r.indicators)).reduce((a, c) => a.map((x, k) => x + c[k]!));
  expect(counts(report.total)).toEqual(sum);
  const instructorSum = report.rows.reduce((s, r) => s + (r.indicators.instructors ?? 0), 0);
  expect(report.total.instructors ?? 0).toBeLessThanOrEqual(instructorSum);
  for (const ind of [
    report.total,
    ...report.rows.map((r) => r.indicators),
    ...report.annex.map((r) => r.indicators),
  ]) {
    for (const r of rates(ind)) if (r !== null) expect(r >= 0 && r <= 100).toBe(true);
  }
  // Member flows: 年末 is the members counted, and balances with 年初 and the year's flows, per row and in
  // the 合计 (the node as a whole: its 年初 is the report's opening members).
  for (const ind of [...report.rows.map((r) => r.indicators), report.total]) {
    expect(ind.flows.closing).toBe(ind.members.total);
    expect(expectedClosing(ind.flows)).toBe(ind.flows.closing);
  }
  expect(report.total.flows.opening).toBe(report.openingMembers);
  expect(checkReport(report)).toEqual([]);
}

/** A report's figures as the generic function gives them: no year-over-year base, no member flows. */
function withoutPrev(i: Indicators): Indicators {
  return { ...i, prevOrgCoverageRate: null, orgCoverageRateChangePp: null, flows: emptyFlows() };
}

describe("property: every host, organization and member counts exactly once at every level", () => {
  it("rows add up to the total, and the total is the brute-force count", () => {
    fc.assert(
      fc.property(fc.gen(), fc.integer({ min: 2020, max: 2024 }), (g, year) => {
        const { b, city } = genCity(g);
        const s = b.snapshot();
        const report = computeReport(s, city, year, policy);
        expectRowsAddUp(report);
        const o = oracle(s, yearEnd(year));
        const t = report.total;
        expect(t.hosts).toBe(o.hosts);
        expect(t.orgCovered).toBe(o.orgCovered);
        expect(t.instructors).toBe(o.instructors);
        expect(t.membersEmployed).toBe(o.membersEmployed);
        expect(t.members).toEqual(o.members);
        expect(t.orgs.total).toBe(o.orgs);
        expect(t.orgs.jointBranches).toBe(o.jointBranches);
        // The dashboard on 31 December is the report's total.
        expect(
          computeNodeIndicators(s, city, yearEnd(year), DEFAULT_POLICY, { compareWith: yearEnd(year - 1) }),
        ).toEqual({ ...t, flows: emptyFlows() });
      }),
      RUNS,
    );
  });

  it("each county's own report is its row of the city's report, and adds up", () => {
    fc.assert(
      fc.property(fc.gen(), fc.integer({ min: 2020, max: 2024 }), (g, year) => {
        const { b, city } = genCity(g);
        const s = b.snapshot();
        const report = computeReport(s, city, year, policy);
        for (const row of report.rows) {
          if (row.kind !== "child") continue;
          const own = computeReport(s, row.orgId, year, policy);
          expect(own.total).toEqual(row.indicators);
          expectRowsAddUp(own);
          for (const sub of own.rows.filter((r) => r.kind === "child")) {
            expectRowsAddUp(computeReport(s, sub.orgId, year, policy));
          }
        }
        // Rows without territory (行业党委) have no host-side figures.
        const industry = report.rows.filter(
          (r) => s.orgs.find((o) => o.id === r.orgId)!.category === "industryCommittee",
        );
        for (const r of industry) expect(r.indicators.hosts).toBeNull();
      }),
      RUNS,
    );
  });

  it("the flow records of every row list exactly as many members as each flow figure", () => {
    fc.assert(
      fc.property(fc.gen(), fc.integer({ min: 2020, max: 2024 }), (g, year) => {
        const { b, city, counties } = genCity(g);
        const s = b.snapshot();
        const shared = new SnapshotShared(s);
        const index = new AsOfIndex(s, yearEnd(year), shared);
        const prevIndex = new AsOfIndex(s, yearEnd(year - 1), shared);
        const count = (set: { flags: number[] } | undefined, bit: number) =>
          (set?.flags ?? []).filter((f) => f & bit).length;
        for (const nodeId of [city, ...counties]) {
          const report = computeReport(s, nodeId, year, policy);
          const rec = nodeRowRecords(index, nodeId, DEFAULT_POLICY, { snapshot: s, year, prevIndex });
          const nodeFlows = rec.rows.find((r) => r.nodeFlows)?.nodeFlows;
          for (const k of MEMBER_FLOW_KEYS) {
            report.rows.forEach((row, i) =>
              expect(count(rec.rows[i]!.flows, FLOW_FLAG[k]), `${row.name} ${k}`).toBe(
                row.indicators.flows[k],
              ),
            );
            expect(count(nodeFlows, FLOW_FLAG[k]), `合计 ${k}`).toBe(report.total.flows[k]);
          }
        }
      }),
      RUNS,
    );
  });

  it("the generic function over a county's territory and subtree gives the county's total", () => {
    fc.assert(
      fc.property(fc.gen(), fc.integer({ min: 2020, max: 2024 }), (g, year) => {
        const { b, counties } = genCity(g);
        const s = b.snapshot();
        const d = yearEnd(year);
        const regions = buildRegionTree(s.regions);
        const tree = buildOrgTree(s.orgs, s.reparentings, d);
        for (const c of counties) {
          const node = s.orgs.find((o) => o.id === c)!;
          const generic = computeIndicators(s, {
            asOf: d,
            policy: DEFAULT_POLICY,
            territoryRegionIds: regions.subtreeSet(node.regionId!),
            orgIds: new Set(tree.subtree(c)),
          });
          expect(generic).toEqual(withoutPrev(computeReport(s, c, year, policy).total));
        }
      }),
      RUNS,
    );
  });
});

describe("property: re-parenting and dual links", () => {
  it("re-parenting a unit to another county after D changes nothing as of D, and nothing city-wide later", () => {
    fc.assert(
      fc.property(fc.gen(), fc.integer({ min: 2020, max: 2024 }), (g, year) => {
        const city = genCity(g);
        const s = city.b.snapshot();
        const movable = city.units.filter((u) => u.county !== null);
        fc.pre(movable.length > 0);
        const unit = movable[g(fc.integer, { min: 0, max: movable.length - 1 })]!;
        const targets = city.mgmt.filter((m) => m.county !== null && m.county !== unit.county);
        fc.pre(targets.length > 0);
        const target = targets[g(fc.integer, { min: 0, max: targets.length - 1 })]!;
        const d = yearEnd(year);
        const lastChange = s.reparentings
          .filter((r) => r.orgId === unit.id)
          .reduce((m, r) => (r.effectiveOn > m ? r.effectiveOn : m), d);
        const effectiveOn = addDays(lastChange, g(fc.integer, { min: 1, max: 400 }));

        const moved: Snapshot = structuredClone(s);
        const org = moved.orgs.find((o) => o.id === unit.id)!;
        moved.reparentings.push({
          orgId: org.id,
          fromParentId: org.parentId!,
          toParentId: target.id,
          effectiveOn,
        });
        org.parentId = target.id;

        expect(computeReport(moved, city.city, year, policy)).toEqual(
          computeReport(s, city.city, year, policy),
        );
        for (const c of city.counties) {
          expect(computeReport(moved, c, year, policy)).toEqual(computeReport(s, c, year, policy));
        }
        for (const later of [effectiveOn, addDays(effectiveOn, 200)]) {
          expect(computeNodeIndicators(moved, city.city, later, DEFAULT_POLICY)).toEqual(
            computeNodeIndicators(s, city.city, later, DEFAULT_POLICY),
          );
        }
      }),
      RUNS,
    );
  });

  it("dual management links never change a figure", () => {
    fc.assert(
      fc.property(fc.gen(), fc.integer({ min: 2020, max: 2024 }), (g, year) => {
        const { b, city } = genCity(g);
        const s = b.snapshot();
        const unlinked = { ...s, dualLinks: [] };
        expect(computeReport(unlinked, city, year, policy)).toEqual(computeReport(s, city, year, policy));
      }),
      RUNS,
    );
  });
});
