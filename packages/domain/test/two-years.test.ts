/**
 * Two year-ends of a small county, every figure worked out by hand:
 * - H1 covered by the joint branch J until 2024-07-01, then by its own standalone branch S;
 * - H5 closed on 2023-12-31 (not counted in 2023), H6 founded in 2024 (a social organization with a
 *   trade union), H8 in a township without a committee (the county's 直属 row);
 * - the general branch R (covering H7, 网格建) re-parented from township 1 to township 2 on 2024-03-01.
 */
import { describe, expect, it } from "vitest";
import {
  DEFAULT_POLICY,
  buildAsOfIndex,
  checkReport,
  computeNodeIndicators,
  computeReport,
  emptyFlows,
  hostFactsAsOf,
  type Report,
} from "../src/index.ts";
import { SnapshotBuilder } from "./fixtures/builder.ts";

const policy = { effectiveOn: "2020-01-01", params: DEFAULT_POLICY };

function build(opts: { reparentR: boolean }) {
  const b = new SnapshotBuilder();
  const city = b.region("示范市", "city", null);
  const c = b.region("示范县", "county", city);
  const t1 = b.region("一镇", "township", c);
  const t2 = b.region("二镇", "township", c);
  const t3 = b.region("三乡", "township", c);

  const k = b.org({
    name: "示范县两新工委",
    category: "countyCommittee",
    parentId: null,
    regionId: c,
    code: "K",
  });
  const p1 = b.org({
    name: "一镇党委",
    category: "townshipCommittee",
    parentId: k,
    regionId: t1,
    code: "K1",
  });
  const p2 = b.org({
    name: "二镇党委",
    category: "townshipCommittee",
    parentId: k,
    regionId: t2,
    code: "K2",
  });
  const j = b.org({
    name: "一镇联合党支部",
    category: "jointBranch",
    parentId: p1,
    mode: "joint",
    foundedOn: "2020-01-01",
  });
  const s = b.org({
    name: "H1党支部",
    category: "branch",
    parentId: p1,
    mode: "standalone",
    foundedOn: "2024-07-01",
  });
  const a = b.org({
    name: "二村党支部",
    category: "branch",
    parentId: p2,
    mode: "affiliated",
    foundedOn: "2015-01-01",
  });
  const r = b.org({
    name: "一镇网格党总支",
    category: "generalBranch",
    parentId: p1,
    mode: "grid",
    foundedOn: "2016-06-01",
  });
  if (opts.reparentR) b.reparent(r, p2, "2024-03-01");

  const h1 = b.host({ name: "H1", regionId: t1, foundedOn: "2018-01-01" });
  const h2 = b.host({ name: "H2", regionId: t1, foundedOn: "2018-01-01" });
  const h3 = b.host({ name: "H3", regionId: t2, foundedOn: "2019-01-01" });
  const h4 = b.host({ name: "H4", regionId: t2, foundedOn: "2023-05-01" });
  const h5 = b.host({ name: "H5", regionId: t1, foundedOn: "2015-01-01", closedOn: "2023-12-31" });
  const h6 = b.host({
    name: "H6",
    kind: "socialOrg",
    regionId: t2,
    foundedOn: "2024-02-01",
    unionOn: "2024-03-01",
  });
  const h7 = b.host({ name: "H7", regionId: t1, foundedOn: "2016-01-01" });
  const h8 = b.host({ name: "H8", regionId: t3, foundedOn: "2010-01-01" });

  b.figures(h1, 2022, 120); // 2023 uses 2022: above scale
  b.figures(h1, 2024, 60, 600); // 50–99 with revenue ≥ 500: above scale
  b.figures(h2, 2023, 55, 400);
  b.figures(h2, 2024, 55, 500);
  b.figures(h3, 2023, 30);
  b.figures(h4, 2023, 10);
  b.figures(h4, 2024, 100); // above scale, not covered: 应建未建 in 2024
  b.figures(h5, 2023, 200);
  b.figures(h6, 2024, 150); // a social organization is never above scale
  b.figures(h7, 2023, 20);
  b.figures(h7, 2024, 20);
  b.figures(h7, 2025, 999);
  b.figures(h8, 2023, 5);

  b.cover(h1, j, "2020-01-01", "2024-07-01");
  b.cover(h1, s, "2024-07-01");
  b.cover(h2, j, "2020-01-01");
  b.cover(h3, a, "2019-06-01");
  b.cover(h7, r, "2017-01-01");

  const i1 = b.instructor();
  const i2 = b.instructor();
  b.assign(i1, h4, "2023-06-01");
  b.assign(i2, h2, "2023-01-01", "2024-01-01");

  const m = (joinedOn: string, fullOn: string | null) => b.member({ joinedOn, fullOn });
  const [m1, m2, m3] = [
    m("2010-01-01", "2011-01-01"),
    m("2010-01-01", "2011-01-01"),
    m("2010-01-01", "2011-01-01"),
  ];
  for (const x of [m1, m2, m3]) {
    b.holds(x, j, "2010-01-01", "2024-07-01");
    b.holds(x, s, "2024-07-01");
    b.works(x, h1, "2018-01-01");
  }
  const m4 = m("2023-06-01", "2024-06-01");
  b.holds(m4, j, "2023-06-01");
  b.works(m4, h2, "2023-06-01");
  const m5 = m("2012-01-01", "2013-01-01");
  b.holds(m5, r, "2016-06-01");
  b.works(m5, h7, "2016-06-01");
  const m6 = m("2012-01-01", "2013-01-01");
  b.holds(m6, null, "2012-01-01"); // outside the city
  b.works(m6, h3, "2019-01-01");
  const m7 = m("2000-01-01", "2001-01-01");
  b.holds(m7, a, "2015-01-01");
  b.status(m7, "stopped", "2024-05-01");
  const m8 = m("2005-01-01", "2006-01-01");
  b.holds(m8, a, "2015-01-01", "2024-09-01");
  b.works(m8, h4, "2023-05-01", "2024-09-01");
  b.status(m8, "transferredOut", "2024-09-01");
  const m9 = m("2024-02-01", null);
  b.holds(m9, r, "2024-02-01");
  b.works(m9, h7, "2024-02-01");
  return { snapshot: b.snapshot(), k, p1, p2, h1, h4, m8 };
}

function row(report: Report, orgId: number, kind = "child") {
  return report.rows.find((r) => r.orgId === orgId && r.kind === kind)!.indicators;
}

describe("two year-ends worked out by hand", () => {
  const { snapshot, k, p1, p2, h1, h4, m8 } = build({ reparentR: true });
  const y1 = computeReport(snapshot, k, 2023, policy);
  const y2 = computeReport(snapshot, k, 2024, policy);

  it("2023: H5 closed on 31 December is not counted, H6 does not exist yet", () => {
    const t = y1.total;
    expect(t.hosts).toBe(6); // H1 H2 H3 H4 H7 H8
    expect(t.orgCovered).toBe(4); // H1 H2 by J, H3 by A, H7 by R
    expect(t.coveredByMode).toEqual({ standalone: 0, joint: 2, affiliated: 1, regional: 1 });
    expect(t.orgCoverageRate).toBe(66.67);
    expect(t.standaloneRate).toBe(0);
    expect(t.employees).toBe(240); // 120 + 55 + 30 + 10 + 20 + 5
    expect(t.aboveScale).toBe(1);
    expect(t.aboveScaleCoverageRate).toBe(100);
    expect(t.withMembers).toBe(5);
    expect(t.withThreeMembers).toBe(1);
    expect(t.threeMemberStandaloneRate).toBe(0);
    expect(t.membersEmployed).toBe(7);
    expect(t.membersShareOfEmployees).toBe(2.92);
    expect(t.instructorCovered).toBe(1); // H4 (H2's instructor does not count: H2 is covered)
    expect(t.instructors).toBe(2);
    expect(t.workCovered).toBe(5);
    expect(t.workCoverageRate).toBe(83.33);
    expect(t.shouldEstablishNotEstablished).toBe(0);
    expect(t.orgs).toEqual({ total: 3, committees: 0, generalBranches: 1, branches: 2, jointBranches: 1 });
    expect(t.members).toEqual({ total: 7, full: 6, probationary: 1 });
  });

  it("2023 rows: R still under township 1", () => {
    const r1 = row(y1, p1);
    expect([r1.hosts, r1.orgCovered, r1.orgCoverageRate]).toEqual([3, 3, 100]);
    expect(r1.orgs).toEqual({ total: 2, committees: 0, generalBranches: 1, branches: 1, jointBranches: 1 });
    expect(r1.members).toEqual({ total: 5, full: 4, probationary: 1 });
    const r2 = row(y1, p2);
    expect([r2.hosts, r2.orgCovered, r2.orgCoverageRate]).toEqual([2, 1, 50]);
    expect(r2.members).toEqual({ total: 2, full: 2, probationary: 0 });
    const d = row(y1, k, "direct");
    expect([d.hosts, d.orgCovered, d.orgCoverageRate, d.workCoverageRate]).toEqual([1, 0, 0, 0]);
    expect(d.orgs.total).toBe(0);
  });

  it("2024: H1 moved from joint to standalone, H4 above scale without organization", () => {
    const t = y2.total;
    expect(t.hosts).toBe(7);
    expect(t.enterprises).toBe(6);
    expect(t.socialOrgs).toBe(1);
    expect(t.orgCovered).toBe(4);
    expect(t.coveredByMode).toEqual({ standalone: 1, joint: 1, affiliated: 1, regional: 1 });
    expect(t.orgCoverageRate).toBe(57.14);
    expect(t.standaloneRate).toBe(14.29);
    expect(t.employees).toBe(420); // 60 + 55 + 30 + 100 + 150 + 20 + 5
    expect(t.aboveScale).toBe(3); // H1, H2, H4
    expect(t.aboveScaleCoverageRate).toBe(66.67);
    expect(t.shouldEstablishNotEstablished).toBe(1);
    expect(t.withMembers).toBe(4);
    expect(t.withThreeMembers).toBe(1);
    expect(t.threeMemberStandaloneRate).toBe(100);
    expect(t.membersEmployed).toBe(7); // 3 in H1, M4 in H2, M6 in H3, M5 and M9 in H7
    expect(t.membersShareOfEmployees).toBe(1.67);
    expect(t.instructors).toBe(1);
    expect(t.instructorCovered).toBe(1);
    expect(t.workCovered).toBe(6); // + H6 by its trade union
    expect(t.workCoverageRate).toBe(85.71);
    expect(t.orgs).toEqual({ total: 4, committees: 0, generalBranches: 1, branches: 3, jointBranches: 1 });
    expect(t.members).toEqual({ total: 6, full: 5, probationary: 1 });
  });

  it("2024 change in percentage points comes from the unrounded rates", () => {
    expect(y2.total.prevOrgCoverageRate).toBe(66.67);
    // 57.142857… − 66.666666… = −9.5238…, not 57.14 − 66.67 = −9.53
    expect(y2.total.orgCoverageRateChangePp).toBe(-9.52);
    const r2 = row(y2, p2);
    expect([
      r2.hosts,
      r2.orgCovered,
      r2.orgCoverageRate,
      r2.prevOrgCoverageRate,
      r2.orgCoverageRateChangePp,
    ]).toEqual([3, 1, 33.33, 50, -16.67]);
    const r1 = row(y2, p1);
    expect([r1.orgCoverageRate, r1.prevOrgCoverageRate, r1.orgCoverageRateChangePp]).toEqual([100, 100, 0]);
  });

  it("2024 rows: R and its members now count under township 2, H7 stays in township 1's territory", () => {
    const r1 = row(y2, p1);
    expect(r1.hosts).toBe(3);
    expect(r1.coveredByMode.regional).toBe(1);
    expect(r1.orgs).toEqual({ total: 2, committees: 0, generalBranches: 0, branches: 2, jointBranches: 1 });
    expect(r1.members).toEqual({ total: 4, full: 4, probationary: 0 });
    const r2 = row(y2, p2);
    expect(r2.orgs).toEqual({ total: 2, committees: 0, generalBranches: 1, branches: 1, jointBranches: 0 });
    expect(r2.members).toEqual({ total: 2, full: 1, probationary: 1 });
  });

  it("2024 member flows: R's move is 隶属变更 between the townships and no flow of the county", () => {
    // Township 1: J's m1–m4 and R's m5 at the start; m5 leaves with R (m1–m3 move J → S within the row).
    expect(row(y2, p1).flows).toEqual({ ...emptyFlows(), opening: 5, reparentedOut: 1, closing: 4 });
    // Township 2: A's m7 and m8 at the start; R brings m5, m9 joined in 2024 (R), m7 stopped, m8 left.
    expect(row(y2, p2).flows).toEqual({
      ...emptyFlows(),
      opening: 2,
      reparentedIn: 1,
      developed: 1,
      stopped: 1,
      transferredOut: 1,
      closing: 2,
    });
    // The county as a whole: 7 + 1 − 1 − 1 = 6; the move between its rows cancels.
    expect(y2.total.flows).toEqual({
      ...emptyFlows(),
      opening: 7,
      developed: 1,
      stopped: 1,
      transferredOut: 1,
      closing: 6,
    });
    // Last year's approved closing figure as 年初 of township 2: one more than the records say → unbalanced.
    const approved = computeReport(snapshot, k, 2024, policy, {
      opening: (r) => (r.orgId === p2 ? 3 : undefined),
    });
    const balance = checkReport(approved).filter((v) => v.code === "MEMBER_BALANCE");
    expect(balance).toHaveLength(1);
    expect(balance[0]).toMatchObject({ level: "warning", refs: { rowOrgId: p2 } });
    expect(balance[0]!.message).toContain(
      "「二镇党委」党员数不平衡:年末2名,按年初3名(上年审核数)及本年变动推算应为3名,少1名",
    );
  });

  it("opening members are last year's closing on last year's tree", () => {
    expect(y2.openingMembers).toBe(7);
    expect(checkReport(y2, { previousApprovedClosingMembers: 7 })).toEqual([]);
    const v = checkReport(y2, { previousApprovedClosingMembers: 9 });
    expect(v).toHaveLength(1);
    expect(v[0]!.code).toBe("OPENING_MEMBERS_MISMATCH");
    expect(v[0]!.level).toBe("warning");
    expect(v[0]!.message).toContain("少2名");
  });

  it("recomputing 2023 after the re-parenting gives the same report", () => {
    const before = build({ reparentR: false });
    const y1Before = computeReport(before.snapshot, before.k, 2023, policy);
    expect(y1).toEqual(y1Before);
  });

  it("uses the unit's approved figures as the base when given", () => {
    const withApproved = computeReport(snapshot, k, 2024, policy, {
      previous: (r) => (r.orgId === p2 ? 40 : undefined),
      previousTotal: 60,
    });
    expect(row(withApproved, p2).orgCoverageRateChangePp).toBe(-6.67);
    expect(row(withApproved, p1).orgCoverageRateChangePp).toBe(0);
    expect(withApproved.total.orgCoverageRateChangePp).toBe(-2.86);
  });

  it("the dashboard on 31 December shows the report's total", () => {
    const dash = computeNodeIndicators(snapshot, k, "2024-12-31", DEFAULT_POLICY, {
      compareWith: "2023-12-31",
    });
    // The dashboard has no member flows (a report's own columns).
    expect(dash).toEqual({ ...y2.total, flows: emptyFlows() });
  });

  it("exposes the per-host and per-member facts behind the figures (ledger, drill-down)", () => {
    const facts = hostFactsAsOf(snapshot, "2024-12-31", DEFAULT_POLICY);
    expect(facts.get(h4)).toMatchObject({
      employees: 100,
      figuresYear: 2024,
      aboveScale: true,
      orgCovered: false,
      shouldEstablishNotEstablished: true,
      instructorCovered: true,
      workCovered: true,
      membersWorking: 0,
    });
    expect(facts.get(h1)).toMatchObject({
      coveredMode: "standalone",
      withThreeMembers: true,
      fullMembersWorking: 3,
    });
    const mid = hostFactsAsOf(snapshot, "2024-06-30", DEFAULT_POLICY).get(h1)!;
    expect(mid.coveredMode).toBe("joint");
    const index = buildAsOfIndex(snapshot, "2024-12-31");
    expect(index.memberAsOf(m8)).toMatchObject({ status: "transferredOut", counts: false });
    expect(buildAsOfIndex(snapshot, "2024-08-31").memberAsOf(m8)).toMatchObject({
      status: "normal",
      counts: true,
      full: true,
      workplaceHostId: h4,
    });
  });

  it("gives the same figures whatever the member ids (sparse ids are indexed another way)", () => {
    const sparse = structuredClone(snapshot);
    const remap = (id: number) => id * 1_000_003 + 7;
    for (const m of sparse.members) m.id = remap(m.id);
    for (const r of sparse.relationships) r.memberId = remap(r.memberId);
    for (const w of sparse.workplaces) w.memberId = remap(w.memberId);
    for (const e of sparse.statusEvents) e.memberId = remap(e.memberId);
    expect(computeReport(sparse, k, 2024, policy)).toEqual(y2);
    expect(computeReport(sparse, k, 2023, policy)).toEqual(y1);
  });
});
