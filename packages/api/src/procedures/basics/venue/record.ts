import { z } from "zod";
import { recordVenue } from "@liangxin/core/basics";
import { id, text } from "../../../schemas/work.ts";
import { orgProcedure } from "../../../trpc.ts";
import { venueCheckFields } from "../schemas.ts";

export const recordVenueInput = z.object({ orgId: id, name: text("场所名称", 100), ...venueCheckFields });

/** An organization's own venue as found on a day (创建 with its first check). */
export const record = orgProcedure
  .input(recordVenueInput)
  .mutation(({ ctx, input }) => recordVenue(ctx, input));
