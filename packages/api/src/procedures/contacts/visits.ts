import { z } from "zod";
import { pointVisits } from "@liangxin/core/cadres";
import { id } from "../../schemas/work.ts";
import { adminProcedure } from "../../trpc.ts";

/** One contact point's visits, latest first. */
export const visits = adminProcedure
  .input(z.object({ contactPointId: id }))
  .query(({ ctx, input }) => pointVisits(ctx, input));
