import { createTRPCRouter } from "../../../trpc.ts";
import { set } from "./set.ts";
import { setMany } from "./setMany.ts";
import { end } from "./end.ts";

export const recordsCoverageRouter = createTRPCRouter({
  set,
  setMany,
  end,
});
