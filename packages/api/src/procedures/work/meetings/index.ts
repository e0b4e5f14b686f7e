import { createTRPCRouter } from "../../../trpc.ts";
import { compliance } from "./compliance.ts";
import { list } from "./list.ts";
import { record } from "./record.ts";

export const workMeetingsRouter = createTRPCRouter({
  compliance,
  list,
  record,
});
