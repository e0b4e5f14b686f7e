import { z } from "zod";
import { decideCorrection } from "@liangxin/core/corrections";
import { idSchema, text, inputMessages } from "../../schemas/views.ts";
import { adminProcedure } from "../../trpc.ts";

export const decideInput = z.discriminatedUnion("approve", [
  z.object({ id: idSchema, approve: z.literal(true) }),
  z.object({
    id: idSchema,
    approve: z.literal(false),
    reason: text(500).min(1, inputMessages.reasonRequired),
  }),
]);

export const decide = adminProcedure.input(decideInput).mutation(async ({ ctx, input }) => {
  await decideCorrection(ctx, input);
  return { ok: true as const };
});
