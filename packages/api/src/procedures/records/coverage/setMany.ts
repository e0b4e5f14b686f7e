import { coverHosts } from "@liangxin/core/commands";
import { protectedProcedure as p } from "../../../trpc.ts";
import { coverageSetManyInput } from "../../../schemas/index.ts";

/** Several hosts of the caller's territory covered by one organization from one day, all or none. */
export const setMany = p.input(coverageSetManyInput).mutation(({ ctx, input }) => coverHosts(ctx, input));
