import { dashboardFor } from "@liangxin/core/dashboard";
import { adminProcedure, found } from "../../trpc.ts";

/**
 * An administrator's node as of today: indicators (合计), its rows as the year-end report defines them
 * (child management nodes, 直属) computed as of the same day, and the lists to act on.
 */
export const admin = adminProcedure.query(async ({ ctx }) => found(await dashboardFor(ctx)));
