import { sheetUnits as sheetUnitsOf } from "@liangxin/core/basics";
import { orgProcedure } from "../../trpc.ts";

/** The units of the caller's subtree with a territory whose sheets it may print in one go, with their counts. */
export const sheetUnits = orgProcedure.query(({ ctx }) => sheetUnitsOf(ctx));
