import { z } from "zod";
import { acceptCoverageRequest } from "@liangxin/core/commands";
import { id } from "../../../schemas/common.ts";
import { protectedProcedure as p } from "../../../trpc.ts";

export const coverageAcceptInput = z.object({ id });

export const accept = p
  .input(coverageAcceptInput)
  .mutation(({ ctx, input }) => acceptCoverageRequest(ctx, input));
