import {
  GRASSROOTS_CATEGORIES,
  MANAGEMENT_CATEGORIES,
  type CountedMode,
  type FormationMode,
  type GrassrootsCategory,
  type ManagementCategory,
  type OrgCategory,
} from "./types.ts";

const MANAGEMENT = new Set<OrgCategory>(MANAGEMENT_CATEGORIES);
const GRASSROOTS = new Set<OrgCategory>(GRASSROOTS_CATEGORIES);

/** 管理单位: 市/县两新工委, 乡镇党委, 园区党工委, 行业党委. */
export function isManagement(category: OrgCategory): category is ManagementCategory {
  return MANAGEMENT.has(category);
}

/** 基层党组织: 基层党委, 党总支, 党支部, 联合党支部. */
export function isGrassroots(category: OrgCategory): category is GrassrootsCategory {
  return GRASSROOTS.has(category);
}

/** The mode as counted in `coveredByMode`: 依托建 counts as affiliated, 网格建 as regional. */
export function countedMode(mode: FormationMode): CountedMode {
  switch (mode) {
    case "hosted":
      return "affiliated";
    case "grid":
      return "regional";
    default:
      return mode;
  }
}

/** A township-level management node (its own report has an annex per grassroots organization). */
export function isTownshipLevel(category: OrgCategory): boolean {
  return category === "townshipCommittee" || category === "parkCommittee";
}
