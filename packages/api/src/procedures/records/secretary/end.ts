import { endSecretary } from "@liangxin/core/commands";
import { protectedProcedure as p } from "../../../trpc.ts";
import { secretaryEndInput } from "../../../schemas/index.ts";

export const end = p.input(secretaryEndInput).mutation(({ ctx, input }) => endSecretary(ctx, input));
