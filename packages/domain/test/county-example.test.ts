import { describe, expect, it } from "vitest";
import {
  DEFAULT_POLICY,
  buildRegionTree,
  checkReport,
  computeIndicators,
  computeNodeIndicators,
  computeReport,
  emptyFlows,
  buildOrgTree,
} from "../src/index.ts";
import { buildCountyExample } from "./fixtures/county.ts";

const policy = { effectiveOn: "2020-01-01", params: DEFAULT_POLICY };

describe("the county survey of domain.md", () => {
  const { b, county, towns, countyRegion } = buildCountyExample();
  const snapshot = b.snapshot();
  const report = computeReport(snapshot, county, 2024, policy);
  const t = report.total;

  it("gives the survey's figures, computed", () => {
    expect(snapshot.hosts).toHaveLength(408);
    expect(t.hosts).toBe(408);
    expect(t.enterprises).toBe(408);
    expect(t.socialOrgs).toBe(0);
    expect(t.aboveScale).toBe(15);
    expect(t.employees).toBe(7219);
    expect(t.withMembers).toBe(79);
    expect(t.membersEmployed).toBe(168);
    expect(t.orgCovered).toBe(79);
    expect(t.coveredByMode).toEqual({ standalone: 19, joint: 0, affiliated: 60, regional: 0 });
    expect(t.orgCoverageRate).toBe(19.36);
    expect(t.standaloneRate).toBe(4.66);
    expect(t.instructorCovered).toBe(329);
    expect(t.instructors).toBe(329);
    expect(t.workCovered).toBe(408);
    expect(t.workCoverageRate).toBe(100);
    expect(t.membersShareOfEmployees).toBe(2.33);
  });

  it("counts the organizations and members by subordination", () => {
    expect(t.orgs).toEqual({ total: 55, committees: 0, generalBranches: 0, branches: 55, jointBranches: 0 });
    // Five members working in covered hosts hold their relationship outside the city.
    expect(t.members).toEqual({ total: 163, full: 163, probationary: 0 });
    expect(t.withThreeMembers).toBe(19);
    expect(t.threeMemberStandaloneRate).toBe(100);
    expect(t.aboveScaleCoverageRate).toBe(100);
    expect(t.shouldEstablishNotEstablished).toBe(0);
  });

  it("has one row per township and a 直属 row, adding up to the total", () => {
    expect(report.rows.map((r) => r.orgId)).toEqual([...towns, county]);
    expect(report.rows.map((r) => r.kind)).toEqual(["child", "child", "child", "direct"]);
    expect(report.rows.map((r) => r.indicators.hosts)).toEqual([136, 136, 136, 0]);
    expect(report.rows.reduce((s, r) => s + r.indicators.membersEmployed!, 0)).toBe(168);
    expect(report.annex).toEqual([]);
    expect(checkReport(report)).toEqual([]);
  });

  it("is the same figure on the dashboard and through the generic function", () => {
    const dash = computeNodeIndicators(snapshot, county, "2024-12-31", DEFAULT_POLICY);
    // The dashboard has no member flows (a report's own columns).
    expect(dash).toEqual({
      ...t,
      prevOrgCoverageRate: null,
      orgCoverageRateChangePp: null,
      flows: emptyFlows(),
    });
    const tree = buildOrgTree(snapshot.orgs, snapshot.reparentings, "2024-12-31");
    const generic = computeIndicators(snapshot, {
      asOf: "2024-12-31",
      policy: DEFAULT_POLICY,
      territoryRegionIds: buildRegionTree(snapshot.regions).subtreeSet(countyRegion),
      orgIds: new Set(tree.subtree(county)),
    });
    expect(generic).toEqual(dash);
  });

  it("gives a township's own report its single row plus an annex per grassroots organization", () => {
    const own = computeReport(snapshot, towns[0]!, 2024, policy);
    expect(own.rows).toHaveLength(1);
    expect(own.rows[0]!.kind).toBe("direct");
    expect(own.total).toEqual(report.rows[0]!.indicators);
    expect(own.annex.length).toBe(own.total.orgs.total);
    expect(own.annex.every((r) => r.indicators.hosts === null && r.indicators.orgs.total === 1)).toBe(true);
    expect(own.annex.reduce((s, r) => s + r.indicators.members.total, 0)).toBe(own.total.members.total);
  });

  it("counts nothing without territory: host-side keys are null", () => {
    const none = computeIndicators(snapshot, {
      asOf: "2024-12-31",
      policy: DEFAULT_POLICY,
      territoryRegionIds: null,
      orgIds: new Set([towns[0]!]),
    });
    expect(none.hosts).toBeNull();
    expect(none.coveredByMode).toEqual({ standalone: null, joint: null, affiliated: null, regional: null });
    expect(none.orgCoverageRate).toBeNull();
  });
});
