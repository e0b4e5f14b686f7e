import { z } from "zod";
import { decidesCorrections, correctionInbox } from "@liangxin/core/corrections";
import { adminProcedure, found } from "../../trpc.ts";

/** Corrections of hosts of the administrator's territory; the township administrator decides them. */
export const inbox = adminProcedure
  .input(
    z
      .object({
        state: z.enum(["pending", "approved", "rejected", "withdrawn"]).optional(),
        /** The newest this many (the home page shows five and the count); 200 by default. */
        limit: z.number().int().min(1).max(200).optional(),
      })
      .optional(),
  )
  .query(async ({ ctx, input }) => ({
    canDecide: decidesCorrections(ctx.scope),
    ...found(await correctionInbox(ctx, { state: input?.state, limit: input?.limit })),
  }));
