import { createOrg } from "@liangxin/core/commands";
import { protectedProcedure as p } from "../../../trpc.ts";
import { orgCreateInput } from "../../../schemas/index.ts";

export const create = p.input(orgCreateInput).mutation(({ ctx, input }) => createOrg(ctx, input));
