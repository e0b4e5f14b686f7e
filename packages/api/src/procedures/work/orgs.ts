import { grassrootsInSubtree } from "@liangxin/core/work";
import { ORG_CATEGORY_LABELS, type OrgCategory } from "@liangxin/domain";
import { orgProcedure } from "../../trpc.ts";

/** Grassroots organizations of the caller's subtree (for the forms' selects). */
export const orgs = orgProcedure.query(async ({ ctx }) =>
  (await grassrootsInSubtree(ctx)).map((o) => ({
    id: o.id,
    name: o.name,
    code: o.code,
    categoryLabel: ORG_CATEGORY_LABELS[o.category as OrgCategory] ?? o.category,
  })),
);
