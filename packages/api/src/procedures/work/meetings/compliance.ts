import { z } from "zod";
import { type Period, quarterToDate, wholeYear, rollingYear, yearToDate } from "@liangxin/domain";
import { meetingComplianceBoard } from "@liangxin/core/work";
import { workInputMessages as m, year } from "../../../schemas/work.ts";
import { orgProcedure } from "../../../trpc.ts";

export const periodInput = z
  .object({
    period: z.enum(["ytd", "quarter", "year", "rolling"], { error: m.period }),
    year: year.optional(),
  })
  .optional();

function periodOf(input: z.infer<typeof periodInput>, today: string): Period {
  if (input?.period === "quarter") return quarterToDate(today);
  if (input?.period === "year") return wholeYear(input.year ?? Number(today.slice(0, 4)));
  if (input?.period === "rolling") return rollingYear(today);
  return yearToDate(today);
}

export const compliance = orgProcedure
  .input(periodInput)
  .query(({ ctx, input }) => meetingComplianceBoard(ctx, { period: periodOf(input, ctx.today) }));
