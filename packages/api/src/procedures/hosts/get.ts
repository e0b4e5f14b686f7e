import { getHost } from "@liangxin/db/queries";
import { protectedProcedure, found } from "../../trpc.ts";
import { byId } from "../../schemas/views.ts";

/** One host: edit (full), reference (name, code, township, figures) or own (the owner's). */
export const get = protectedProcedure
  .input(byId)
  .query(async ({ ctx, input }) => found(await getHost(ctx, { id: input.id })));
