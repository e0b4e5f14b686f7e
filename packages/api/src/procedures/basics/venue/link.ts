import { z } from "zod";
import { linkVenue } from "@liangxin/core/basics";
import { id, isoDate } from "../../../schemas/work.ts";
import { adminProcedure } from "../../../trpc.ts";

export const venueLinkInput = z.object({ venueId: id, orgId: id, startOn: isoDate });

/** A shared venue serves an organization from a day. */
export const link = adminProcedure.input(venueLinkInput).mutation(({ ctx, input }) => linkVenue(ctx, input));
