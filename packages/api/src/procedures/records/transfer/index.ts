import { createTRPCRouter } from "../../../trpc.ts";
import { request } from "./request.ts";
import { decide } from "./decide.ts";

export const recordsTransferRouter = createTRPCRouter({
  request,
  decide,
});
