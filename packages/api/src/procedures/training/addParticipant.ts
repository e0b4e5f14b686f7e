import { z } from "zod";
import { addParticipant as add } from "@liangxin/core/training";
import { id } from "../../schemas/work.ts";
import { adminProcedure } from "../../trpc.ts";
import { participantKind } from "./schemas.ts";

export const addParticipantInput = z.object({ trainingId: id, kind: participantKind, personId: id });

/** A member, an instructor or a host's 出资人 (by the host's id) the organizer sees takes part. */
export const addParticipant = adminProcedure
  .input(addParticipantInput)
  .mutation(({ ctx, input }) => add(ctx, input));
