import { z } from "zod";
import { fenOf, parseMoney } from "@liangxin/domain";
import { setSecretaryAllowance } from "@liangxin/core/basics";
import { id, isoDate } from "../../../schemas/work.ts";
import { orgProcedure } from "../../../trpc.ts";
import { basicsMessages } from "../schemas.ts";

/** 元 per month as typed (at most 2 decimals), into whole 分. */
const yuanPerMonth = z
  .union([z.number(), z.string()], { error: basicsMessages.allowance })
  .refine(
    (v) => {
      const r = parseMoney(v, "yuan", { decimals: 2 });
      return r.ok && r.fen <= fenOf(1_000_000, "yuan");
    },
    { error: basicsMessages.allowance },
  )
  .transform((v) => fenOf(v, "yuan"));

export const allowanceInput = z
  .object({ secretaryId: id, monthly: yuanPerMonth, startOn: isoDate })
  .transform(({ monthly, ...v }) => ({ ...v, monthlyFen: monthly }));

/** A secretary's allowance (工作津贴, 元 per month) from a day. */
export const allowance = orgProcedure
  .input(allowanceInput)
  .mutation(({ ctx, input }) => setSecretaryAllowance(ctx, input));
