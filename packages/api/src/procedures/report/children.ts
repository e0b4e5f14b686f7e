import { z } from "zod";
import { childSubmissions } from "@liangxin/core/reports";
import { adminProcedure } from "../../trpc.ts";
import { id, year } from "../../schemas/report.ts";

/** The submission states of the children of a node (default: the caller's own) for a year. */
export const children = adminProcedure
  .input(z.object({ nodeId: id.optional(), year }))
  .query(({ ctx, input }) => childSubmissions(ctx, input));
