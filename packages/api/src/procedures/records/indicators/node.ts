import { z } from "zod";
import { nodeIndicators } from "@liangxin/core/indicators";
import { protectedProcedure as p } from "../../../trpc.ts";
import { id, isoDate } from "../../../schemas/index.ts";

/** A node's indicators as of a date, with the policy used. */
export const node = p
  .input(z.object({ nodeId: id, asOf: isoDate }))
  .query(({ ctx, input }) => nodeIndicators(ctx, { nodeId: input.nodeId, asOf: input.asOf }));
