import { z } from "zod";
import { buildReport } from "@liangxin/core/reports";
import { adminProcedure } from "../../trpc.ts";
import { id, year } from "../../schemas/report.ts";

/** The report of a node (default: the caller's own) for a year. */
export const get = adminProcedure.input(z.object({ nodeId: id.optional(), year })).query(({ ctx, input }) =>
  buildReport(ctx, {
    ...(input.nodeId ? { nodeId: input.nodeId } : {}),
    year: input.year,
  }),
);
