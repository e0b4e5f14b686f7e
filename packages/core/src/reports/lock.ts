/**
 * Period lock (issue 18): once a unit's year is approved, a change dated on or before 31 December of that
 * year that touches a record counted in the unit's approved figures — one of its frozen records, an
 * organization of its subtree, a host of its territory — is refused, naming the lock and who can lift it
 * (撤销审核 by the approving level or any level above). The lowest approved unit is named.
 */
import { AppError, yearOf, type IsoDate } from "@liangxin/domain";
import { sql, type SQL } from "drizzle-orm";
import { idList, type Db, selectAll, selectColumn, selectOne } from "@liangxin/db/driver";
import { loadSubmissionRecords } from "./records.ts";

/** A dated change and the records it touches. */
export interface DatedChange {
  /** The day it takes effect: every year-end from then on sees it. */
  on: IsoDate;
  orgIds?: readonly (number | null | undefined)[];
  hostIds?: readonly (number | null | undefined)[];
  memberIds?: readonly (number | null | undefined)[];
  regionIds?: readonly (number | null | undefined)[];
}

export interface PeriodLock {
  submissionId: number;
  year: number;
  nodeId: number;
  nodeName: string;
  /** The level that approved it (the unit's parent), which can reopen it. */
  approverName: string;
}

export const lockMessages = {
  locked: (l: PeriodLock, on: string) =>
    `${l.nodeName} ${l.year} 年年报已审核通过,数据已锁定:日期在 ${l.year}-12-31 及以前(本次为 ${on})、涉及其统计范围的变更不能保存。` +
    `如确需修改,请由 ${l.approverName} 或更上级的管理员先撤销审核。`,
  rulesLocked: (l: PeriodLock, on: string, params: string) =>
    `${l.nodeName} ${l.year} 年年报已审核通过,数据已锁定:自 ${on} 起变更统计口径参数(${params})会改变其数据。` +
    `请将新版本的生效日期定在 ${l.year + 1}-01-01 或以后;如确需追溯,请由 ${l.approverName} 或更上级的管理员先撤销审核。`,
} as const;

interface ApprovedRow {
  id: number;
  version: number;
  year: number;
  nodeId: number;
  name: string;
  path: string;
  regionPath: string | null;
  approverName: string | null;
}

interface FrozenSets {
  orgs: Set<number>;
  hosts: Set<number>;
  members: Set<number>;
}

/** Decoded frozen ids by submission id and version (approved records never change under a version). */
const frozenCache = new Map<string, FrozenSets>();
const FROZEN_CACHE_MAX = 64;

async function frozenSets(db: Db, row: ApprovedRow): Promise<FrozenSets> {
  const key = `${row.id}:${row.version}`;
  let sets = frozenCache.get(key);
  if (!sets) {
    const stored = await loadSubmissionRecords(db, row.id);
    sets = { orgs: new Set(), hosts: new Set(), members: new Set() };
    for (const r of stored.rows) {
      for (const id of r.orgs.ids) sets.orgs.add(id);
      for (const id of r.hosts.ids) sets.hosts.add(id);
      for (const id of r.members.ids) sets.members.add(id);
      for (const id of r.employed.ids) sets.members.add(id);
    }
    if (frozenCache.size >= FROZEN_CACHE_MAX) frozenCache.delete(frozenCache.keys().next().value!);
    frozenCache.set(key, sets);
  }
  return sets;
}

const ids = (xs: readonly (number | null | undefined)[] | undefined): number[] => [
  ...new Set((xs ?? []).filter((x): x is number => typeof x === "number")),
];

/** The first column of `query` over the ids of `list` (its `in` list); none for an empty list. */
async function column(db: Db, query: (inList: SQL) => SQL, list: number[]): Promise<string[]> {
  if (list.length === 0) return [];
  return selectColumn<string>(db, query(idList(list)));
}

/** A checker of changes against the approved years (`periodLockChecker`). */
export type PeriodLockChecker = ((change: DatedChange) => Promise<PeriodLock | null>) & {
  /** The last approved year (-Infinity when none): a change counting from a later year is never locked. */
  lastYear: number;
};

/**
 * A checker for many changes against the approved years as they stand now (an import checks every row
 * with one): the lowest approved unit whose locked period a change falls in and whose figures it touches.
 */
export async function periodLockChecker(db: Db): Promise<PeriodLockChecker> {
  const approved = await selectAll<ApprovedRow>(
    db,
    sql`select s.id, s.version, s.year, o.id as nodeId, o.name, o.path, rg.path as regionPath,
               p.name as approverName
        from report_submissions s join orgs o on o.id = s.org_id
        left join regions rg on rg.id = o.region_id left join orgs p on p.id = o.parent_id
        where s.state = 'approved' order by s.year, length(o.path) desc`,
  );
  const lastYear = approved.at(-1)?.year ?? -Infinity;
  const check = async (change: DatedChange): Promise<PeriodLock | null> => {
    const year = yearOf(change.on);
    if (year > lastYear) return null;
    const orgIds = ids(change.orgIds);
    const hostIds = ids(change.hostIds);
    const memberIds = ids(change.memberIds);
    const regionIds = ids(change.regionIds);
    // Where the touched records are today: organizations (and those holding the members), regions of hosts.
    const orgPaths = [
      ...(await column(db, (list) => sql`select path from orgs where id in ${list}`, orgIds)),
      ...(await column(
        db,
        (list) =>
          sql`select o.path from member_relationships r join orgs o on o.id = r.org_id where r.member_id in ${list}`,
        memberIds,
      )),
    ];
    const regionPaths = [
      ...(await column(
        db,
        (list) =>
          sql`select rg.path from hosts h join regions rg on rg.id = h.region_id where h.id in ${list}`,
        hostIds,
      )),
      ...(await column(db, (list) => sql`select path from regions where id in ${list}`, regionIds)),
    ];
    for (const a of approved) {
      if (a.year < year) continue;
      let touches =
        orgPaths.some((p) => p.startsWith(a.path)) ||
        (a.regionPath !== null && regionPaths.some((p) => p.startsWith(a.regionPath!)));
      if (!touches) {
        const f = await frozenSets(db, a);
        touches =
          orgIds.some((id) => f.orgs.has(id)) ||
          hostIds.some((id) => f.hosts.has(id)) ||
          memberIds.some((id) => f.members.has(id));
      }
      if (touches)
        return {
          submissionId: a.id,
          year: a.year,
          nodeId: a.nodeId,
          nodeName: a.name,
          approverName: a.approverName ?? "上级",
        };
    }
    return null;
  };
  return Object.assign(check, { lastYear });
}

/**
 * The approved report a change of the counting rules in force from `on` (until the day before `until`, the
 * next version, if any) would alter: the lowest unit of the earliest approved year whose 31 December falls
 * in that span (a policy version changes every unit's figures), or null.
 */
export async function findRulesLock(db: Db, on: IsoDate, until?: IsoDate): Promise<PeriodLock | null> {
  // No next version: no upper bound (not a huge number: PostgreSQL takes the parameter as an integer).
  const upTo = until ? sql`and s.year <= ${yearOf(until) - 1}` : sql``;
  const row = await selectOne<{
    id: number;
    year: number;
    nodeId: number;
    name: string;
    approverName: string | null;
  }>(
    db,
    sql`select s.id, s.year, o.id as nodeId, o.name, p.name as approverName
        from report_submissions s join orgs o on o.id = s.org_id left join orgs p on p.id = o.parent_id
        where s.state = 'approved' and s.year >= ${yearOf(on)} ${upTo}
        order by s.year, length(o.path) desc limit 1`,
  );
  return row
    ? {
        submissionId: row.id,
        year: row.year,
        nodeId: row.nodeId,
        nodeName: row.name,
        approverName: row.approverName ?? "上级",
      }
    : null;
}

/** The lowest approved unit whose locked period the change falls in and whose figures it touches. */
export async function findPeriodLock(db: Db, change: DatedChange): Promise<PeriodLock | null> {
  return (await periodLockChecker(db))(change);
}

/** Refuse a change that falls in a locked period (see `findPeriodLock`). */
export async function assertNotLocked(db: Db, change: DatedChange): Promise<void> {
  const lock = await findPeriodLock(db, change);
  if (lock) throw AppError.rule("PERIOD_LOCKED", lockMessages.locked(lock, change.on));
}

/** The earliest of some days (undefined and null ignored); undefined when none. */
export function earliest(...days: (string | null | undefined)[]): IsoDate | undefined {
  const given = days.filter((d): d is string => typeof d === "string" && d.length > 0).sort();
  return given[0];
}
