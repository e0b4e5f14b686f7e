import { getOrg } from "@liangxin/db/queries";
import { orgProcedure, found } from "../../trpc.ts";
import { byId } from "../../schemas/views.ts";

export const get = orgProcedure
  .input(byId)
  .query(async ({ ctx, input }) => found(await getOrg(ctx, { id: input.id })));
