import { reparentOrg } from "@liangxin/core/commands";
import { protectedProcedure as p } from "../../../trpc.ts";
import { reparentInput } from "../../../schemas/index.ts";

export const reparent = p.input(reparentInput).mutation(({ ctx, input }) => reparentOrg(ctx, input));
