import { z } from "zod";
import { createLeader as create } from "@liangxin/core/cadres";
import { adminProcedure } from "../../trpc.ts";
import { leaderFields } from "./schemas.ts";

export const createLeaderInput = z.object(leaderFields);

/** A leading cadre (name, post, unit) registered by the caller's node. */
export const createLeader = adminProcedure
  .input(createLeaderInput)
  .mutation(({ ctx, input }) => create(ctx, input));
