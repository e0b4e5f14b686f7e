import { startAssignment } from "@liangxin/core/commands";
import { adminProcedure } from "../../../trpc.ts";
import { assignmentStartInput } from "../../../schemas/index.ts";

export const start = adminProcedure
  .input(assignmentStartInput)
  .mutation(({ ctx, input }) => startAssignment(ctx, input));
