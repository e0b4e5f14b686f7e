/**
 * The quality warnings (校核) of a year-end report about the records of the node's area as of 31 December,
 * asked of the database: the warnings of the domain's coverage rules `checkStandaloneCoverage`,
 * `checkJointCap` and `checkInstructorCap` (rules/coverage.ts, the reference) over every record in force
 * that day, each statement answering only the offending rows (a few) instead of the city's coverages,
 * instructors and assignments read into memory for the rules (issue 25: about 300 ms at 200,000 hosts).
 *
 * Counted over the whole city, as the rules over the full records count: a joint organization's hosts and
 * an instructor's hosts wherever they lie. A warning is the node's when it names an organization of the
 * node's subtree as of that day, or a host of the node's territory (as `ReportComputer.checks` keeps them).
 * The messages are the domain's, in the rules' order: standalone organizations by id, joint organizations
 * by their first coverage in force (by id), instructors by their first assignment in force (by id).
 */
import {
  GRASSROOTS_CATEGORIES,
  MESSAGES,
  OrgTree,
  RegionTree,
  type IsoDate,
  type OrgRec,
  type Policy,
  type RegionRec,
  type ReparentingRec,
} from "@liangxin/domain";
import { sql, type SQL } from "drizzle-orm";
import { idList, selectAll, textList, type Db } from "@liangxin/db/driver";
import { inForce, orgInForce } from "@liangxin/db/queries";
import { nodeScope } from "@liangxin/db/snapshot";

export interface QualityWarning {
  level: "warning";
  code: "STANDALONE_WITHOUT_HOST" | "JOINT_OVER_CAP" | "INSTRUCTOR_OVER_CAP";
  message: string;
}

/** Where the warnings are the node's: its subtree's organizations and its territory's regions on `asOf`. */
export interface QualityArea {
  asOf: IsoDate;
  policy: Pick<Policy, "jointCap" | "instructorCap">;
  /** The node's subtree as of `asOf` (organizations in force then). */
  orgIds: ReadonlySet<number>;
  /** The regions of the node's territory. */
  regionIds: ReadonlySet<number>;
  /**
   * Whether the statements may leave out the organizations, joint organizations and instructors of no
   * concern to the node (its subtree and territory are a part of the city); the warnings are the same
   * either way, the node's are kept here too.
   */
  bounded: boolean;
}

/** The trees of `asOf` a node's warnings are sorted by, read for the node (its subtree as of any date). */
export async function qualityTrees(
  db: Db,
  nodeId: number,
  asOf: IsoDate,
): Promise<{ tree: OrgTree; regionTree: RegionTree }> {
  const scope = await nodeScope(db, nodeId);
  const within = scope ? sql` where id in ${idList(scope.orgIds)}` : sql``;
  const regions = await selectAll<RegionRec>(
    db,
    sql`select id, code, name, level, parent_id as parentId from regions order by id`,
  );
  const orgs = await selectAll<OrgRec>(
    db,
    sql`select id, code, name, category, parent_id as parentId, region_id as regionId,
          formation_mode as formationMode, founded_on as foundedOn, revoked_on as revokedOn
        from orgs${within} order by id`,
  );
  const reparentings = await selectAll<ReparentingRec>(
    db,
    sql`select org_id as orgId, from_parent_id as fromParentId, to_parent_id as toParentId,
          effective_on as effectiveOn
        from org_reparentings${scope ? sql` where org_id in ${idList(scope.orgIds)}` : sql``}
        order by effective_on, id`,
  );
  return { tree: new OrgTree(orgs, reparentings, asOf), regionTree: new RegionTree(regions) };
}

interface JointRow {
  orgId: number;
  name: string;
  n: number;
  inRegion: number;
}

interface InstructorRow {
  instructorId: number;
  number: string | null;
  n: number;
  inRegion: number;
}

interface StandaloneRow {
  id: number;
  name: string;
}

/** The offending rows of the three statements, asked (`askQuality`). */
export interface QualityAsked {
  joint: PromiseLike<JointRow[]>;
  instructors: PromiseLike<InstructorRow[]>;
  standalone: PromiseLike<StandaloneRow[]>;
}

/** How the statements are asked: one after the other here, or of the read thread (`readerFor`). */
export type QualityReader = <T>(query: SQL) => PromiseLike<T[]>;

/** The quality warnings of the node's area (see above), in the order of the domain's rules. */
export async function qualityWarnings(db: Db, area: QualityArea): Promise<QualityWarning[]> {
  if (area.orgIds.size === 0 && area.regionIds.size === 0) return [];
  const here: QualityReader = <T>(query: SQL) => selectAll<T>(db, query);
  return qualityOf(askQuality(here, { ...area, regions: idList(area.regionIds) }), area);
}

/**
 * Ask the three statements of the area: `regions` the node's territory as SQL (a list, or a statement of
 * the regions' ids); `orgIds` and `regionIds` are read only when `bounded`.
 */
export function askQuality(
  read: QualityReader,
  area: Omit<QualityArea, "regionIds" | "orgIds"> & {
    regions: SQL;
    orgIds?: ReadonlySet<number>;
    regionIds?: ReadonlySet<number>;
  },
): QualityAsked {
  const { asOf, policy, regions } = area;
  const orgIds = area.orgIds ?? new Set<number>();

  // Joint organizations covering more than the cap on the day (their hosts wherever they lie): of the
  // node's subtree, or covering a host of its territory.
  const jointConcerned = area.bounded
    ? sql` and (o.id in ${idList(orgIds)} or o.id in (select c2.org_id from coverages c2 join hosts h on h.id = c2.host_id
          where h.region_id in ${regions} and ${inForce(asOf, "c2")}))`
    : sql``;
  const joint = read<JointRow>(
    sql`select g.org_id as orgId, g.name, g.n, case when exists (
          select 1 from coverages c join hosts h on h.id = c.host_id
          where c.org_id = g.org_id and ${inForce(asOf, "c")} and h.region_id in ${regions}) then 1 else 0 end as inRegion
        from (select o.id as org_id, o.name, count(distinct c.host_id) as n, min(c.id) as first_id
              from orgs o cross join coverages c
              where c.org_id = o.id and o.formation_mode = 'joint' and ${inForce(asOf, "c")}${jointConcerned}
              group by o.id, o.name having count(distinct c.host_id) > ${policy.jointCap}) g
        order by g.first_id`,
  );

  // Instructors assigned to more hosts than the cap on the day: of a host of the node's territory. Over the
  // city, hosts are counted only for those with more assignments in force than the cap (as many at most).
  const instructorConcerned = area.bounded
    ? sql`a.instructor_id in (select a2.instructor_id from assignments a2 join hosts h on h.id = a2.host_id
          where h.region_id in ${regions} and ${inForce(asOf, "a2")})`
    : sql`a.instructor_id in (select a1.instructor_id from assignments a1 where ${inForce(asOf, "a1")}
          group by a1.instructor_id having count(*) > ${policy.instructorCap})`;
  const instructors = read<InstructorRow>(
    sql`select g.instructor_id as instructorId, i.number, g.n, case when exists (
          select 1 from assignments a join hosts h on h.id = a.host_id
          where a.instructor_id = g.instructor_id and ${inForce(asOf, "a")} and h.region_id in ${regions}) then 1 else 0 end as inRegion
        from (select a.instructor_id, count(distinct a.host_id) as n, min(a.id) as first_id from assignments a
              where ${inForce(asOf, "a")} and ${instructorConcerned}
              group by a.instructor_id having count(distinct a.host_id) > ${policy.instructorCap}) g
        left join instructors i on i.id = g.instructor_id
        order by g.first_id`,
  );

  // Standalone organizations in force covering no host on the day, unless their superior that day (the
  // re-parentings' history, as `parentAsOf`) is a grassroots organization: of the node's subtree.
  const superiorAsOf = sql`coalesce((select rp.from_parent_id from org_reparentings rp
        where rp.org_id = o.id and rp.effective_on > ${asOf} order by rp.effective_on, rp.id limit 1), o.parent_id)`;
  // The superior's category ('' when there is none), looked up for those covering no host only.
  const standalone = read<StandaloneRow>(
    sql`select o.id, o.name from orgs o
        where o.formation_mode = 'standalone' and ${orgInForce(asOf, "o")}${area.bounded ? sql` and o.id in ${idList(orgIds)}` : sql``}
          and not exists (select 1 from coverages c where c.org_id = o.id and ${inForce(asOf, "c")})
          and coalesce((select p.category from orgs p where p.id = ${superiorAsOf}), '') not in ${textList(GRASSROOTS_CATEGORIES)}
        order by o.id`,
  );

  return { joint, instructors, standalone };
}

/**
 * The warnings of the rows asked (`askQuality`) that are the node's: an organization of its subtree
 * (`orgIds`), or a host of its territory (the rows' `inRegion`, when the territory holds any region).
 */
export async function qualityOf(asked: QualityAsked, area: QualityArea): Promise<QualityWarning[]> {
  const { asOf, policy, orgIds } = area;
  const [standalone, joint, instructors] = [
    await asked.standalone,
    await asked.joint,
    await asked.instructors,
  ];
  if (orgIds.size === 0 && area.regionIds.size === 0) return [];
  const inTerritory = (inRegion: number) => area.regionIds.size > 0 && Number(inRegion) === 1;
  const out: QualityWarning[] = [];
  for (const o of standalone)
    if (orgIds.has(Number(o.id)))
      out.push({
        level: "warning",
        code: "STANDALONE_WITHOUT_HOST",
        message: MESSAGES.standaloneWithoutHost(o.name, asOf),
      });
  for (const j of joint)
    if (orgIds.has(Number(j.orgId)) || inTerritory(j.inRegion))
      out.push({
        level: "warning",
        code: "JOINT_OVER_CAP",
        message: MESSAGES.jointOverCap(j.name, asOf, Number(j.n), policy.jointCap),
      });
  for (const i of instructors)
    if (inTerritory(i.inRegion))
      out.push({
        level: "warning",
        code: "INSTRUCTOR_OVER_CAP",
        message: MESSAGES.instructorOverCap(
          i.number ?? String(i.instructorId),
          asOf,
          Number(i.n),
          policy.instructorCap,
        ),
      });
  return out;
}
