import { createTRPCRouter } from "../../../trpc.ts";
import { create } from "./create.ts";
import { suggestCode } from "./suggestCode.ts";
import { update } from "./update.ts";
import { reparent } from "./reparent.ts";

export const recordsOrgRouter = createTRPCRouter({
  create,
  suggestCode,
  update,
  reparent,
});
