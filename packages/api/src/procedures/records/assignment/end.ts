import { endAssignment } from "@liangxin/core/commands";
import { adminProcedure } from "../../../trpc.ts";
import { assignmentEndInput } from "../../../schemas/index.ts";

export const end = adminProcedure
  .input(assignmentEndInput)
  .mutation(({ ctx, input }) => endAssignment(ctx, input));
