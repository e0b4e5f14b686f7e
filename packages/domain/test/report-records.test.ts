import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AsOfIndex,
  DEFAULT_POLICY,
  HOST_FLAG,
  MEMBER_FLAG,
  ORG_FLAG,
  computeReport,
  decodeRowRecords,
  encodeRowRecords,
  nodeRowRecords,
  reconcileRecords,
  selectIds,
  unionRecords,
  yearEnd,
  type Snapshot,
} from "../src/index.ts";
import { genCity } from "./fixtures/city-gen.ts";

const policy = { effectiveOn: "2000-01-01", params: DEFAULT_POLICY };
const RUNS = { numRuns: 50 };
const has = (bit: number) => (f: number) => (f & bit) !== 0;

describe("property: the records behind a row are exactly what its figures count", () => {
  it("every count of every row of every management node equals its records", () => {
    fc.assert(
      fc.property(fc.gen(), fc.integer({ min: 2020, max: 2024 }), (g, year) => {
        const { b, mgmt } = genCity(g);
        const s = b.snapshot();
        const index = new AsOfIndex(s, yearEnd(year));
        for (const { id } of mgmt) {
          if (!index.tree.has(id)) continue;
          const report = computeReport(s, id, year, policy);
          const { keys, rows } = nodeRowRecords(index, id, DEFAULT_POLICY);
          expect(keys).toEqual(report.rows.map((r) => ({ kind: r.kind, orgId: r.orgId })));
          report.rows.forEach((row, i) => {
            const p = row.parts!;
            const r = rows[i]!;
            expect(r.hosts.ids.length).toBe(p.hosts);
            expect(selectIds(r.hosts, has(HOST_FLAG.enterprise)).length).toBe(p.enterprises);
            expect(selectIds(r.hosts, has(HOST_FLAG.orgCovered)).length).toBe(p.orgCovered);
            expect(selectIds(r.hosts, has(HOST_FLAG.standalone)).length).toBe(p.coveredByMode.standalone);
            expect(selectIds(r.hosts, has(HOST_FLAG.joint)).length).toBe(p.coveredByMode.joint);
            expect(selectIds(r.hosts, has(HOST_FLAG.aboveScale)).length).toBe(p.aboveScale);
            expect(selectIds(r.hosts, has(HOST_FLAG.withThreeMembers)).length).toBe(p.withThreeMembers);
            expect(selectIds(r.hosts, has(HOST_FLAG.shouldEstablishNotEstablished)).length).toBe(
              p.shouldEstablishNotEstablished,
            );
            expect(selectIds(r.hosts, has(HOST_FLAG.workCovered)).length).toBe(p.workCovered);
            expect(selectIds(r.hosts, has(HOST_FLAG.instructorCovered)).length).toBe(p.instructorCovered);
            expect(r.orgs.ids.length).toBe(p.orgs.total);
            expect(selectIds(r.orgs, has(ORG_FLAG.committee)).length).toBe(p.orgs.committees);
            expect(selectIds(r.orgs, has(ORG_FLAG.jointBranch)).length).toBe(p.orgs.jointBranches);
            expect(r.members.ids.length).toBe(p.members.total);
            expect(selectIds(r.members, has(MEMBER_FLAG.full)).length).toBe(p.members.full);
            expect(r.employed.ids.length).toBe(p.membersEmployed);
            // Stored and read back unchanged.
            expect(decodeRowRecords(encodeRowRecords(r))).toEqual(r);
          });
          // Computed live, the rows and the node agree record by record.
          expect(reconcileRecords(rows, unionRecords(rows))).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  it("a unit re-parented between two counties after one county's figures were frozen is counted twice", () => {
    fc.assert(
      fc.property(fc.gen(), fc.integer({ min: 2020, max: 2024 }), (g, year) => {
        const city = genCity(g);
        const s = city.b.snapshot();
        const d = yearEnd(year);
        const before = new AsOfIndex(s, d);
        const movable = city.units.filter((u) => u.county !== null && before.tree.has(u.id));
        fc.pre(movable.length > 0);
        const unit = movable[g(fc.integer, { min: 0, max: movable.length - 1 })]!;
        const frozen = nodeRowRecords(before, city.city, DEFAULT_POLICY);
        const fromRow = frozen.keys.findIndex(
          (k) => k.kind === "child" && before.tree.subtree(k.orgId).includes(unit.id),
        );
        fc.pre(fromRow >= 0);
        const targetRow = frozen.keys.findIndex(
          (k, i) =>
            i !== fromRow && k.kind === "child" && before.tree.org(k.orgId)!.category === "countyCommittee",
        );
        fc.pre(targetRow >= 0);
        const target = frozen.keys[targetRow]!.orgId;
        // Back-dated into the frozen year: the unit moves to the other county on 1 December.
        const moved: Snapshot = structuredClone(s);
        const org = moved.orgs.find((o) => o.id === unit.id)!;
        const last = s.reparentings
          .filter((r) => r.orgId === unit.id)
          .map((r) => r.effectiveOn)
          .sort()
          .pop();
        const effectiveOn = `${year}-12-01`;
        fc.pre(!last || last < effectiveOn);
        moved.reparentings.push({
          orgId: org.id,
          fromParentId: org.parentId!,
          toParentId: target,
          effectiveOn,
        });
        org.parentId = target;
        const after = new AsOfIndex(moved, d);
        const liveNow = nodeRowRecords(after, city.city, DEFAULT_POLICY);
        // The city's rows: the unit's old county frozen, the rest live.
        const reported = liveNow.keys.map((k, i) =>
          i === fromRow ? frozen.rows[fromRow]! : liveNow.rows[i]!,
        );
        const diffs = reconcileRecords(reported, unionRecords(liveNow.rows));
        const moving = new Set(after.tree.subtree(unit.id));
        const twiceOrgs = diffs.filter((x) => x.kind === "orgs" && x.problem === "twice").map((x) => x.id);
        const expectOrgs = liveNow.rows[targetRow]!.orgs.ids.filter(
          (id) => moving.has(id) && frozen.rows[fromRow]!.orgs.ids.includes(id),
        );
        expect(twiceOrgs.sort((a, b) => a - b)).toEqual(expectOrgs);
        expect(twiceOrgs).toContain(unit.id);
        // Every difference names a record that really differs between the two.
        for (const x of diffs) {
          const inFrozen = reported.filter((r) => r[x.kind].ids.includes(x.id)).length;
          const inLive = unionRecords(liveNow.rows)[x.kind].ids.includes(x.id);
          if (x.problem === "twice") expect(inFrozen).toBeGreaterThan(1);
          if (x.problem === "gone") expect(inLive).toBe(false);
          if (x.problem === "missing") expect(inFrozen).toBe(0);
        }
      }),
      RUNS,
    );
  });
});
