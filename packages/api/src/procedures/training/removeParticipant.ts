import { z } from "zod";
import { removeParticipant as remove } from "@liangxin/core/training";
import { id } from "../../schemas/work.ts";
import { adminProcedure } from "../../trpc.ts";

export const removeParticipantInput = z.object({ id });

/** A participation goes (audited). */
export const removeParticipant = adminProcedure
  .input(removeParticipantInput)
  .mutation(({ ctx, input }) => remove(ctx, input));
