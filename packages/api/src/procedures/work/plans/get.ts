import { z } from "zod";
import { getPlan } from "@liangxin/core/work";
import { adminProcedure } from "../../../trpc.ts";

const idInput = z.object({ id: z.number().int().positive() });

export const get = adminProcedure.input(idInput).query(({ ctx, input }) => getPlan(ctx, input));
