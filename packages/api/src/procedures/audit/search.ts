import { z } from "zod";
import { searchAudit } from "@liangxin/db/queries";
import { pageFields, text } from "../../schemas/views.ts";
import { isoDate } from "../../schemas/common.ts";
import { adminProcedure, found } from "../../trpc.ts";
import { auditActionLabel, auditEntityLabel, auditDetail } from "../../audit-labels.ts";

export const auditInput = z.object({
  ...pageFields,
  username: text(64).optional(),
  action: text(64).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

/** Audit entries within the administrator's scope. */
export const search = adminProcedure.input(auditInput).query(async ({ ctx, input }) => {
  const page = found(await searchAudit(ctx, input));
  return {
    ...page,
    rows: page.rows.map((r) => ({
      ...r,
      actionLabel: auditActionLabel(r.action),
      entityLabel: auditEntityLabel(r.entity),
      detail: auditDetail(r.before, r.after),
    })),
  };
});
