import { regionOptions, listOrgs } from "@liangxin/db/queries";
import { isGrassroots, type OrgCategory } from "@liangxin/domain";
import { orgProcedure } from "../../trpc.ts";

/**
 * Choices of the ledger forms: the township-level regions of the caller's territory (where a host may
 * be created), the caller's grassroots organizations with a formation mode (which may cover a host),
 * and today.
 */
export const formOptions = orgProcedure.query(async ({ ctx }) => {
  const townships = (await regionOptions(ctx))
    .filter((r) => r.level === "township")
    .map((r) => ({ id: r.id, name: r.name }));
  const coveringOrgs: { id: number; name: string; category: string; formationMode: string }[] = [];
  for (let page = 1; ; page++) {
    const p = await listOrgs(ctx, { page, pageSize: 200 });
    if (!p) break;
    for (const o of p.rows)
      if (o.formationMode !== null && isGrassroots(o.category as OrgCategory))
        coveringOrgs.push({
          id: o.id,
          name: o.name,
          category: o.category,
          formationMode: o.formationMode,
        });
    if (page * p.pageSize >= p.total) break;
  }
  return { today: ctx.today, townships, coveringOrgs };
});
