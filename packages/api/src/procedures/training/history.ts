import { z } from "zod";
import { trainingHistory, type PersonRef } from "@liangxin/core/training";
import { id } from "../../schemas/work.ts";
import { orgProcedure } from "../../trpc.ts";
import { trainingInputMessages } from "./schemas.ts";

export const historyInput = z
  .object({ memberId: id.optional(), instructorId: id.optional(), hostId: id.optional() })
  .refine((v) => [v.memberId, v.instructorId, v.hostId].filter((x) => x !== undefined).length === 1, {
    message: trainingInputMessages.person,
  })
  .transform((v): PersonRef =>
    v.memberId !== undefined
      ? { memberId: v.memberId }
      : v.instructorId !== undefined
        ? { instructorId: v.instructorId }
        : { hostId: v.hostId! },
  );

/** A person's trainings: a member, an instructor, or a host's 出资人 (by the host). */
export const history = orgProcedure
  .input(historyInput)
  .query(({ ctx, input }) => trainingHistory(ctx, input));
