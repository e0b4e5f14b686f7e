import { z } from "zod";
import { MEMBER_STATUSES, MEMBER_FLAGS, MEMBER_SORTS } from "@liangxin/domain";
import { listMembers, areaOptions } from "@liangxin/db/queries";
import { pageFields, text, idSchema, inputMessages } from "../../schemas/views.ts";
import { orgProcedure, found } from "../../trpc.ts";

export const memberListInput = z.object({
  ...pageFields,
  q: text().optional(),
  orgId: idSchema.optional(),
  status: z.enum(MEMBER_STATUSES, { error: inputMessages.filter }).optional(),
  nodeId: idSchema.optional(),
  membership: z.enum(["full", "probationary"], { error: inputMessages.filter }).optional(),
  counted: z.boolean().optional(),
  flag: z.enum(MEMBER_FLAGS, { error: inputMessages.filter }).optional(),
  sort: z.enum(MEMBER_SORTS, { error: inputMessages.filter }).optional(),
});

export const list = orgProcedure.input(memberListInput).query(async ({ ctx, input }) => {
  const page = found(await listMembers(ctx, input));
  return { ...page, areas: await areaOptions(ctx) };
});
