import { z } from "zod";
import { orgBasics } from "@liangxin/core/basics";
import { id, isoDate } from "../../schemas/work.ts";
import { orgProcedure } from "../../trpc.ts";

export const orgBasicsInput = z.object({ orgId: id, on: isoDate.optional() });

/** One organization's five basics with the records behind them. */
export const org = orgProcedure.input(orgBasicsInput).query(({ ctx, input }) => orgBasics(ctx, input));
