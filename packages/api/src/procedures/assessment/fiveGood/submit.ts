import { z } from "zod";
import { applyFiveGood } from "@liangxin/core/assessment";
import { id, optionalText, year } from "../../../schemas/work.ts";
import { orgProcedure } from "../../../trpc.ts";

export const fiveGoodApplyInput = z.object({ orgId: id, year, application: optionalText("申报材料", 2000) });

/** An application for 五好党支部 of a year, by the organization itself or an administrator above it. */
export const submit = orgProcedure
  .input(fiveGoodApplyInput)
  .mutation(({ ctx, input }) => applyFiveGood(ctx, input));
