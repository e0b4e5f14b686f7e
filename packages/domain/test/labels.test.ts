import { describe, expect, it } from "vitest";
import {
  FORMATION_MODES,
  FORMATION_MODE_BY_LABEL,
  FORMATION_MODE_LABELS,
  GENDER_BY_LABEL,
  HOST_KIND_BY_LABEL,
  INSTRUCTOR_KIND_BY_LABEL,
  JOB_CATEGORY_BY_LABEL,
  MEMBER_STATUS_BY_LABEL,
  ORG_CATEGORIES,
  ORG_CATEGORY_BY_LABEL,
  ORG_CATEGORY_LABELS,
  REGION_LEVEL_BY_LABEL,
  codeOfLabel,
  countedMode,
  isGrassroots,
  isManagement,
  parseYesNo,
} from "../src/index.ts";

describe("labels", () => {
  it("maps every organization category and formation mode both ways", () => {
    for (const c of ORG_CATEGORIES) expect(ORG_CATEGORY_BY_LABEL.get(ORG_CATEGORY_LABELS[c])).toBe(c);
    for (const m of FORMATION_MODES) expect(FORMATION_MODE_BY_LABEL.get(FORMATION_MODE_LABELS[m])).toBe(m);
    expect(codeOfLabel(ORG_CATEGORY_BY_LABEL, " 联合党支部 ")).toBe("jointBranch");
    expect(codeOfLabel(ORG_CATEGORY_BY_LABEL, "党小组")).toBeNull();
  });

  it("reads the import template's values", () => {
    expect(REGION_LEVEL_BY_LABEL.get("乡镇")).toBe("township");
    expect(REGION_LEVEL_BY_LABEL.get("县")).toBe("county");
    expect(HOST_KIND_BY_LABEL.get("社会组织")).toBe("socialOrg");
    expect(MEMBER_STATUS_BY_LABEL.get("停止党籍")).toBe("stopped");
    expect(JOB_CATEGORY_BY_LABEL.get("专业技术人员")).toBe("professional");
    expect(INSTRUCTOR_KIND_BY_LABEL.get("挂职")).toBe("seconded");
    expect(GENDER_BY_LABEL.get("女")).toBe("female");
    expect(parseYesNo("是")).toBe(true);
    expect(parseYesNo("否")).toBe(false);
    expect(parseYesNo("")).toBeNull();
    expect(parseYesNo("对")).toBeUndefined();
  });

  it("classifies categories and counts modes", () => {
    expect(isManagement("industryCommittee")).toBe(true);
    expect(isGrassroots("industryCommittee")).toBe(false);
    expect(isGrassroots("jointBranch")).toBe(true);
    expect(countedMode("hosted")).toBe("affiliated");
    expect(countedMode("grid")).toBe("regional");
    expect(countedMode("joint")).toBe("joint");
  });
});
