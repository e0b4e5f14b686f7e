import { createTRPCRouter } from "../../../trpc.ts";
import { create } from "./create.ts";
import { update } from "./update.ts";
import { changeStatus } from "./changeStatus.ts";

export const recordsMemberRouter = createTRPCRouter({
  create,
  update,
  changeStatus,
});
