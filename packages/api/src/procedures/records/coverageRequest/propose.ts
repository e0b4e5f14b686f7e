import { proposeCoverage } from "@liangxin/core/commands";
import { protectedProcedure as p } from "../../../trpc.ts";
import { coverageProposeInput } from "../../../schemas/index.ts";

export const propose = p
  .input(coverageProposeInput)
  .mutation(({ ctx, input }) => proposeCoverage(ctx, input));
