import { z } from "zod";
import { setManagedUserDisabled } from "@liangxin/core/users";
import { adminProcedure } from "../../trpc.ts";
import { idSchema } from "../../schemas/views.ts";

export const setDisabled = adminProcedure
  .input(z.object({ id: idSchema, disabled: z.boolean() }))
  .mutation(async ({ ctx, input }) => {
    await setManagedUserDisabled(ctx, { userId: input.id, disabled: input.disabled });
    return { ok: true as const };
  });
