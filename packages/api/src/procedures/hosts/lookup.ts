import { z } from "zod";
import { isValidCreditCode } from "@liangxin/domain";
import { lookupHostByCreditCode } from "@liangxin/db/queries";
import { schemaMessages } from "../../schemas/messages.ts";
import { orgProcedure, found } from "../../trpc.ts";

/** A host by its exact 统一社会信用代码 (any case, spaces around ignored; the check character is verified). */
export const creditCodeInput = z.object({
  creditCode: z
    .string({ error: schemaMessages.creditCode })
    .trim()
    .toUpperCase()
    .refine((s) => isValidCreditCode(s), { error: schemaMessages.creditCode }),
});

/**
 * An operating host anywhere in the city by its exact 统一社会信用代码, id and name only: a member's
 * workplace may be any host, and the one recording the member confirms it by its name. Audited
 * (`host.lookup`), hence a mutation.
 */
export const lookup = orgProcedure
  .input(creditCodeInput)
  .mutation(async ({ ctx, input }) =>
    found(await lookupHostByCreditCode(ctx, { creditCode: input.creditCode })),
  );
