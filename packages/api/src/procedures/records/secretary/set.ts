import { setSecretary } from "@liangxin/core/commands";
import { protectedProcedure as p } from "../../../trpc.ts";
import { secretarySetInput } from "../../../schemas/index.ts";

export const set = p.input(secretarySetInput).mutation(({ ctx, input }) => setSecretary(ctx, input));
