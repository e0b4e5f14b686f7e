import { basicsBoard } from "@liangxin/core/basics";
import { orgProcedure } from "../../trpc.ts";
import { onInput } from "./schemas.ts";

/** The five basics of the caller's grassroots organizations on a day, counted per subordinate node. */
export const board = orgProcedure.input(onInput).query(({ ctx, input }) => basicsBoard(ctx, input ?? {}));
