import { describe, expect, it } from "vitest";
import {
  AppError,
  checkShowcase,
  contactInForce,
  countShowcases,
  DEFAULT_POLICY,
  honourLevelOf,
  showcaseInForce,
  visitDueOn,
  visitOverdue,
  visitOverdueDays,
} from "../src/index.ts";

const Q = DEFAULT_POLICY.contactVisitMonths;

describe("contact points: overdue visits (联系点走访超期)", () => {
  it("the policy's default is one visit a quarter", () => {
    expect(Q).toBe(3);
  });

  it("is due N months after the last visit: the due day itself is not overdue, the day after is", () => {
    const p = { startOn: "2026-01-10", endOn: null, lastVisitOn: "2026-08-15" };
    expect(visitDueOn(p, Q)).toBe("2026-11-15");
    expect(visitOverdue(p, "2026-11-14", Q)).toBe(false);
    expect(visitOverdue(p, "2026-11-15", Q)).toBe(false);
    expect(visitOverdue(p, "2026-11-16", Q)).toBe(true);
    expect(visitOverdueDays(p, "2026-11-15", Q)).toBe(0);
    expect(visitOverdueDays(p, "2026-11-16", Q)).toBe(1);
  });

  it("without a visit, is due N months after its start", () => {
    const p = { startOn: "2026-09-03", endOn: null, lastVisitOn: null };
    expect(visitDueOn(p, Q)).toBe("2026-12-03");
    expect(visitOverdue(p, "2026-12-03", Q)).toBe(false);
    expect(visitOverdue(p, "2026-12-04", Q)).toBe(true);
  });

  it("a point started less than N months ago is not overdue", () => {
    const p = { startOn: "2026-10-01", endOn: null, lastVisitOn: null };
    expect(visitOverdue(p, "2026-12-31", Q)).toBe(false);
    expect(visitOverdue(p, "2027-01-02", Q)).toBe(true);
  });

  it("a point that ended is never overdue (nor one not started yet)", () => {
    const ended = { startOn: "2025-01-01", endOn: "2026-06-30", lastVisitOn: null };
    expect(visitOverdue(ended, "2026-06-29", Q)).toBe(true);
    expect(visitOverdue(ended, "2026-06-30", Q)).toBe(false);
    expect(visitOverdue(ended, "2026-12-03", Q)).toBe(false);
    expect(contactInForce(ended, "2026-06-30")).toBe(false);
    const future = { startOn: "2027-01-01", endOn: null, lastVisitOn: null };
    expect(visitOverdue(future, "2026-12-03", Q)).toBe(false);
  });

  it("month ends: a day the due month lacks becomes its last day", () => {
    expect(visitDueOn({ startOn: "2026-01-01", lastVisitOn: "2026-11-30" }, 3)).toBe("2027-02-28");
    expect(visitDueOn({ startOn: "2026-01-01", lastVisitOn: "2027-11-30" }, 3)).toBe("2028-02-29");
    expect(visitDueOn({ startOn: "2026-08-31", lastVisitOn: null }, 3)).toBe("2026-11-30");
    expect(visitDueOn({ startOn: "2026-05-31", lastVisitOn: null }, 1)).toBe("2026-06-30");
    const p = { startOn: "2026-08-31", endOn: null, lastVisitOn: null };
    expect(visitOverdue(p, "2026-11-30", 3)).toBe(false);
    expect(visitOverdue(p, "2026-12-01", 3)).toBe(true);
  });

  it("a dated parameter: a longer period moves the due day", () => {
    const p = { startOn: "2026-01-10", endOn: null, lastVisitOn: "2026-08-15" };
    expect(visitOverdue(p, "2026-12-03", 3)).toBe(true);
    expect(visitOverdue(p, "2026-12-03", 6)).toBe(false);
  });
});

describe("showcase sites (示范点)", () => {
  const ok = { orgId: 1, startOn: "2026-01-01", endOn: null, reasons: "党建引领发展成效明显" };

  it("a naming node names at its own level", () => {
    expect(honourLevelOf("cityCommittee")).toBe("city");
    expect(honourLevelOf("countyCommittee")).toBe("county");
    expect(honourLevelOf("townshipCommittee")).toBe("township");
    expect(honourLevelOf("parkCommittee")).toBe("township");
    expect(honourLevelOf("industryCommittee")).toBeNull();
    expect(honourLevelOf("branch")).toBeNull();
  });

  it("exactly one of organization or host", () => {
    expect(() => checkShowcase(ok)).not.toThrow();
    expect(() => checkShowcase({ ...ok, orgId: null, hostId: 2 })).not.toThrow();
    const both = () => checkShowcase({ ...ok, hostId: 2 });
    expect(both).toThrow(AppError);
    expect(both).toThrow(/二者选一/);
    expect(() => checkShowcase({ ...ok, orgId: null })).toThrow(/二者选一/);
  });

  it("reasons required; the end after the start", () => {
    expect(() => checkShowcase({ ...ok, reasons: "  " })).toThrow(/理由/);
    expect(() => checkShowcase({ ...ok, endOn: "2026-01-01" })).toThrow(/晚于开始日期/);
    expect(() => checkShowcase({ ...ok, endOn: "2025-12-31" })).toThrow(/晚于开始日期/);
    expect(() => checkShowcase({ ...ok, endOn: "2026-01-02" })).not.toThrow();
  });

  it("counted on a day when in force, by level", () => {
    const rows = [
      { level: "city" as const, startOn: "2025-01-01", endOn: null },
      { level: "county" as const, startOn: "2025-01-01", endOn: "2026-12-03" },
      { level: "county" as const, startOn: "2026-12-03", endOn: null },
      { level: "township" as const, startOn: "2026-12-04", endOn: null },
    ];
    expect(showcaseInForce(rows[1]!, "2026-12-02")).toBe(true);
    expect(showcaseInForce(rows[1]!, "2026-12-03")).toBe(false);
    expect(countShowcases(rows, "2026-12-03")).toEqual({ city: 1, county: 1, township: 0, total: 2 });
    expect(countShowcases(rows, "2026-12-02")).toEqual({ city: 1, county: 1, township: 0, total: 2 });
    expect(countShowcases(rows, "2026-12-04")).toEqual({ city: 1, county: 1, township: 1, total: 3 });
  });
});
