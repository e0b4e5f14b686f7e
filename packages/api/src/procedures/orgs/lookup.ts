import { z } from "zod";
import { lookupGrassrootsOrg } from "@liangxin/db/queries";
import { text, inputMessages } from "../../schemas/views.ts";
import { orgProcedure, found } from "../../trpc.ts";

export const orgCodeInput = z.object({ code: text(40).min(1, inputMessages.required) });

/**
 * A grassroots organization anywhere in the city by its exact 组织代码 (code, name, category only): the
 * receiving side of a relationship transfer, as written on the transfer letter. Audited (`org.lookup`),
 * hence a mutation.
 */
export const lookup = orgProcedure
  .input(orgCodeInput)
  .mutation(async ({ ctx, input }) => found(await lookupGrassrootsOrg(ctx, { code: input.code })));
