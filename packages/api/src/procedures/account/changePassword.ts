import { z } from "zod";
import { changeOwnPassword } from "@liangxin/core/users";
import { inputMessages, password } from "../../schemas/views.ts";
import { signedInProcedure } from "../../trpc.ts";

export const changePasswordInput = z.object({
  oldPassword: z.string().min(1, inputMessages.required).max(200),
  newPassword: password,
});

/**
 * The signed-in user changes their own password (old password required; the new one at least 10
 * characters with letters and digits, not the current one), also when it must be set first; wrong
 * old passwords count toward the sign-in throttle of the user's name and the client's address.
 */
export const changePassword = signedInProcedure
  .input(changePasswordInput)
  .mutation(async ({ ctx, input }) => {
    await changeOwnPassword(ctx, {
      oldPassword: input.oldPassword,
      newPassword: input.newPassword,
      clientAddress: ctx.clientAddress,
      now: ctx.clock.now(),
    });
    return { ok: true as const };
  });
