import { endVenueLink } from "@liangxin/core/basics";
import { endInput } from "../../../schemas/common.ts";
import { adminProcedure } from "../../../trpc.ts";

/** A shared venue stops serving an organization on a day. */
export const endLink = adminProcedure.input(endInput).mutation(({ ctx, input }) => endVenueLink(ctx, input));
