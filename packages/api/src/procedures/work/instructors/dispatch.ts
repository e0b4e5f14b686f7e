import { dispatchView, hostsWithoutCoverage } from "@liangxin/core/work";
import { adminProcedure } from "../../../trpc.ts";

export const dispatch = adminProcedure.query(async ({ ctx }) => ({
  ...(await dispatchView(ctx)),
  uncovered: await hostsWithoutCoverage(ctx),
}));
