/**
 * What an import-format export contains for a caller. The city's top node: everything. Any other node:
 * its editable set with its history and nothing else — the organizations of its subordination subtree,
 * the members held there today (with every relationship and workplace they had), the hosts of its
 * territory (with their figures, coverage and the assignments to them), the instructors it registered or
 * dispatched. Members held elsewhere who work in its territory (counted only), hosts it covers outside its
 * territory (reference only) and anyone who merely worked there once are not in it. References to
 * records outside stay as codes. The sets come from the scope module.
 */
import { scopeBindings, scopeSets, within, type Db, type Scope } from "@liangxin/db";

export interface ExportSelection {
  all: boolean;
  orgIds: Set<number>;
  regionIds: Set<number>;
  hostIds: Set<number>;
  memberIds: Set<number>;
  instructorIds: Set<number>;
}

function ids(db: Db, sql: string, params: object = {}): Set<number> {
  return new Set(db.$client.prepare(sql).pluck().all(params) as number[]);
}

export class ExportScopeError extends Error {}

/** Whether the caller is the city's top node (its exports hold the whole city). */
export function isCityNode(db: Db, scope: Pick<Scope, "org">): boolean {
  if (!scope.org) return false;
  const top = db.$client.prepare("select parent_id as parentId from orgs where id = ?").get(scope.org.id) as
    { parentId: number | null } | undefined;
  return top !== undefined && top.parentId === null;
}

export async function selectForExport(db: Db, scope: Scope, today: string): Promise<ExportSelection> {
  if (!scope.org) throw new ExportScopeError("no organization");
  if (isCityNode(db, scope)) {
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
  const sets = await scopeSets({ db, scope, today });
  const regionIds = ids(
    db,
    `select r.id from regions r where ${within.territory("r")}`,
    scopeBindings(scope, today),
  );
  return {
    all: false,
    orgIds: sets.orgs.editable,
    regionIds,
    hostIds: sets.hosts.editable,
    memberIds: sets.members.editable,
    instructorIds: sets.instructors.editable,
  };
}
