import { createTRPCRouter } from "../../../trpc.ts";
import { create } from "./create.ts";
import { update } from "./update.ts";
import { setYear } from "./setYear.ts";

export const recordsHostRouter = createTRPCRouter({
  create,
  update,
  setYear,
});
