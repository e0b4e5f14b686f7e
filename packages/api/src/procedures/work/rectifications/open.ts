import { z } from "zod";
import { openRectification } from "@liangxin/core/work";
import { id, year, text, optionalText, isoDate } from "../../../schemas/work.ts";
import { adminProcedure } from "../../../trpc.ts";

export const rectificationInput = z.object({
  orgId: id,
  year,
  reason: text("软弱涣散原因", 300),
  measures: optionalText("整顿措施", 500),
  responsible: optionalText("责任人", 40),
  deadline: isoDate.optional(),
});

export const open = adminProcedure
  .input(rectificationInput)
  .mutation(({ ctx, input }) => openRectification(ctx, input));
