import { getOrg, listMembers } from "@liangxin/db/queries";
import { secretaryProcedure, found } from "../../trpc.ts";

/** A branch secretary's organization: header, members, meetings, elections, covered hosts. */
export const branch = secretaryProcedure.query(async ({ ctx }) => {
  const org = found(await getOrg(ctx, { id: ctx.org.id }));
  const members = found(await listMembers(ctx, { page: 1, pageSize: 200, counted: false }));
  return { org, members };
});
