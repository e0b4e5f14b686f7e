import { z } from "zod";
import { endManagedUserSession } from "@liangxin/core/users";
import { adminProcedure } from "../../trpc.ts";
import { idSchema } from "../../schemas/views.ts";

/** End one session of a managed user. */
export const endSession = adminProcedure
  .input(z.object({ id: idSchema, sessionId: idSchema }))
  .mutation(async ({ ctx, input }) => {
    await endManagedUserSession(ctx, { userId: input.id, sessionId: input.sessionId });
    return { ok: true as const };
  });
