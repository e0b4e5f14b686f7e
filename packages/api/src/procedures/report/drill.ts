import { z } from "zod";
import { isIndicatorPath, drillReport } from "@liangxin/core/reports";
import { adminProcedure } from "../../trpc.ts";
import { id, year } from "../../schemas/report.ts";
import { reportApiMessages as m } from "../../report-messages.ts";

/** The records behind a figure: hosts, organizations, or masked members. */
export const drill = adminProcedure
  .input(
    z.object({
      nodeId: id,
      year,
      rowOrgId: id.nullish(),
      // A key of the report's dictionary, checked here: the refusal never echoes what was typed.
      key: z
        .string()
        .min(1, m.keyRequired)
        .max(64, m.keyRequired)
        .refine((k) => isIndicatorPath(k), m.keyUnknown),
      /** List the live records even when the report's figures are frozen. */
      live: z.boolean().optional(),
    }),
  )
  .query(({ ctx, input }) => drillReport(ctx, input));
