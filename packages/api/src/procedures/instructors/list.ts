import { z } from "zod";
import { INSTRUCTOR_KINDS, INSTRUCTOR_SORTS } from "@liangxin/domain";
import { listInstructors, areaOptions } from "@liangxin/db/queries";
import { pageFields, text, inputMessages, idSchema } from "../../schemas/views.ts";
import { orgProcedure, found } from "../../trpc.ts";

export const instructorListInput = z.object({
  ...pageFields,
  q: text().optional(),
  kind: z.enum(INSTRUCTOR_KINDS, { error: inputMessages.filter }).optional(),
  nodeId: idSchema.optional(),
  activity: z.enum(["active", "idle"], { error: inputMessages.filter }).optional(),
  sort: z.enum(INSTRUCTOR_SORTS, { error: inputMessages.filter }).optional(),
});

export const list = orgProcedure.input(instructorListInput).query(async ({ ctx, input }) => {
  const page = found(await listInstructors(ctx, input));
  return { ...page, areas: await areaOptions(ctx) };
});
