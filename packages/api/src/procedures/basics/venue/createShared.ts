import { z } from "zod";
import { createSharedVenue } from "@liangxin/core/basics";
import { text } from "../../../schemas/work.ts";
import { adminProcedure } from "../../../trpc.ts";
import { venueCheckFields } from "../schemas.ts";

export const sharedVenueInput = z.object({ name: text("场所名称", 100), ...venueCheckFields });

/** A shared venue (党群服务中心) run by the caller's node, with its first check. */
export const createShared = adminProcedure
  .input(sharedVenueInput)
  .mutation(({ ctx, input }) => createSharedVenue(ctx, input));
