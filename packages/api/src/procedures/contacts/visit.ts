import { z } from "zod";
import { recordVisit } from "@liangxin/core/cadres";
import { id, isoDate, optionalText, text } from "../../schemas/work.ts";
import { adminProcedure } from "../../trpc.ts";

export const contactVisitInput = z.object({
  contactPointId: id,
  visitedOn: isoDate,
  content: text("走访内容", 2000),
  problems: optionalText("发现的问题", 2000),
  followUp: optionalText("后续措施", 2000),
});

/** A leader's visit to a contact point (not in the future, within the point's period). */
export const visit = adminProcedure
  .input(contactVisitInput)
  .mutation(({ ctx, input }) => recordVisit(ctx, input));
