import { z } from "zod";
import { listSecretaryReviews } from "@liangxin/core/assessment";
import { year } from "../../schemas/work.ts";
import { orgProcedure } from "../../trpc.ts";

export const secretariesInput = z.object({ year: year.optional() }).optional();

/** The secretaries of the caller's subordinate organizations with the year's 述职评议. */
export const secretaries = orgProcedure
  .input(secretariesInput)
  .query(({ ctx, input }) => listSecretaryReviews(ctx, input ?? {}));
