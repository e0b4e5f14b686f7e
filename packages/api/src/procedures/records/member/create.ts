import { createMember } from "@liangxin/core/commands";
import { protectedProcedure as p } from "../../../trpc.ts";
import { memberCreateInput } from "../../../schemas/index.ts";

export const create = p.input(memberCreateInput).mutation(({ ctx, input }) => createMember(ctx, input));
