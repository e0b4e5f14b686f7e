import { z } from "zod";
import { listFiveGood } from "@liangxin/core/assessment";
import { year } from "../../../schemas/work.ts";
import { orgProcedure } from "../../../trpc.ts";

export const fiveGoodListInput = z.object({ year: year.optional() }).optional();

/** The 五好党支部 applications of the caller's subtree, pending first. */
export const list = orgProcedure
  .input(fiveGoodListInput)
  .query(({ ctx, input }) => listFiveGood(ctx, input ?? {}));
