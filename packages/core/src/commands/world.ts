/** Small slices of the dated records, loaded for the domain's guards (never the whole city). */
import {
  AppError,
  type CoverageRec,
  type HostRec,
  type OrgRec,
  type ReparentingRec,
  type Violation,
} from "@liangxin/domain";
import { sql } from "drizzle-orm";
import { type Db, selectAll, idList } from "@liangxin/db/driver";

export async function orgRecs(db: Db, ids: Iterable<number>): Promise<OrgRec[]> {
  const list = [...new Set(ids)];
  if (list.length === 0) return [];
  return selectAll<OrgRec>(
    db,
    sql`select id, code, name, category, parent_id as parentId, region_id as regionId,
       formation_mode as formationMode, founded_on as foundedOn, revoked_on as revokedOn
     from orgs where id in ${idList(list)}`,
  );
}

export async function hostRecs(db: Db, ids: Iterable<number>): Promise<HostRec[]> {
  const list = [...new Set(ids)];
  if (list.length === 0) return [];
  return selectAll<HostRec>(
    db,
    sql`select id, credit_code as creditCode, name, kind, region_id as regionId, founded_on as foundedOn,
       closed_on as closedOn, union_on as unionOn, youth_league_on as youthLeagueOn, women_on as womenOn
     from hosts where id in ${idList(list)}`,
  );
}

/** Coverages of a host or of an organization (with their ids, for replacing one). */
export async function coveragesOf(
  db: Db,
  by: { hostId?: number; orgId?: number },
): Promise<(CoverageRec & { id: number })[]> {
  return selectAll<CoverageRec & { id: number }>(
    db,
    sql`select id, host_id as hostId, org_id as orgId, start_on as startOn, end_on as endOn from coverages
     where host_id = ${by.hostId ?? -1}
     union select id, host_id, org_id, start_on, end_on from coverages where org_id = ${by.orgId ?? -1}`,
  );
}

export async function reparentingsOf(db: Db, orgId: number): Promise<ReparentingRec[]> {
  return selectAll<ReparentingRec>(
    db,
    sql`select org_id as orgId, from_parent_id as fromParentId, to_parent_id as toParentId,
       effective_on as effectiveOn
     from org_reparentings where org_id = ${orgId} order by effective_on, id`,
  );
}

/** The organizations a guard about `org` may name: itself and every superior it has had. */
export async function orgWithSuperiors(
  db: Db,
  orgId: number,
  history: readonly ReparentingRec[],
): Promise<OrgRec[]> {
  const ids = new Set<number>([orgId]);
  for (const r of history) {
    ids.add(r.fromParentId);
    ids.add(r.toParentId);
  }
  const own = (await orgRecs(db, [orgId]))[0];
  if (own?.parentId != null) ids.add(own.parentId);
  return orgRecs(db, ids);
}

/** Throw the first error of a check as the domain's error (its Chinese message names the rule). */
export function throwFirstError(violations: readonly Violation[]): void {
  const v = violations.find((x) => x.level === "error");
  if (v) throw AppError.rule(v.code, v.message, { refs: v.refs });
}
