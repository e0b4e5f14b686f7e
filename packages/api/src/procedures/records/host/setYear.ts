import { setHostYear } from "@liangxin/core/commands";
import { protectedProcedure as p } from "../../../trpc.ts";
import { hostYearInput } from "../../../schemas/index.ts";

export const setYear = p.input(hostYearInput).mutation(({ ctx, input }) => setHostYear(ctx, input));
