/** The ledger's scoped reads of instructors (指导员). */
import { createTRPCRouter } from "../../trpc.ts";
import { list } from "./list.ts";
import { csv } from "./csv.ts";
import { get } from "./get.ts";

export const instructorsRouter = createTRPCRouter({
  list,
  csv,
  get,
});
