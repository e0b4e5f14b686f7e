import { rejectCoverageRequest } from "@liangxin/core/commands";
import { protectedProcedure as p } from "../../../trpc.ts";
import { coverageRejectInput } from "../../../schemas/index.ts";

export const reject = p
  .input(coverageRejectInput)
  .mutation(({ ctx, input }) => rejectCoverageRequest(ctx, input));
