import { z } from "zod";
import { hostSheet } from "@liangxin/core/basics";
import { id, isoDate } from "../../schemas/work.ts";
import { orgProcedure } from "../../trpc.ts";

export const hostSheetInput = z.object({ id, on: isoDate.optional() });

/** 一企一表: one host of the caller's territory on one printable sheet (counted-only members masked). */
export const sheet = orgProcedure.input(hostSheetInput).query(({ ctx, input }) => hostSheet(ctx, input));
