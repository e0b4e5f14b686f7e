import { setCoverage } from "@liangxin/core/commands";
import { protectedProcedure as p } from "../../../trpc.ts";
import { coverageSetInput } from "../../../schemas/index.ts";

export const set = p.input(coverageSetInput).mutation(({ ctx, input }) => setCoverage(ctx, input));
