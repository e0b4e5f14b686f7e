/**
 * The indicators of one given set of hosts and organizations as of D (an `IndicatorScope`: a territory
 * whose hosts are counted, or none, and the organizations whose grassroots organizations and held
 * members are counted), without year-over-year figures. Not to be confused with a caller's scope: the
 * set is whatever the caller passes.
 */
import type { IndicatorParts, Indicators } from "../indicator-types.ts";
import type { Policy } from "../policy.ts";
import type { IsoDate, Snapshot } from "../types.ts";
import { AsOfIndex } from "./as-of-index.ts";
import { Acc, indicatorsFromParts } from "./parts.ts";

export interface IndicatorScope {
  asOf: IsoDate;
  policy: Policy;
  /** The territory (region ids) whose hosts are counted; null: no territory (host-side keys null). */
  territoryRegionIds: ReadonlySet<number> | null;
  /** The organizations whose grassroots organizations and held members are counted. */
  orgIds: ReadonlySet<number>;
}

/** Parts over an index already built for the date. */
export function computeIndicatorPartsFromIndex(
  index: AsOfIndex,
  scope: Omit<IndicatorScope, "asOf">,
): IndicatorParts {
  const acc = new Acc(scope.territoryRegionIds !== null);
  const territory = scope.territoryRegionIds;
  if (territory !== null) {
    for (const h of index.operatingHosts)
      if (territory.has(h.regionId)) acc.addHost(index.hostFact(h, scope.policy));
  }
  const byOrg = index.membersByOrg();
  for (const id of scope.orgIds) acc.addOrg(index.tree.org(id), byOrg.get(id));
  return acc.finish();
}

export function computeIndicatorParts(snapshot: Snapshot, scope: IndicatorScope): IndicatorParts {
  return computeIndicatorPartsFromIndex(new AsOfIndex(snapshot, scope.asOf), scope);
}

/** The indicators of one territory and one set of organizations as of D (no year-over-year). */
export function computeIndicators(snapshot: Snapshot, scope: IndicatorScope): Indicators {
  return indicatorsFromParts(computeIndicatorParts(snapshot, scope));
}
