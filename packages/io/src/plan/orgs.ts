/**
 * 党组织 rows: one row per 组织代码; the dates in order; a superior for all but the city's top committee; a
 * territory for the management units that have one; party groups only below the management units. The
 * superior and the territory may be records of the import or of the database. `placeOrgs` computes the
 * paths and depths once the reparentings are known (a cycle is an error on the row).
 */
import { isManagement } from "@liangxin/domain";
import { ioMessages as m } from "../messages.ts";
import type { Located, OrgRow } from "../tables.ts";
import { header, type PlanContext } from "./context.ts";
import { computePaths } from "./tree.ts";

const MANAGEMENT_WITH_TERRITORY = new Set<string>([
  "cityCommittee",
  "countyCommittee",
  "townshipCommittee",
  "parkCommittee",
]);

export interface PlannedOrgs {
  /** The valid 党组织 rows (each staged). */
  rows: Located<OrgRow>[];
  /** Stored organizations whose superior the import changes (they need a 隶属变更 row). */
  parentChanged: Set<number>;
}

export function planOrgs(cx: PlanContext): PlannedOrgs {
  const { orgs, regions } = cx.state;
  const first = cx.firstInSheet();
  const rows = cx.sheets.orgs.filter((r) => {
    let ok = first(r.code, r.loc, header("orgs", "code"), r.code);
    if (r.revokedOn !== null && r.revokedOn <= r.foundedOn) {
      cx.error(r.loc, header("orgs", "revokedOn"), r.revokedOn, m.revokedBeforeFounded);
      ok = false;
    }
    if (r.parentCode === null && r.category !== "cityCommittee") {
      cx.error(r.loc, header("orgs", "parentCode"), "", m.parentRequired);
      ok = false;
    }
    if (r.regionCode === null && MANAGEMENT_WITH_TERRITORY.has(r.category)) {
      cx.error(r.loc, header("orgs", "regionCode"), "", m.regionRequired);
      ok = false;
    }
    if (r.hasPartyGroups && isManagement(r.category)) {
      cx.error(r.loc, header("orgs", "hasPartyGroups"), m.yes, m.managementGroups);
      ok = false;
    }
    return ok;
  });
  for (const r of rows)
    orgs.stage(
      r.code,
      {
        code: r.code,
        name: r.name,
        category: r.category,
        formationMode: r.formationMode,
        foundedOn: r.foundedOn,
        revokedOn: r.revokedOn,
        lastElectionOn: r.lastElectionOn,
        hasPartyGroups: r.hasPartyGroups ? 1 : 0,
      },
      r.loc,
    );
  const parentChanged = new Set<number>();
  for (const r of rows) {
    const id = orgs.idOf(r.code)!;
    let parentId: number | null = null;
    if (r.parentCode !== null) {
      const pid = orgs.idOf(r.parentCode);
      if (pid === undefined) cx.error(r.loc, header("orgs", "parentCode"), r.parentCode, m.orgMissing);
      else parentId = pid;
    }
    let regionId: number | null = null;
    if (r.regionCode !== null) {
      const rid = regions.idOf(r.regionCode);
      if (rid === undefined) cx.error(r.loc, header("orgs", "regionCode"), r.regionCode, m.regionMissing);
      else regionId = rid;
    }
    const orig = orgs.originalOf(id);
    if (orig && orig.parentId !== parentId) parentChanged.add(id);
    orgs.set(id, { parentId, regionId });
  }
  return { rows, parentChanged };
}

/** Paths and depths of every organization, refusing a cycle of superiors. */
export function placeOrgs(cx: PlanContext): void {
  const { orgs } = cx.state;
  computePaths(orgs, (id) => {
    const loc = orgs.locOf.get(id);
    if (loc) cx.error(loc, header("orgs", "parentCode"), orgs.get(id)?.code ?? "", m.parentCycle);
  });
}
