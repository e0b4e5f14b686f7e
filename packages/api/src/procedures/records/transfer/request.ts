import { requestTransfer } from "@liangxin/core/commands";
import { protectedProcedure as p } from "../../../trpc.ts";
import { transferRequestInput } from "../../../schemas/index.ts";

export const request = p
  .input(transferRequestInput)
  .mutation(({ ctx, input }) => requestTransfer(ctx, input));
