import type { Db } from "../driver/client.ts";
import type { Scope } from "../scope/index.ts";
import { scopeBindings, within } from "../scope/index.ts";

export interface TreeNode {
  id: number;
  code: string;
  name: string;
  category: string;
  parentId: number | null;
  children: TreeNode[];
}

/** Today's organization subtree of the caller (organizations in force), nested. */
export function orgTreeInScope(db: Db, scope: Scope, today: string): TreeNode | null {
  if (!scope.org) return null;
  const rows = db.$client
    .prepare(
      `select o.id, o.code, o.name, o.category, o.parent_id as parentId from orgs o
       where ${within.subtree("o")} and o.founded_on <= @today and (o.revoked_on is null or @today < o.revoked_on)
       order by o.depth, o.code`,
    )
    .all(scopeBindings(scope, today)) as Omit<TreeNode, "children">[];
  const byId = new Map<number, TreeNode>();
  for (const r of rows) byId.set(r.id, { ...r, children: [] });
  let root: TreeNode | null = null;
  for (const node of byId.values()) {
    if (node.id === scope.org.id) root = node;
    else if (node.parentId != null) byId.get(node.parentId)?.children.push(node);
  }
  return root;
}

/**
 * Host units the caller's area holds today: the territory's operating hosts for a node with a
 * territory; else the hosts its organizations cover; an owner's own host.
 */
export function hostCountInScope(db: Db, scope: Scope, today: string): number {
  if (scope.host) return 1;
  if (scope.region) {
    return db.$client
      .prepare(
        `select count(*) from hosts h join regions r on r.id = h.region_id
         where ${within.territory("r")} and h.founded_on <= @today and (h.closed_on is null or @today < h.closed_on)`,
      )
      .pluck()
      .get(scopeBindings(scope, today)) as number;
  }
  if (scope.org) {
    return db.$client
      .prepare(
        `select count(distinct c.host_id) from coverages c join orgs o on o.id = c.org_id
         join hosts h on h.id = c.host_id
         where ${within.subtree("o")} and c.start_on <= @today and (c.end_on is null or @today < c.end_on)
           and h.founded_on <= @today and (h.closed_on is null or @today < h.closed_on)`,
      )
      .pluck()
      .get(scopeBindings(scope, today)) as number;
  }
  return 0;
}
