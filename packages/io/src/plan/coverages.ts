/**
 * 覆盖关系 rows: a host covered by an organization from a date (to a date), one row per host, organization
 * and start. Their rows are remembered for the rule checks, which name them.
 */
import { ioMessages as m } from "../messages.ts";
import type { Loc } from "../tables.ts";
import { header, type PlanContext } from "./context.ts";
import { rowKey } from "./state.ts";

/** A staged coverage and its import row. */
export interface CoverageLoc {
  hostId: number;
  orgId: number;
  loc: Loc;
}

export function planCoverages(cx: PlanContext): CoverageLoc[] {
  const { coverages } = cx.state;
  const first = cx.firstInSheet();
  const coverageLocs: CoverageLoc[] = [];
  for (const r of cx.sheets.coverage) {
    const hid = cx.hostId(r.creditCode, r.loc, header("coverage", "creditCode"));
    const oid = cx.orgId(r.orgCode, r.loc, header("coverage", "orgCode"));
    if (hid === undefined || oid === undefined) continue;
    if (r.endOn !== null && r.endOn <= r.startOn) {
      cx.error(r.loc, header("coverage", "endOn"), r.endOn, m.endBeforeStart);
      continue;
    }
    const key = rowKey(hid, oid, r.startOn);
    if (!first(key, r.loc, header("coverage", "creditCode"), `${r.creditCode} ${r.orgCode} ${r.startOn}`))
      continue;
    coverages.stage(key, { hostId: hid, orgId: oid, startOn: r.startOn, endOn: r.endOn }, r.loc);
    coverageLocs.push({ hostId: hid, orgId: oid, loc: r.loc });
  }
  return coverageLocs;
}
