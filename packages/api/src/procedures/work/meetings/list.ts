import { z } from "zod";
import { listMeetings } from "@liangxin/core/work";
import { orgProcedure } from "../../../trpc.ts";

export const list = orgProcedure
  .input(z.object({ orgId: z.number().int().positive().optional() }).optional())
  .query(({ ctx, input }) => listMeetings(ctx, input?.orgId === undefined ? {} : { orgId: input.orgId }));
