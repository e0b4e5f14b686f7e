/**
 * What an export contains for a caller: the city's top node sees everything; any other node its
 * subordination subtree (organizations, members holding or having held a relationship there), its
 * territory (hosts, their figures, coverage, workplaces and assignments) and the hosts its organizations
 * cover. References to records outside stay as codes.
 */
import type { Db, Scope } from "@liangxin/db";

export interface ExportSelection {
  all: boolean;
  orgIds: Set<number>;
  regionIds: Set<number>;
  hostIds: Set<number>;
  memberIds: Set<number>;
  instructorIds: Set<number>;
}

function ids(db: Db, sql: string, ...params: (string | number)[]): Set<number> {
  const rows = db.$client
    .prepare(sql)
    .raw(true)
    .all(...params) as [number][];
  return new Set(rows.map((r) => r[0]));
}

export class ExportScopeError extends Error {}

export function selectForExport(db: Db, scope: Pick<Scope, "org" | "region">): ExportSelection {
  const org = scope.org;
  if (!org) throw new ExportScopeError("no organization");
  const top = db.$client.prepare("select parent_id as parentId from orgs where id = ?").get(org.id) as
    { parentId: number | null } | undefined;
  if (top && top.parentId === null) {
    const all = (t: string) => ids(db, `select id from ${t}`);
    return {
      all: true,
      orgIds: all("orgs"),
      regionIds: all("regions"),
      hostIds: all("hosts"),
      memberIds: all("members"),
      instructorIds: all("instructors"),
    };
  }
  const orgIds = ids(db, "select id from orgs where path glob ?", `${org.path}*`);
  const regionIds = scope.region
    ? ids(db, "select id from regions where path glob ?", `${scope.region.path}*`)
    : new Set<number>();
  const hostIds = ids(
    db,
    "select h.id from hosts h join regions r on r.id = h.region_id where r.path glob ?" +
      " union select c.host_id from coverages c join orgs o on o.id = c.org_id where o.path glob ?",
    scope.region ? `${scope.region.path}*` : "\u0000",
    `${org.path}*`,
  );
  const memberIds = ids(
    db,
    "select r.member_id from member_relationships r join orgs o on o.id = r.org_id where o.path glob ?",
    `${org.path}*`,
  );
  const workers = db.$client.prepare("select member_id from member_workplaces where host_id = ?").raw(true);
  for (const h of hostIds) for (const [mid] of workers.all(h) as [number][]) memberIds.add(mid);
  const instructorIds = ids(
    db,
    "select i.id from instructors i join orgs o on o.id = i.registered_by_id or o.id = i.dispatch_org_id where o.path glob ?",
    `${org.path}*`,
  );
  const assigned = db.$client.prepare("select instructor_id from assignments where host_id = ?").raw(true);
  for (const h of hostIds) for (const [iid] of assigned.all(h) as [number][]) instructorIds.add(iid);
  return { all: false, orgIds, regionIds, hostIds, memberIds, instructorIds };
}
