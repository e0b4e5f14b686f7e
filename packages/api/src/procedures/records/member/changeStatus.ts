import { changeMemberStatus } from "@liangxin/core/commands";
import { protectedProcedure as p } from "../../../trpc.ts";
import { memberStatusInput } from "../../../schemas/index.ts";

export const changeStatus = p
  .input(memberStatusInput)
  .mutation(({ ctx, input }) => changeMemberStatus(ctx, input));
