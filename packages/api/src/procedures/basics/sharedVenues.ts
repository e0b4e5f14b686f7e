import { listSharedVenues } from "@liangxin/core/basics";
import { orgProcedure } from "../../trpc.ts";
import { onInput } from "./schemas.ts";

/** The shared venues (党群服务中心) run by the caller's subtree. */
export const sharedVenues = orgProcedure
  .input(onInput)
  .query(({ ctx, input }) => listSharedVenues(ctx, input ?? {}));
