import { z } from "zod";
import { dropRule } from "@liangxin/core/basics";
import { id, isoDate } from "../../../schemas/work.ts";
import { orgProcedure } from "../../../trpc.ts";

export const dropRuleInput = z.object({ id, droppedOn: isoDate });

/** A rule dropped on a day. */
export const drop = orgProcedure.input(dropRuleInput).mutation(({ ctx, input }) => dropRule(ctx, input));
