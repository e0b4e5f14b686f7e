import { createTRPCRouter } from "../../../trpc.ts";
import { set } from "./set.ts";
import { end } from "./end.ts";

export const recordsDualLinkRouter = createTRPCRouter({
  set,
  end,
});
