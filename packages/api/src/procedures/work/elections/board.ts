import { electionBoard } from "@liangxin/core/work";
import { orgProcedure } from "../../../trpc.ts";

export const board = orgProcedure.query(({ ctx }) => electionBoard(ctx));
