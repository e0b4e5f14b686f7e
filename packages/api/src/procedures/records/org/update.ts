import { updateOrg } from "@liangxin/core/commands";
import { protectedProcedure as p } from "../../../trpc.ts";
import { orgUpdateInput } from "../../../schemas/index.ts";

export const update = p.input(orgUpdateInput).mutation(({ ctx, input }) => updateOrg(ctx, input));
