import { z } from "zod";
import { listLeaders } from "@liangxin/core/cadres";
import { isoDate } from "../../schemas/work.ts";
import { adminProcedure } from "../../trpc.ts";

/** The leaders registered in the caller's subtree, with their contact points and last visits. */
export const leaders = adminProcedure
  .input(z.object({ on: isoDate.optional() }).optional())
  .query(({ ctx, input }) => listLeaders(ctx, input ?? {}));
