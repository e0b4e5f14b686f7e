import { z } from "zod";
import { submitCorrection } from "@liangxin/core/corrections";
import { inputMessages, phone, text } from "../../schemas/views.ts";
import { wanAmount, wanToFen } from "../../schemas/common.ts";
import { ownerProcedure } from "../../trpc.ts";

/** An owner's correction as typed: the revenue in 万元. */
export const correctionFields = z.object({
  year: z
    .number({ error: inputMessages.year })
    .int(inputMessages.year)
    .min(2000, inputMessages.year)
    .max(2100, inputMessages.year),
  employees: z
    .number({ error: inputMessages.employees })
    .int(inputMessages.employees)
    .min(0, inputMessages.employees)
    .max(10_000_000, inputMessages.employees),
  revenue: wanAmount(inputMessages.revenue).nullable(),
  contactPhone: phone,
  address: text(200).nullable(),
});

/** The correction as proposed (its JSON payload): the revenue in whole 分. */
export const correctionInput = correctionFields.transform((v) => ({
  year: v.year,
  employees: v.employees,
  revenueFen: wanToFen(v.revenue),
  contactPhone: v.contactPhone,
  address: v.address,
}));

/** The owner submits a correction of business data (employees, revenue, contact). */
export const submit = ownerProcedure.input(correctionInput).mutation(async ({ ctx, input }) => ({
  id: await submitCorrection(ctx, input),
}));
