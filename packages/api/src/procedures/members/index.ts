/** The ledger's scoped reads of members, their transfers, and the audited unmasking of a citizen ID. */
import { createTRPCRouter } from "../../trpc.ts";
import { list } from "./list.ts";
import { csv } from "./csv.ts";
import { transfers } from "./transfers.ts";
import { get } from "./get.ts";
import { unmask } from "./unmask.ts";

export const membersRouter = createTRPCRouter({
  list,
  csv,
  transfers,
  get,
  unmask,
});
