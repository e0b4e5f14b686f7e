import { planBoard } from "@liangxin/core/work";
import { adminProcedure } from "../../../trpc.ts";

export const board = adminProcedure.query(({ ctx }) => planBoard(ctx));
