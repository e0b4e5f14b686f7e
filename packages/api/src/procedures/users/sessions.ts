import { listManagedUserSessions } from "@liangxin/core/users";
import { adminProcedure } from "../../trpc.ts";
import { byId } from "../../schemas/views.ts";

/** The live sessions of a managed user: signed in when, last seen when, which browser, which address. */
export const sessions = adminProcedure
  .input(byId)
  .query(({ ctx, input }) => listManagedUserSessions(ctx, { userId: input.id, now: ctx.clock.now() }));
