import { createHost } from "@liangxin/core/commands";
import { protectedProcedure as p } from "../../../trpc.ts";
import { hostCreateInput } from "../../../schemas/index.ts";

export const create = p.input(hostCreateInput).mutation(({ ctx, input }) => createHost(ctx, input));
