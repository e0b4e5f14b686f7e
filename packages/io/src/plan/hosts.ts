/**
 * 两新组织 rows (one per 统一社会信用代码, in a township, closed after founded) and 经营数据 rows (a host's
 * figures of one year, one row per host and year; the host of the import or of the database).
 */
import { ioMessages as m } from "../messages.ts";
import { header, type PlanContext } from "./context.ts";
import { rowKey } from "./state.ts";

export function planHosts(cx: PlanContext): void {
  const { hosts, regions } = cx.state;
  const first = cx.firstInSheet();
  for (const r of cx.sheets.hosts) {
    if (!first(r.creditCode, r.loc, header("hosts", "creditCode"), r.creditCode)) continue;
    const regionId = regions.idOf(r.regionCode);
    if (regionId === undefined) {
      cx.error(r.loc, header("hosts", "regionCode"), r.regionCode, m.regionMissing);
      continue;
    }
    if (regions.get(regionId)!.level !== "township") {
      cx.error(r.loc, header("hosts", "regionCode"), r.regionCode, m.regionNotTownship);
      continue;
    }
    if (r.closedOn !== null && r.closedOn <= r.foundedOn) {
      cx.error(r.loc, header("hosts", "closedOn"), r.closedOn, m.closedBeforeFounded);
      continue;
    }
    hosts.stage(
      r.creditCode,
      {
        creditCode: r.creditCode,
        name: r.name,
        kind: r.kind,
        industry: r.industry,
        regionId,
        foundedOn: r.foundedOn,
        closedOn: r.closedOn,
        ownerName: r.ownerName,
        ownerIsMember: r.ownerIsMember ? 1 : 0,
        unionOn: r.unionOn,
        youthLeagueOn: r.youthLeagueOn,
        womenOn: r.womenOn,
      },
      r.loc,
    );
  }
}

export function planHostYears(cx: PlanContext): void {
  const { hostYears } = cx.state;
  const first = cx.firstInSheet();
  for (const r of cx.sheets.hostYears) {
    const hid = cx.hostId(r.creditCode, r.loc, header("hostYears", "creditCode"));
    if (hid === undefined) continue;
    const key = rowKey(hid, r.year);
    if (!first(key, r.loc, header("hostYears", "year"), `${r.creditCode} ${r.year}`)) continue;
    hostYears.stage(
      key,
      {
        hostId: hid,
        year: r.year,
        employees: r.employees,
        revenueFen: r.revenueFen,
        payrollFen: r.payrollFen,
      },
      r.loc,
    );
  }
}
