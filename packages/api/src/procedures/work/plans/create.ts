import { z } from "zod";
import { createPlan } from "@liangxin/core/work";
import { id, isoDate, text, optionalText } from "../../../schemas/work.ts";
import { adminProcedure } from "../../../trpc.ts";

export const planCreateInput = z.object({
  hostId: id,
  targetOn: isoDate,
  responsible: text("责任人", 40),
  note: optionalText("进展情况", 500),
});

export const create = adminProcedure
  .input(planCreateInput)
  .mutation(({ ctx, input }) => createPlan(ctx, input));
