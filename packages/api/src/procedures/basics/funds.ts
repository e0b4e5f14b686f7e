import { z } from "zod";
import { FUND_SOURCES } from "@liangxin/domain";
import { setFunds } from "@liangxin/core/basics";
import { id, year } from "../../schemas/work.ts";
import { orgProcedure } from "../../trpc.ts";
import { basicsMessages, fundAmount } from "./schemas.ts";

export const fundsInput = z
  .object({
    orgId: id,
    year,
    source: z.enum(FUND_SOURCES, { error: basicsMessages.source }),
    amount: fundAmount,
  })
  .transform(({ amount, ...v }) => ({ ...v, amountFen: amount }));

/** An organization's funds of a year from one source (万元), replacing what was recorded. */
export const funds = orgProcedure.input(fundsInput).mutation(({ ctx, input }) => setFunds(ctx, input));
