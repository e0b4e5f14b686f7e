import { createTRPCRouter } from "../../../trpc.ts";
import { propose } from "./propose.ts";
import { list } from "./list.ts";
import { accept } from "./accept.ts";
import { reject } from "./reject.ts";

export const recordsCoverageRequestRouter = createTRPCRouter({
  propose,
  list,
  accept,
  reject,
});
