import { createTRPCRouter } from "../../../trpc.ts";
import { list } from "./list.ts";
import { create } from "./create.ts";

export const workPactsRouter = createTRPCRouter({
  list,
  create,
});
