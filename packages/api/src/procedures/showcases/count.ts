import { z } from "zod";
import { countShowcasesIn } from "@liangxin/core/cadres";
import { isoDate } from "../../schemas/work.ts";
import { orgProcedure } from "../../trpc.ts";

/** The showcase sites in force on the day (default today) the caller sees, by level (the dashboard). */
export const count = orgProcedure
  .input(z.object({ on: isoDate.optional() }).optional())
  .query(({ ctx, input }) => countShowcasesIn(ctx, input ?? {}));
