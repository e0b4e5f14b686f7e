/** The ledger's scoped reads of organizations. */
import { createTRPCRouter } from "../../trpc.ts";
import { list } from "./list.ts";
import { csv } from "./csv.ts";
import { lookup } from "./lookup.ts";
import { references } from "./references.ts";
import { get } from "./get.ts";

export const orgsRouter = createTRPCRouter({
  list,
  csv,
  lookup,
  references,
  get,
});
