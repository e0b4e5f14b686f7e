import { listCoverageRequests } from "@liangxin/db/queries";
import { protectedProcedure as p, found } from "../../../trpc.ts";

export const list = p.query(async ({ ctx }) => found(await listCoverageRequests(ctx)));
