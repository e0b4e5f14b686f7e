import { updateHost } from "@liangxin/core/commands";
import { protectedProcedure as p } from "../../../trpc.ts";
import { hostUpdateInput } from "../../../schemas/index.ts";

export const update = p.input(hostUpdateInput).mutation(({ ctx, input }) => updateHost(ctx, input));
