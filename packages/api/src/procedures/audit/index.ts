/** The audit log, within the administrator's scope. */
import { createTRPCRouter } from "../../trpc.ts";
import { search } from "./search.ts";

export const auditRouter = createTRPCRouter({
  search,
});
