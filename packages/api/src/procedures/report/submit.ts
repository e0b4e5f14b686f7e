import { z } from "zod";
import { submitReport } from "@liangxin/core/reports";
import { adminProcedure } from "../../trpc.ts";
import { id, year, version } from "../../schemas/report.ts";
import { reportApiMessages as m } from "../../report-messages.ts";
import { SIGNATURE_NAME_MAX } from "../../schemas/common.ts";

/** 上报: the caller's own node; errors block, each warning code needs a written explanation. */
export const submit = adminProcedure
  .input(
    z.object({
      nodeId: id,
      year,
      explanations: z.record(z.string(), z.string().max(2000, m.explanationTooLong)).default({}),
      version,
      unitHead: z
        .string({ error: m.unitHeadRequired })
        .trim()
        .min(1, m.unitHeadRequired)
        .max(SIGNATURE_NAME_MAX, m.unitHeadTooLong),
      preparer: z
        .string({ error: m.preparerRequired })
        .trim()
        .min(1, m.preparerRequired)
        .max(SIGNATURE_NAME_MAX, m.preparerTooLong),
    }),
  )
  .mutation(({ ctx, input }) => submitReport(ctx, input));
