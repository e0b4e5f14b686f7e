import { withdrawCorrection } from "@liangxin/core/corrections";
import { ownerProcedure } from "../../trpc.ts";
import { byId } from "../../schemas/views.ts";

/** The owner withdraws (撤回) its own pending correction; audited. */
export const withdraw = ownerProcedure.input(byId).mutation(async ({ ctx, input }) => {
  await withdrawCorrection(ctx, input);
  return { ok: true as const };
});
