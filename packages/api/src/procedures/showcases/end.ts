import { endShowcase } from "@liangxin/core/cadres";
import { endInput } from "../../schemas/common.ts";
import { adminProcedure } from "../../trpc.ts";

/** Ends a showcase on a day (its naming node or a node above it). */
export const end = adminProcedure.input(endInput).mutation(({ ctx, input }) => endShowcase(ctx, input));
