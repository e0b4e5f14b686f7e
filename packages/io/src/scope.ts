/**
 * What an import-format export contains for a caller. The city's top node: everything. Any other node:
 * its editable set with its history and nothing else — the organizations of its subordination subtree,
 * the members held there today (with every relationship and workplace they had), the hosts of its
 * territory (with their figures, coverage and the assignments to them), the instructors it registered or
 * dispatched. Members held elsewhere who work in its territory (counted only), hosts it covers outside its
 * territory (reference only) and anyone who merely worked there once are not in it. The sets come from
 * the scope module.
 *
 * The file stands alone (it imports into an empty database): it also holds the headers of the node's
 * superiors (`ancestorOrgIds`) and the regions that its organizations and hosts lie in with theirs. A
 * reference to anything else is written as outside (see export-import.ts).
 */
import { sql, type SQL } from "drizzle-orm";
import { idList, selectColumn, selectOne, selectRows, type Db } from "@liangxin/db/driver";
import { scopeSets, scopeSql, type Scope } from "@liangxin/db/scope";
import { AppError } from "@liangxin/domain";

export interface ExportSelection {
  all: boolean;
  /** Organizations written in full. */
  orgIds: Set<number>;
  /** The node's superiors, written as headers only (no secretary, no dual-management link). */
  ancestorOrgIds: Set<number>;
  regionIds: Set<number>;
  hostIds: Set<number>;
  memberIds: Set<number>;
  instructorIds: Set<number>;
}

async function ids(db: Db, query: SQL): Promise<Set<number>> {
  return new Set(await selectColumn<number>(db, query));
}

/** The ids of a materialized path (`/1/5/23/` → 1, 5, 23): the record and its superiors. */
export function idsOfPath(path: string): number[] {
  return path
    .split("/")
    .filter((p) => p !== "")
    .map(Number);
}

/** Whether the caller is the city's top node (its exports hold the whole city). */
export async function isCityNode(db: Db, scope: Pick<Scope, "org">): Promise<boolean> {
  if (!scope.org) return false;
  const top = await selectOne<{ parentId: number | null }>(
    db,
    sql`select parent_id as parentId from orgs where id = ${scope.org.id}`,
  );
  return top !== undefined && top.parentId === null;
}

export async function selectForExport(db: Db, scope: Scope, today: string): Promise<ExportSelection> {
  if (!scope.org) throw AppError.notFound("org");
  if (await isCityNode(db, scope)) {
    const all = (t: string) => ids(db, sql`select id from ${sql.identifier(t)}`);
    return {
      all: true,
      orgIds: await all("orgs"),
      ancestorOrgIds: new Set(),
      regionIds: await all("regions"),
      hostIds: await all("hosts"),
      memberIds: await all("members"),
      instructorIds: await all("instructors"),
    };
  }
  const sets = await scopeSets({ db, scope, today });
  const regionIds = await ids(
    db,
    sql`select r.id from regions r where ${scopeSql(scope, today).within.territory("r")}`,
  );
  const ancestorOrgIds = new Set(idsOfPath(scope.org.path).filter((id) => id !== scope.org?.id));
  // The regions of the organizations written (a superior's territory, a node's own) and their superiors.
  const regionPath = new Map(await selectRows<[number, string]>(db, sql`select id, path from regions`));
  const pathIds = (regionId: number) => idsOfPath(regionPath.get(regionId) ?? "");
  const written = [...sets.orgs.editable, ...ancestorOrgIds];
  for (const regionId of await selectColumn<number>(
    db,
    sql`select region_id from orgs where id in ${idList(written)} and region_id is not null`,
  ))
    for (const r of pathIds(regionId)) regionIds.add(r);
  for (const id of [...regionIds]) for (const r of pathIds(id)) regionIds.add(r);
  return {
    all: false,
    orgIds: sets.orgs.editable,
    ancestorOrgIds,
    regionIds,
    hostIds: sets.hosts.editable,
    memberIds: sets.members.editable,
    instructorIds: sets.instructors.editable,
  };
}
