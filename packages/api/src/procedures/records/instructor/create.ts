import { createInstructor } from "@liangxin/core/commands";
import { protectedProcedure as p } from "../../../trpc.ts";
import { instructorCreateInput } from "../../../schemas/index.ts";

export const create = p
  .input(instructorCreateInput)
  .mutation(({ ctx, input }) => createInstructor(ctx, input));
