import { createTRPCRouter } from "../../../trpc.ts";
import { list } from "./list.ts";
import { set } from "./set.ts";

export const workRatingsRouter = createTRPCRouter({
  list,
  set,
});
