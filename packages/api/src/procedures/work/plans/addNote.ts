import { z } from "zod";
import { addPlanNote } from "@liangxin/core/work";
import { id, isoDate, text } from "../../../schemas/work.ts";
import { adminProcedure } from "../../../trpc.ts";

export const planNoteInput = z.object({ planId: id, notedOn: isoDate, note: text("进展情况", 500) });

export const addNote = adminProcedure
  .input(planNoteInput)
  .mutation(({ ctx, input }) => addPlanNote(ctx, input));
