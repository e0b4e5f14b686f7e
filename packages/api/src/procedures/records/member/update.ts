import { updateMember } from "@liangxin/core/commands";
import { protectedProcedure as p } from "../../../trpc.ts";
import { memberUpdateInput } from "../../../schemas/index.ts";

export const update = p.input(memberUpdateInput).mutation(({ ctx, input }) => updateMember(ctx, input));
