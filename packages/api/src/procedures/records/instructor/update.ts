import { updateInstructor } from "@liangxin/core/commands";
import { protectedProcedure as p } from "../../../trpc.ts";
import { instructorUpdateInput } from "../../../schemas/index.ts";

export const update = p
  .input(instructorUpdateInput)
  .mutation(({ ctx, input }) => updateInstructor(ctx, input));
