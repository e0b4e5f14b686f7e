import { createTRPCRouter } from "../../../trpc.ts";
import { node } from "./node.ts";

export const recordsIndicatorsRouter = createTRPCRouter({
  node,
});
