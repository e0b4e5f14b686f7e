/**
 * 区划 rows: a 6-digit code for a city or county, 9 digits for a township, one row per code. The parent is
 * the 上级区划代码 or, when empty, follows from the code (a township's county, a county's city); it may be a
 * region of the import or of the database. Then every region's path and depth, refusing a cycle.
 */
import { ioMessages as m } from "../messages.ts";
import { header, type PlanContext } from "./context.ts";
import { computePaths } from "./tree.ts";

export function planRegions(cx: PlanContext): void {
  const { regions } = cx.state;
  const first = cx.firstInSheet();
  const rows = cx.sheets.regions.filter((r) => {
    if (!/^(\d{6}|\d{9})$/.test(r.code)) {
      cx.error(r.loc, header("regions", "code"), r.code, m.regionCodeShape);
      return false;
    }
    if ((r.code.length === 9) !== (r.level === "township")) {
      cx.error(r.loc, header("regions", "level"), r.level, m.regionLevelMismatch);
      return false;
    }
    return first(r.code, r.loc, header("regions", "code"), r.code);
  });
  for (const r of rows) regions.stage(r.code, { code: r.code, name: r.name, level: r.level }, r.loc);
  for (const r of rows) {
    const parentCode =
      r.parentCode ??
      (r.level === "township" ? r.code.slice(0, 6) : r.level === "county" ? `${r.code.slice(0, 4)}00` : null);
    let parentId: number | null = null;
    if (parentCode !== null && parentCode !== r.code) {
      const pid = regions.idOf(parentCode);
      if (pid === undefined)
        cx.error(r.loc, header("regions", "parentCode"), parentCode, m.regionParentMissing);
      else parentId = pid;
    }
    regions.set(regions.idOf(r.code)!, { parentId });
  }
  computePaths(regions, (id) => {
    const loc = regions.locOf.get(id);
    if (loc) cx.error(loc, header("regions", "parentCode"), regions.get(id)?.code ?? "", m.regionCycle);
  });
}
