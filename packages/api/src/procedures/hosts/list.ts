import { z } from "zod";
import { INDUSTRY_SECTIONS, HOST_SORTS } from "@liangxin/domain";
import { listHosts, regionOptions } from "@liangxin/db/queries";
import { pageFields, text, idSchema, inputMessages } from "../../schemas/views.ts";
import { orgProcedure, found } from "../../trpc.ts";

export const hostListInput = z.object({
  ...pageFields,
  q: text().optional(),
  regionId: idSchema.optional(),
  kind: z.enum(["enterprise", "socialOrg"]).optional(),
  coverage: z.enum(["covered", "uncovered"]).optional(),
  shouldEstablish: z.boolean().optional(),
  aboveScale: z.boolean().optional(),
  withMembers: z.boolean().optional(),
  industry: z.enum(INDUSTRY_SECTIONS, { error: inputMessages.filter }).optional(),
  sort: z.enum(HOST_SORTS, { error: inputMessages.filter }).optional(),
});

/** Operating hosts the caller sees (territory: edit; covered by the subtree: reference). */
export const list = orgProcedure.input(hostListInput).query(async ({ ctx, input }) => {
  const page = found(await listHosts(ctx, input));
  return { ...page, regions: await regionOptions(ctx) };
});
