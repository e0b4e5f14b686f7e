import { endDualLink } from "@liangxin/core/commands";
import { protectedProcedure as p } from "../../../trpc.ts";
import { dualLinkEndInput } from "../../../schemas/index.ts";

export const end = p.input(dualLinkEndInput).mutation(({ ctx, input }) => endDualLink(ctx, input));
