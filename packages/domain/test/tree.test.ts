import { describe, expect, it } from "vitest";
import { buildOrgTree, buildRegionTree, type OrgRec, type ReparentingRec } from "../src/index.ts";
import { SnapshotBuilder } from "./fixtures/builder.ts";

function sample() {
  const b = new SnapshotBuilder();
  const city = b.org({ name: "市委两新工委", category: "cityCommittee", parentId: null, code: "A" });
  const c1 = b.org({ name: "甲县两新工委", category: "countyCommittee", parentId: city, code: "B1" });
  const c2 = b.org({ name: "乙县两新工委", category: "countyCommittee", parentId: city, code: "B2" });
  const t1 = b.org({ name: "一镇党委", category: "townshipCommittee", parentId: c1, code: "C1" });
  const t2 = b.org({ name: "二镇党委", category: "townshipCommittee", parentId: c2, code: "C2" });
  const unit = b.org({
    name: "某公司党委",
    category: "committee",
    parentId: t1,
    mode: "standalone",
    code: "D1",
  });
  const br = b.org({ name: "某公司一支部", category: "branch", parentId: unit, code: "E1" });
  const late = b.org({
    name: "新支部",
    category: "branch",
    parentId: t2,
    foundedOn: "2024-05-01",
    code: "D2",
  });
  const gone = b.org({
    name: "撤销支部",
    category: "branch",
    parentId: t2,
    revokedOn: "2023-06-01",
    code: "D3",
  });
  // The unit moved from township 1 to township 2 (2022-03-01), then to county 2 directly (2024-01-01).
  b.reparent(unit, t2, "2022-03-01");
  b.reparent(unit, c2, "2024-01-01");
  return { b, city, c1, c2, t1, t2, unit, br, late, gone };
}

describe("organization tree as of a date", () => {
  it("takes the superior from the earliest re-parenting after D, else today's", () => {
    const { b, t1, t2, c2, unit } = sample();
    const s = b.snapshot();
    expect(buildOrgTree(s.orgs, s.reparentings, "2021-12-31").parentOf(unit)).toBe(t1);
    expect(buildOrgTree(s.orgs, s.reparentings, "2022-02-28").parentOf(unit)).toBe(t1);
    expect(buildOrgTree(s.orgs, s.reparentings, "2022-03-01").parentOf(unit)).toBe(t2);
    expect(buildOrgTree(s.orgs, s.reparentings, "2023-12-31").parentOf(unit)).toBe(t2);
    expect(buildOrgTree(s.orgs, s.reparentings, "2024-01-01").parentOf(unit)).toBe(c2);
  });

  it("keeps only organizations in force (revoked on a date: gone on it)", () => {
    const { b, late, gone } = sample();
    const s = b.snapshot();
    const t = buildOrgTree(s.orgs, s.reparentings, "2023-06-01");
    expect(t.has(gone)).toBe(false);
    expect(t.has(late)).toBe(false);
    expect(buildOrgTree(s.orgs, s.reparentings, "2023-05-31").has(gone)).toBe(true);
    expect(buildOrgTree(s.orgs, s.reparentings, "2024-05-01").has(late)).toBe(true);
  });

  it("moves a whole subtree with its re-parented root", () => {
    const { b, city, c1, c2, t1, t2, unit, br } = sample();
    const s = b.snapshot();
    const y1 = buildOrgTree(s.orgs, s.reparentings, "2021-12-31");
    expect(y1.subtree(c1)).toEqual([c1, t1, unit, br]);
    expect(y1.isInSubtree(br, c1)).toBe(true);
    expect(y1.ancestors(br)).toEqual([unit, t1, c1, city]);
    const y3 = buildOrgTree(s.orgs, s.reparentings, "2024-12-31");
    expect(y3.isInSubtree(br, c1)).toBe(false);
    expect(y3.isInSubtree(br, c2)).toBe(true);
    expect(y3.childrenOf(c2)).toEqual([t2, unit]);
    expect(y3.subtree(city)).toHaveLength(y3.size);
  });

  it("finds the topmost organization of a unit", () => {
    const { b, unit, br, t1 } = sample();
    const s = b.snapshot();
    const t = buildOrgTree(s.orgs, s.reparentings, "2021-12-31");
    expect(t.topmostOfUnit(br)).toBe(unit);
    expect(t.topmostOfUnit(unit)).toBe(unit);
    expect(t.topmostOfUnit(t1)).toBe(t1);
  });

  it("survives a superior not in force and a cyclic history", () => {
    const orgs: OrgRec[] = [
      {
        id: 1,
        code: "1",
        name: "a",
        category: "branch",
        parentId: 2,
        regionId: null,
        formationMode: null,
        foundedOn: "2000-01-01",
        revokedOn: null,
      },
      {
        id: 2,
        code: "2",
        name: "b",
        category: "committee",
        parentId: 1,
        regionId: null,
        formationMode: null,
        foundedOn: "2000-01-01",
        revokedOn: null,
      },
      {
        id: 3,
        code: "3",
        name: "c",
        category: "branch",
        parentId: 99,
        regionId: null,
        formationMode: null,
        foundedOn: "2000-01-01",
        revokedOn: null,
      },
    ];
    const reps: ReparentingRec[] = [];
    const t = buildOrgTree(orgs, reps, "2024-01-01");
    expect(t.parentOf(3)).toBeNull();
    const placed = t
      .orgs()
      .map((o) => o.id)
      .sort();
    expect(placed).toEqual([1, 2, 3]);
    expect(t.ancestors(2).length).toBeLessThan(3);
  });

  it("builds a 30,000-organization tree quickly", () => {
    const orgs: OrgRec[] = [];
    const reps: ReparentingRec[] = [];
    for (let i = 1; i <= 30_000; i++) {
      const parentId = i === 1 ? null : Math.floor(i / 8) || 1;
      orgs.push({
        id: i,
        code: String(i),
        name: String(i),
        category: i < 100 ? "countyCommittee" : "branch",
        parentId,
        regionId: null,
        formationMode: null,
        foundedOn: "2000-01-01",
        revokedOn: null,
      });
      if (i > 100 && i % 10 === 0)
        reps.push({ orgId: i, fromParentId: 2, toParentId: parentId!, effectiveOn: "2025-01-01" });
    }
    const t0 = performance.now();
    const t = buildOrgTree(orgs, reps, "2024-12-31");
    let n = 0;
    for (const _id of t.subtree(1)) n++;
    expect(n).toBe(30_000);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe("region tree", () => {
  it("gives the subtree of a region", () => {
    const b = new SnapshotBuilder();
    const city = b.region("示范市", "city", null);
    const k1 = b.region("甲县", "county", city);
    const k2 = b.region("乙县", "county", city);
    const a = b.region("一镇", "township", k1);
    const c = b.region("二镇", "township", k2);
    const r = buildRegionTree(b.snapshot().regions);
    expect([...r.subtreeSet(k1)].sort()).toEqual([k1, a].sort());
    expect(r.subtree(city)).toHaveLength(5);
    expect(r.isInSubtree(c, k1)).toBe(false);
    expect(r.ancestors(c)).toEqual([k2, city]);
  });
});
