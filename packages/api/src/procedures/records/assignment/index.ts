import { createTRPCRouter } from "../../../trpc.ts";
import { start } from "./start.ts";
import { end } from "./end.ts";

export const recordsAssignmentRouter = createTRPCRouter({
  start,
  end,
});
