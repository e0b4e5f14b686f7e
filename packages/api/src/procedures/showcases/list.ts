import { z } from "zod";
import { listShowcases } from "@liangxin/core/cadres";
import { id, isoDate } from "../../schemas/work.ts";
import { orgProcedure } from "../../trpc.ts";
import { honourLevel } from "./schemas.ts";

export const showcaseListInput = z
  .object({
    on: isoDate.optional(),
    all: z.boolean().optional(),
    orgId: id.optional(),
    hostId: id.optional(),
    level: honourLevel.optional(),
  })
  .optional();

/** The showcase sites the caller sees: in force on the day (default today), or all of them. */
export const list = orgProcedure
  .input(showcaseListInput)
  .query(({ ctx, input }) => listShowcases(ctx, input ?? {}));
