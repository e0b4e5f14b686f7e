import { hostCountInScope, orgTreeInScope, type TreeNode } from "@liangxin/db/queries";
import { createTRPCRouter, protectedProcedure, signedInProcedure } from "../trpc.ts";
import { categoryLabel, roleLabel } from "../labels.ts";

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

export const homeRouter = createTRPCRouter({
  /** Who is signed in, for the page header; whether they must set a password of their own first. */
  me: signedInProcedure.query(({ ctx }) => {
    const { scope } = ctx;
    return {
      mustChangePassword: scope.mustChangePassword,
      username: scope.username,
      displayName: scope.displayName,
      role: scope.role,
      roleLabel: roleLabel(scope),
      scopeName: scope.org?.name ?? scope.host?.name ?? "",
      /** Whether the caller keeps a territory (属地): the 行业党委 and the branches do not. */
      hasTerritory: scope.region !== null,
    };
  }),

  /** The caller's own area: their part of the organization tree and the hosts in it. */
  overview: protectedProcedure.query(async ({ ctx }) => {
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
  }),
});
