import { describe, expect, it } from "vitest";
import {
  AppError,
  assertMayApplyFiveGood,
  assertMayAssessInstructor,
  assertMayReviewFiveGood,
  assertMayReviewSecretary,
  assertYearBegun,
  honourLevelOf,
  instructorAssessorId,
} from "../src/index.ts";

const TODAY = "2026-12-03";

/** The AppError a call throws (fails when it throws none). */
function refusal(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("who assesses an instructor", () => {
  const dispatched = { dispatchOrgId: 7, registeredById: 3 };
  const outside = { dispatchOrgId: null, registeredById: 3 };

  it("is the dispatching organization when it is in the tree", () => {
    expect(instructorAssessorId(dispatched)).toBe(7);
    expect(() => assertMayAssessInstructor(7, dispatched)).not.toThrow();
  });

  it("is no one else: not the node that registered him, not a superior, not a stranger", () => {
    for (const caller of [3, 1, 99, null]) {
      const e = refusal(() => assertMayAssessInstructor(caller, dispatched));
      expect(e.code).toBe("FORBIDDEN");
      expect(e.message).toBe("只有派出该指导员的党组织可以考核");
    }
  });

  it("is the registering node for a dispatcher outside the tree, and only it", () => {
    expect(instructorAssessorId(outside)).toBe(3);
    expect(() => assertMayAssessInstructor(3, outside)).not.toThrow();
    const e = refusal(() => assertMayAssessInstructor(1, outside));
    expect(e.code).toBe("FORBIDDEN");
    expect(e.message).toContain("登记该指导员的党组织");
  });
});

describe("the year of an assessment or review", () => {
  it("may be the current year or an earlier one, never a later one", () => {
    expect(() => assertYearBegun(2026, TODAY)).not.toThrow();
    expect(() => assertYearBegun(2020, TODAY)).not.toThrow();
    expect(() => assertYearBegun(2027, "2026-12-31")).toThrow("2027年尚未开始");
    expect(() => assertYearBegun(2027, "2027-01-01")).not.toThrow();
  });
});

describe("述职评议 of a secretary", () => {
  const org = { parentId: 5 };
  const term = { name: "张三", startOn: "2024-03-01", endOn: "2026-02-01" };
  const superior = { role: "admin", orgId: 5 };

  it("is by the administrator of the organization's parent node", () => {
    expect(() => assertMayReviewSecretary(superior, org, term, 2025, TODAY)).not.toThrow();
  });

  it("is not by the organization itself, a higher node, or a secretary bound to the parent", () => {
    for (const caller of [
      { role: "secretary", orgId: 9 },
      { role: "admin", orgId: 1 },
      { role: "secretary", orgId: 5 },
    ]) {
      const e = refusal(() => assertMayReviewSecretary(caller, org, term, 2025, TODAY));
      expect(e.code).toBe("FORBIDDEN");
      expect(e.message).toBe("只有该组织上级党组织的管理员可以进行书记述职评议");
    }
  });

  it("needs the secretary in office for at least one day of the year (terms are half-open)", () => {
    expect(() => assertMayReviewSecretary(superior, org, term, 2024, TODAY)).not.toThrow();
    expect(() => assertMayReviewSecretary(superior, org, term, 2026, TODAY)).not.toThrow();
    expect(refusal(() => assertMayReviewSecretary(superior, org, term, 2023, TODAY)).message).toBe(
      "张三在2023年未担任该组织书记,不能评议",
    );
    const endedAtNewYear = { ...term, endOn: "2026-01-01" };
    expect(refusal(() => assertMayReviewSecretary(superior, org, endedAtNewYear, 2026, TODAY)).code).toBe(
      "RULE",
    );
    const open = { ...term, endOn: null };
    expect(() => assertMayReviewSecretary(superior, org, open, 2026, TODAY)).not.toThrow();
  });

  it("is not for a year to come", () => {
    const open = { ...term, endOn: null };
    expect(refusal(() => assertMayReviewSecretary(superior, org, open, 2027, TODAY)).code).toBe("RULE");
  });
});

describe("五好党支部: the application", () => {
  const branch = { id: 40, category: "branch" as const, inScope: true };

  it("is made by the organization itself or an administrator with it in scope", () => {
    expect(() =>
      assertMayApplyFiveGood({ role: "secretary", orgId: 40 }, branch, 2026, TODAY, false),
    ).not.toThrow();
    expect(() =>
      assertMayApplyFiveGood({ role: "admin", orgId: 3 }, branch, 2026, TODAY, false),
    ).not.toThrow();
  });

  it("is not made by a secretary of another organization above it", () => {
    const e = refusal(() =>
      assertMayApplyFiveGood({ role: "secretary", orgId: 30 }, branch, 2026, TODAY, false),
    );
    expect(e.code).toBe("FORBIDDEN");
  });

  it("is for a grassroots organization only", () => {
    const township = { id: 3, category: "townshipCommittee" as const, inScope: true };
    expect(
      refusal(() => assertMayApplyFiveGood({ role: "admin", orgId: 3 }, township, 2026, TODAY, false))
        .message,
    ).toBe("五好党支部只能由基层党组织申报");
  });

  it("is once per organization and year, and not for a year to come", () => {
    const caller = { role: "admin", orgId: 3 };
    expect(refusal(() => assertMayApplyFiveGood(caller, branch, 2026, TODAY, true)).message).toBe(
      "该组织已申报2026年度五好党支部",
    );
    expect(refusal(() => assertMayApplyFiveGood(caller, branch, 2027, TODAY, false)).code).toBe("RULE");
  });
});

describe("五好党支部: the review", () => {
  const org = { path: "/1/2/3/40/" };
  const pending = { appliedOn: "2026-11-01", reviewedOn: null };
  const admin = (category: string, path: string) => ({
    role: "admin",
    node: { category: category as never, path },
  });

  it("is by a management node above the organization, at that node's level", () => {
    expect(assertMayReviewFiveGood(admin("cityCommittee", "/1/"), org, pending, TODAY)).toBe("city");
    expect(assertMayReviewFiveGood(admin("countyCommittee", "/1/2/"), org, pending, TODAY)).toBe("county");
    expect(assertMayReviewFiveGood(admin("townshipCommittee", "/1/2/3/"), org, pending, TODAY)).toBe(
      "township",
    );
  });

  it("is not by the organization itself, a node elsewhere, or a secretary", () => {
    for (const caller of [
      admin("countyCommittee", "/1/9/"),
      { role: "secretary", node: { category: "branch" as never, path: "/1/2/3/40/" } },
      { role: "admin", node: null },
    ]) {
      expect(refusal(() => assertMayReviewFiveGood(caller, org, pending, TODAY)).code).toBe("FORBIDDEN");
    }
    // a sibling whose path starts with the same digits is not above it
    expect(
      refusal(() => assertMayReviewFiveGood(admin("countyCommittee", "/1/2/3/4/"), org, pending, TODAY)).code,
    ).toBe("FORBIDDEN");
  });

  it("derives the level from the category (a 行业党委 gives none)", () => {
    expect(honourLevelOf("parkCommittee")).toBe("township");
    expect(honourLevelOf("industryCommittee")).toBeNull();
    expect(
      refusal(() => assertMayReviewFiveGood(admin("industryCommittee", "/1/2/"), org, pending, TODAY)).code,
    ).toBe("FORBIDDEN");
  });

  it("decides once, dated not before the application", () => {
    const county = admin("countyCommittee", "/1/2/");
    expect(
      refusal(() =>
        assertMayReviewFiveGood(county, org, { appliedOn: "2026-11-01", reviewedOn: "2026-11-20" }, TODAY),
      ).message,
    ).toBe("该申报已于2026-11-20评审,不能再次评审");
    expect(refusal(() => assertMayReviewFiveGood(county, org, pending, "2026-10-31")).code).toBe("RULE");
    expect(assertMayReviewFiveGood(county, org, pending, "2026-11-01")).toBe("county");
  });
});
