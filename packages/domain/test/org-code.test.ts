import { describe, expect, it } from "vitest";
import { inOrgCodeSeries, nextOrgCode, orgCodeSeries } from "../src/index.ts";

describe("the suggested 组织代码: the next number of the parent's series", () => {
  it("a management node's digits open a D series; a grassroots parent continues its own", () => {
    expect(orgCodeSeries({ code: "G369921101", grassroots: false })).toBe("D369921101");
    expect(orgCodeSeries({ code: "G369900", grassroots: false })).toBe("D369900");
    expect(orgCodeSeries({ code: "D369921101016", grassroots: true })).toBe("D369921101");
    // Codes that follow no series give no suggestion (the code is then typed).
    expect(orgCodeSeries({ code: "清河物流党委", grassroots: false })).toBeNull();
    expect(orgCodeSeries({ code: "D12", grassroots: true })).toBeNull();
  });

  it("after the highest taken number, gaps are not reused; other series and lengths do not count", () => {
    const taken = ["D369921101001", "D369921101003", "D369921102007", "D3699211010045", "D369921101X09"];
    expect(nextOrgCode("D369921101", taken)).toBe("D369921101004");
    expect(nextOrgCode("D369921101", [])).toBe("D369921101001");
    expect(inOrgCodeSeries("D369921101", "D369921101X09")).toBe(false);
  });

  it("999 is the last number: a full series suggests nothing", () => {
    expect(nextOrgCode("D369900", ["D369900998"])).toBe("D369900999");
    expect(nextOrgCode("D369900", ["D369900999"])).toBeNull();
  });
});
