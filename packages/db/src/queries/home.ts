import { sql } from "drizzle-orm";
import type { Cx } from "../cx.ts";
import { selectAll, selectValue } from "../driver/query.ts";
import { scopeSql } from "../scope/index.ts";
import { hostOperating, inForce, orgInForce } from "./common.ts";

export interface TreeNode {
  id: number;
  code: string;
  name: string;
  category: string;
  parentId: number | null;
  children: TreeNode[];
}

/** Today's organization subtree of the caller (organizations in force), nested. */
export async function orgTreeInScope(cx: Cx): Promise<TreeNode | null> {
  const { db, scope, today } = cx;
  if (!scope.org) return null;
  const s = scopeSql(scope, today);
  const rows = await selectAll<Omit<TreeNode, "children">>(
    db,
    sql`select o.id, o.code, o.name, o.category, o.parent_id as parentId from orgs o
        where ${s.within.subtree("o")} and ${orgInForce(today, "o")}
        order by o.depth, o.code`,
  );
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
export async function hostCountInScope(cx: Cx): Promise<number> {
  const { db, scope, today } = cx;
  if (scope.host) return 1;
  const s = scopeSql(scope, today);
  if (scope.region) {
    return (await selectValue<number>(
      db,
      sql`select count(*) from hosts h join regions r on r.id = h.region_id
          where ${s.within.territory("r")} and ${hostOperating(today, "h")}`,
    ))!;
  }
  if (scope.org) {
    return (await selectValue<number>(
      db,
      sql`select count(distinct c.host_id) from coverages c join orgs o on o.id = c.org_id
          join hosts h on h.id = c.host_id
          where ${s.within.subtree("o")} and ${inForce(today, "c")} and ${hostOperating(today, "h")}`,
    ))!;
  }
  return 0;
}
