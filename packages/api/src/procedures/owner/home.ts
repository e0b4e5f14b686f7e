import { getHost } from "@liangxin/db/queries";
import { myCorrections } from "@liangxin/core/corrections";
import { ownerProcedure, found } from "../../trpc.ts";

/** The enterprise's own record: never another person's personal data. */
export const home = ownerProcedure.query(async ({ ctx }) => {
  const host = found(await getHost(ctx, { id: ctx.host.id }));
  return { host, corrections: await myCorrections(ctx) };
});
