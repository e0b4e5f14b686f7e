import { endReserveCadre } from "@liangxin/core/basics";
import { endInput } from "../../../schemas/common.ts";
import { orgProcedure } from "../../../trpc.ts";

/** A reserve cadre's naming ends on a day. */
export const end = orgProcedure.input(endInput).mutation(({ ctx, input }) => endReserveCadre(ctx, input));
