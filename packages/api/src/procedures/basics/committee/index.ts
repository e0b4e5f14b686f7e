import { createTRPCRouter } from "../../../trpc.ts";
import { end } from "./end.ts";
import { set } from "./set.ts";

export const basicsCommitteeRouter = createTRPCRouter({ set, end });
