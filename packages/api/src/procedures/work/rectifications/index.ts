import { createTRPCRouter } from "../../../trpc.ts";
import { list } from "./list.ts";
import { open } from "./open.ts";
import { resolve } from "./resolve.ts";

export const workRectificationsRouter = createTRPCRouter({
  list,
  open,
  resolve,
});
