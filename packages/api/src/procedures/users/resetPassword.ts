import { z } from "zod";
import { resetManagedUserPassword } from "@liangxin/core/users";
import { adminProcedure } from "../../trpc.ts";
import { idSchema, password } from "../../schemas/views.ts";

/** A new password for a managed user; every session of the user ends. */
export const resetPassword = adminProcedure
  .input(z.object({ id: idSchema, password }))
  .mutation(async ({ ctx, input }) => {
    await resetManagedUserPassword(ctx, {
      userId: input.id,
      password: input.password,
      now: ctx.clock.now(),
    });
    return { ok: true as const };
  });
