import { decideTransfer } from "@liangxin/core/commands";
import { protectedProcedure as p } from "../../../trpc.ts";
import { transferDecideInput } from "../../../schemas/index.ts";

export const decide = p.input(transferDecideInput).mutation(({ ctx, input }) => decideTransfer(ctx, input));
