import { setDualLink } from "@liangxin/core/commands";
import { protectedProcedure as p } from "../../../trpc.ts";
import { dualLinkSetInput } from "../../../schemas/index.ts";

export const set = p.input(dualLinkSetInput).mutation(({ ctx, input }) => setDualLink(ctx, input));
