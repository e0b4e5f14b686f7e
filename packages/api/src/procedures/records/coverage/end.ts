import { endCoverage } from "@liangxin/core/commands";
import { endInput } from "../../../schemas/common.ts";
import { protectedProcedure as p } from "../../../trpc.ts";

export const coverageEndInput = endInput;

export const end = p.input(coverageEndInput).mutation(({ ctx, input }) => endCoverage(ctx, input));
