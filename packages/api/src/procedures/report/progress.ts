import { z } from "zod";
import { reportProgress } from "@liangxin/core/reports";
import { logger } from "@liangxin/runtime";
import { adminProcedure } from "../../trpc.ts";
import { id, year } from "../../schemas/report.ts";

/**
 * How far the report of a node (default: the caller's own) for a year is: ready to show, or — a long
 * report (a large territory) not yet computed for the current data — being computed in the background of
 * this process, started by the first asker; the page polls this until it is ready (issue 25).
 */
export const progress = adminProcedure
  .input(z.object({ nodeId: id.optional(), year }))
  .query(({ ctx, input }) =>
    reportProgress(
      ctx,
      { ...(input.nodeId ? { nodeId: input.nodeId } : {}), year: input.year },
      { port: ctx.port, onError: (e) => logger().error({ err: e }, "年报后台计算失败") },
    ),
  );
