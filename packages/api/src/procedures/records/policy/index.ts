import { createTRPCRouter } from "../../../trpc.ts";
import { set } from "./set.ts";
import { list } from "./list.ts";

export const recordsPolicyRouter = createTRPCRouter({
  set,
  list,
});
