import { type TreeNode, orgTreeInScope, hostCountInScope } from "@liangxin/db/queries";
import { categoryLabel } from "../../labels.ts";
import { protectedProcedure } from "../../trpc.ts";

interface LabelledNode {
  id: number;
  name: string;
  category: string;
  categoryLabel: string;
  children: LabelledNode[];
}

function label(node: TreeNode): LabelledNode {
  return {
    id: node.id,
    name: node.name,
    category: node.category,
    categoryLabel: categoryLabel(node.category),
    children: node.children.map(label),
  };
}

/** The caller's own area: their part of the organization tree and the hosts in it. */
export const overview = protectedProcedure.query(async ({ ctx }) => {
  const { scope, today } = ctx;
  const raw = await orgTreeInScope(ctx);
  const tree = raw ? label(raw) : null;
  return {
    today,
    org: scope.org ? { id: scope.org.id, code: scope.org.code, name: scope.org.name } : null,
    region: scope.region ? { code: scope.region.code, name: scope.region.name } : null,
    host: scope.host,
    tree,
    hostCount: await hostCountInScope(ctx),
  };
});
