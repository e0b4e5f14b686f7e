import { z } from "zod";
import { checkSharedVenue } from "@liangxin/core/basics";
import { id } from "../../../schemas/work.ts";
import { adminProcedure } from "../../../trpc.ts";
import { venueCheckFields } from "../schemas.ts";

export const checkSharedInput = z.object({ venueId: id, ...venueCheckFields });

/** A shared venue as found on a day. */
export const checkShared = adminProcedure
  .input(checkSharedInput)
  .mutation(({ ctx, input }) => checkSharedVenue(ctx, input));
