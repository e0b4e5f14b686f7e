import { orgProcedure } from "../../trpc.ts";

/** What the work pages need to know about the caller: today's date and whether they keep a territory. */
export const context = orgProcedure.query(({ ctx }) => ({
  today: ctx.today,
  role: ctx.scope.role,
  hasTerritory: ctx.scope.region !== null,
  nodeName: ctx.org.name,
}));
