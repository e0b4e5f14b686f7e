import { createTRPCRouter } from "../../../trpc.ts";
import { dispatch } from "./dispatch.ts";

export const workInstructorsRouter = createTRPCRouter({
  dispatch,
});
