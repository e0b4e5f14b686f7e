import { listTransfers } from "@liangxin/db/queries";
import { orgProcedure, found } from "../../trpc.ts";

/** 组织关系接转 received by (to decide) or sent from the subtree. */
export const transfers = orgProcedure.query(async ({ ctx }) => found(await listTransfers(ctx)));
