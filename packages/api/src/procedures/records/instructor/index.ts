import { createTRPCRouter } from "../../../trpc.ts";
import { create } from "./create.ts";
import { update } from "./update.ts";

export const recordsInstructorRouter = createTRPCRouter({
  create,
  update,
});
