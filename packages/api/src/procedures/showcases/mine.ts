import { showcaseLevelOfCaller } from "@liangxin/core/cadres";
import { orgProcedure } from "../../trpc.ts";

/** The level the caller names showcases at (null: the caller names none), for the page's form. */
export const mine = orgProcedure.query(({ ctx }) => ({ level: showcaseLevelOfCaller(ctx) }));
