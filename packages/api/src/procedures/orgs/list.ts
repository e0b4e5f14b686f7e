import { z } from "zod";
import { ORG_CATEGORIES, FORMATION_MODES, ORG_SORTS } from "@liangxin/domain";
import { listOrgs, areaOptions } from "@liangxin/db/queries";
import { pageFields, text, inputMessages, idSchema } from "../../schemas/views.ts";
import { orgProcedure, found } from "../../trpc.ts";

export const orgListInput = z.object({
  ...pageFields,
  q: text().optional(),
  category: z.enum(ORG_CATEGORIES, { error: inputMessages.filter }).optional(),
  formationMode: z.enum(FORMATION_MODES, { error: inputMessages.filter }).optional(),
  nodeId: idSchema.optional(),
  sort: z.enum(ORG_SORTS, { error: inputMessages.filter }).optional(),
});

/** Organizations of the subtree, filtered; `areas` are the management nodes the list may be narrowed to. */
export const list = orgProcedure.input(orgListInput).query(async ({ ctx, input }) => {
  const page = found(await listOrgs(ctx, input));
  return { ...page, areas: await areaOptions(ctx) };
});
