import { z } from "zod";
import { setReserveCadre } from "@liangxin/core/basics";
import { id, isoDate } from "../../../schemas/work.ts";
import { orgProcedure } from "../../../trpc.ts";

export const reserveCadreInput = z.object({ orgId: id, memberId: id, startOn: isoDate });

/** A member named a reserve cadre (后备干部) from a day. */
export const set = orgProcedure
  .input(reserveCadreInput)
  .mutation(({ ctx, input }) => setReserveCadre(ctx, input));
