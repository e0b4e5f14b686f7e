import { z } from "zod";
import { unitSheets } from "@liangxin/core/basics";
import { id, isoDate } from "../../schemas/work.ts";
import { orgProcedure } from "../../trpc.ts";

export const unitSheetsInput = z.object({ unitId: id, on: isoDate.optional() });

/** The sheets of every operating host of a unit's territory (a township's, say), to print in one go. */
export const sheets = orgProcedure.input(unitSheetsInput).query(({ ctx, input }) => unitSheets(ctx, input));
