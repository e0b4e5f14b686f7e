import { createTRPCRouter } from "../../../trpc.ts";
import { board } from "./board.ts";
import { record } from "./record.ts";

export const workElectionsRouter = createTRPCRouter({
  board,
  record,
});
