import { setPolicy } from "@liangxin/core/commands";
import { protectedProcedure as p } from "../../../trpc.ts";
import { policySetInput } from "../../../schemas/index.ts";

export const set = p.input(policySetInput).mutation(({ ctx, input }) => setPolicy(ctx, input));
