import { z } from "zod";
import { updateLeader as update } from "@liangxin/core/cadres";
import { version } from "../../schemas/common.ts";
import { id } from "../../schemas/work.ts";
import { adminProcedure } from "../../trpc.ts";
import { leaderFields } from "./schemas.ts";

export const updateLeaderInput = z.object({ id, version, ...leaderFields });

/** A leader's name, post and unit, at the version read. */
export const updateLeader = adminProcedure
  .input(updateLeaderInput)
  .mutation(({ ctx, input }) => update(ctx, input));
