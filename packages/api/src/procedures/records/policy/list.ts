import { listPolicyVersions } from "@liangxin/core/commands";
import { adminProcedure } from "../../../trpc.ts";

/** The dated versions, newest first, and the one in force today (any administrator reads them). */
export const list = adminProcedure.query(({ ctx }) => listPolicyVersions(ctx));
