import { z } from "zod";
import { participantCandidates } from "@liangxin/core/training";
import { id } from "../../schemas/work.ts";
import { adminProcedure } from "../../trpc.ts";

export const candidatesInput = z.object({
  trainingId: id,
  q: z.string().trim().max(50, { message: "查询关键词不能超过50个字" }),
});

/** Members, instructors and owners both the caller and the training's organizer see, by name. */
export const candidates = adminProcedure
  .input(candidatesInput)
  .query(({ ctx, input }) => participantCandidates(ctx, input));
