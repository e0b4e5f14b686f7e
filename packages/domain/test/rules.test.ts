import { describe, expect, it } from "vitest";
import {
  AppError,
  DEFAULT_POLICY,
  assertCoverageAllowed,
  assertHasRelationship,
  assertSecretaryTermAllowed,
  assertTransition,
  canTransition,
  checkCoverageOnTopmost,
  checkCoverageOverlaps,
  checkInstructorCap,
  checkJointCap,
  checkMemberRelationships,
  checkRecords,
  checkReport,
  checkSecretaryTerms,
  checkStandaloneCoverage,
  computeReport,
  decideTransfer,
  forbidMemberDeletion,
  MEMBER_STATUSES,
  type MemberStatus,
} from "../src/index.ts";
import { SnapshotBuilder } from "./fixtures/builder.ts";

/** The rule's refusal thrown by `fn`: an AppError of code RULE naming the rule. */
function catchError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError && e.code === "RULE") return e;
    throw e;
  }
  throw new Error("expected an AppError of code RULE");
}

const CHINESE = /[\u4e00-\u9fff]/;

function world() {
  const b = new SnapshotBuilder();
  const region = b.region("一镇", "township", null);
  const town = b.org({ name: "一镇党委", category: "townshipCommittee", parentId: null, regionId: region });
  const unit = b.org({ name: "甲公司党委", category: "committee", parentId: town, mode: "standalone" });
  const sub = b.org({ name: "甲公司一支部", category: "branch", parentId: unit, mode: "standalone" });
  const joint = b.org({ name: "园区联合党支部", category: "jointBranch", parentId: town, mode: "joint" });
  const hosts = Array.from({ length: 12 }, (_, i) => b.host({ name: `企业${i + 1}`, regionId: region }));
  return { b, town, unit, sub, joint, hosts };
}

describe("coverage rules", () => {
  it("refuses a second host for a standalone organization", () => {
    const { b, unit, hosts } = world();
    b.cover(hosts[0]!, unit, "2020-01-01");
    const s = b.snapshot();
    const e = catchError(() =>
      assertCoverageAllowed(s, { hostId: hosts[1]!, orgId: unit, startOn: "2023-01-01", endOn: null }),
    );
    expect(e.rule).toBe("STANDALONE_MULTIPLE_HOSTS");
    expect(e.message).toContain("单独建");
    expect(e.message).toContain("甲公司党委");
    // After the first coverage ends, the organization may cover another host.
    b.s.coverages[0]!.endOn = "2023-01-01";
    expect(() =>
      assertCoverageAllowed(b.snapshot(), {
        hostId: hosts[1]!,
        orgId: unit,
        startOn: "2023-01-01",
        endOn: null,
      }),
    ).not.toThrow();
  });

  it("finds a standalone organization covering two hosts at once in the records", () => {
    const { b, unit, hosts } = world();
    b.cover(hosts[0]!, unit, "2020-01-01");
    b.cover(hosts[1]!, unit, "2021-05-01", "2022-01-01");
    const v = checkStandaloneCoverage(b.snapshot());
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ level: "error", code: "STANDALONE_MULTIPLE_HOSTS" });
    expect(v[0]!.message).toContain("2021-05-01");
  });

  it("refuses overlapping coverage of one host", () => {
    const { b, unit, joint, hosts } = world();
    b.cover(hosts[0]!, joint, "2020-01-01", "2024-07-01");
    const s = b.snapshot();
    const e = catchError(() =>
      assertCoverageAllowed(s, { hostId: hosts[0]!, orgId: unit, startOn: "2024-06-30", endOn: null }),
    );
    expect(e.rule).toBe("COVERAGE_HOST_OVERLAP");
    expect(e.message).toMatch(CHINESE);
    expect(e.message).toContain("企业1");
    // Half-open: the new coverage may start on the day the old one ends.
    expect(() =>
      assertCoverageAllowed(s, { hostId: hosts[0]!, orgId: unit, startOn: "2024-07-01", endOn: null }),
    ).not.toThrow();
    b.cover(hosts[0]!, unit, "2024-06-30");
    const v = checkCoverageOverlaps(b.snapshot());
    expect(v.map((x) => x.code)).toEqual(["COVERAGE_HOST_OVERLAP"]);
  });

  it("requires coverage on the unit's topmost organization", () => {
    const { b, sub, unit, hosts } = world();
    const s = b.snapshot();
    const e = catchError(() =>
      assertCoverageAllowed(s, { hostId: hosts[0]!, orgId: sub, startOn: "2024-01-01", endOn: null }),
    );
    expect(e.rule).toBe("COVERAGE_NOT_TOPMOST");
    expect(e.message).toContain("甲公司党委");
    b.cover(hosts[0]!, sub, "2024-01-01");
    expect(checkCoverageOnTopmost(b.snapshot()).map((x) => x.code)).toEqual(["COVERAGE_NOT_TOPMOST"]);
    void unit;
  });

  it("says in a whole sentence where to record the coverage instead", () => {
    const { b, sub, hosts } = world();
    const e = catchError(() =>
      assertCoverageAllowed(b.snapshot(), {
        hostId: hosts[0]!,
        orgId: sub,
        startOn: "2024-01-01",
        endOn: null,
      }),
    );
    expect(e.message).toMatch(/请.*“甲公司党委”/);
    expect(e.message).toMatch(/。$/);
  });

  it("lets a village or community branch cover by affiliation, but not inside another covering unit", () => {
    const { b, town, unit, hosts } = world();
    const village = b.org({ name: "东村党委", category: "committee", parentId: town });
    const villageBranch = b.org({
      name: "东村第一支部",
      category: "branch",
      parentId: village,
      mode: "affiliated",
    });
    const gridBranch = b.org({ name: "东村网格支部", category: "branch", parentId: village, mode: "grid" });
    const villageJoint = b.org({
      name: "东村联合支部",
      category: "jointBranch",
      parentId: village,
      mode: "joint",
    });
    const inUnit = b.org({ name: "甲公司挂靠支部", category: "branch", parentId: unit, mode: "affiliated" });
    const s = b.snapshot();
    const at = (orgId: number, hostId: number) => ({ hostId, orgId, startOn: "2024-01-01", endOn: null });
    expect(() => assertCoverageAllowed(s, at(villageBranch, hosts[0]!))).not.toThrow();
    expect(() => assertCoverageAllowed(s, at(gridBranch, hosts[1]!))).not.toThrow();
    expect(catchError(() => assertCoverageAllowed(s, at(villageJoint, hosts[2]!))).rule).toBe(
      "COVERAGE_NOT_TOPMOST",
    );
    expect(catchError(() => assertCoverageAllowed(s, at(inUnit, hosts[3]!))).rule).toBe(
      "COVERAGE_NOT_TOPMOST",
    );
    b.cover(hosts[0]!, villageBranch, "2024-01-01");
    b.cover(hosts[1]!, gridBranch, "2024-01-01");
    expect(checkCoverageOnTopmost(b.snapshot())).toEqual([]);
  });

  it("refuses an interval that ends before it starts", () => {
    const { b, unit, hosts } = world();
    const e = catchError(() =>
      assertCoverageAllowed(b.snapshot(), {
        hostId: hosts[0]!,
        orgId: unit,
        startOn: "2024-01-01",
        endOn: "2024-01-01",
      }),
    );
    expect(e.rule).toBe("INVALID_INTERVAL");
  });

  it("warns about a joint organization over the cap and an instructor over the cap", () => {
    const { b, joint, hosts } = world();
    for (const h of hosts.slice(0, 11)) b.cover(h, joint, "2024-01-01");
    const ins = b.instructor("ZDY001");
    for (const h of hosts.slice(0, 6)) b.assign(ins, h, "2024-01-01");
    const s = b.snapshot();
    const jv = checkJointCap(s, DEFAULT_POLICY, "2024-12-31");
    expect(jv).toHaveLength(1);
    expect(jv[0]).toMatchObject({ level: "warning", code: "JOINT_OVER_CAP" });
    expect(jv[0]!.message).toContain("11个");
    expect(checkJointCap(s, { ...DEFAULT_POLICY, jointCap: 11 }, "2024-12-31")).toEqual([]);
    const iv = checkInstructorCap(s, DEFAULT_POLICY, "2024-12-31");
    expect(iv).toHaveLength(1);
    expect(iv[0]).toMatchObject({ level: "warning", code: "INSTRUCTOR_OVER_CAP" });
    expect(iv[0]!.message).toContain("ZDY001");
    expect(checkInstructorCap(s, DEFAULT_POLICY, "2023-12-31")).toEqual([]);
  });
});

describe("member status machine", () => {
  const allowed: [MemberStatus, MemberStatus][] = [
    ["normal", "transferredOut"],
    ["normal", "expelled"],
    ["normal", "deceased"],
    ["normal", "stopped"],
    ["stopped", "normal"],
  ];

  it("allows exactly the listed transitions", () => {
    for (const from of MEMBER_STATUSES) {
      for (const to of MEMBER_STATUSES) {
        const ok = allowed.some(([f, t]) => f === from && t === to);
        expect(canTransition(from, to)).toBe(ok);
      }
    }
  });

  it("refuses a forbidden transition with a Chinese message naming both statuses", () => {
    const e = catchError(() => assertTransition("deceased", "normal"));
    expect(e.rule).toBe("STATUS_TRANSITION_FORBIDDEN");
    expect(e.message).toContain("死亡");
    expect(e.message).toContain("正常");
    expect(catchError(() => assertTransition("expelled", "stopped")).message).toContain("出党");
    expect(catchError(() => assertTransition("normal", "normal")).rule).toBe("STATUS_TRANSITION_FORBIDDEN");
    expect(() => assertTransition("stopped", "normal")).not.toThrow();
  });

  it("never deletes a member", () => {
    const e = catchError(() => forbidMemberDeletion());
    expect(e.rule).toBe("MEMBER_DELETE_FORBIDDEN");
    expect(e.message).toContain("不能删除");
  });

  it("requires a relationship, in the tree or outside", () => {
    expect(catchError(() => assertHasRelationship({ orgId: null, outsideOrgName: "  " })).rule).toBe(
      "MEMBER_RELATIONSHIP_REQUIRED",
    );
    expect(() => assertHasRelationship({ orgId: 5 })).not.toThrow();
    expect(() => assertHasRelationship({ orgId: null, outsideOrgName: "外省某党支部" })).not.toThrow();
    const b = new SnapshotBuilder();
    const m = b.member({ joinedOn: "2020-01-01" });
    const gone = b.member({ joinedOn: "2020-01-01" });
    b.status(gone, "transferredOut", "2022-01-01");
    const v = checkMemberRelationships(b.snapshot(), "2024-12-31");
    expect(v.map((x) => x.refs?.memberIds)).toEqual([[m]]);
  });
});

describe("transfers and secretaries", () => {
  it("decides a pending transfer once", () => {
    expect(decideTransfer("pending", "accept")).toBe("accepted");
    expect(decideTransfer("pending", "reject")).toBe("rejected");
    const twice = catchError(() => decideTransfer("accepted", "accept"));
    expect(twice.rule).toBe("TRANSFER_ALREADY_ACCEPTED");
    expect(twice.message).toContain("不能重复接收");
    const again = catchError(() => decideTransfer("rejected", "accept"));
    expect(again.rule).toBe("TRANSFER_ALREADY_DECIDED");
    expect(again.message).toContain("已退回");
  });

  it("allows one secretary at a time", () => {
    const terms = [{ orgId: 1, memberId: 10, startOn: "2021-01-01", endOn: "2024-01-01" }];
    const e = catchError(() =>
      assertSecretaryTermAllowed(
        terms,
        { orgId: 1, memberId: 11, startOn: "2023-06-01", endOn: null },
        "一支部",
      ),
    );
    expect(e.rule).toBe("SECRETARY_OVERLAP");
    expect(e.message).toContain("一支部");
    expect(() =>
      assertSecretaryTermAllowed(terms, { orgId: 1, memberId: 11, startOn: "2024-01-01", endOn: null }),
    ).not.toThrow();
    expect(() =>
      assertSecretaryTermAllowed(terms, { orgId: 2, memberId: 11, startOn: "2023-06-01", endOn: null }),
    ).not.toThrow();
    const v = checkSecretaryTerms([...terms, { orgId: 1, memberId: 11, startOn: "2023-06-01", endOn: null }]);
    expect(v.map((x) => x.code)).toEqual(["SECRETARY_OVERLAP"]);
  });
});

describe("checks over all records and over a report", () => {
  it("returns nothing for clean records", () => {
    const { b, unit, joint, hosts } = world();
    b.cover(hosts[0]!, unit, "2020-01-01");
    b.cover(hosts[1]!, joint, "2020-01-01");
    expect(checkRecords(b.snapshot(), DEFAULT_POLICY, "2024-12-31")).toEqual([]);
  });

  it("flags a report whose figures do not add up", () => {
    const { b, town, unit, hosts } = world();
    b.cover(hosts[0]!, unit, "2020-01-01");
    const report = computeReport(b.snapshot(), town, 2024, {
      effectiveOn: "2020-01-01",
      params: DEFAULT_POLICY,
    });
    expect(checkReport(report)).toEqual([]);
    const broken = structuredClone(report);
    broken.total.orgs.total += 1;
    broken.total.hosts = (broken.total.hosts ?? 0) + 1;
    broken.total.coveredByMode.joint = 1;
    broken.total.orgCoverageRate = 101;
    const codes = checkReport(broken).map((v) => v.code);
    expect(codes).toContain("ORGS_TOTAL_MISMATCH");
    expect(codes).toContain("COVERED_BY_MODE_MISMATCH");
    expect(codes).toContain("RATE_OUT_OF_RANGE");
    expect(codes).toContain("ROWS_SUM_MISMATCH");
    for (const v of checkReport(broken)) expect(v.message).toMatch(/^【.+】/);
  });
});
