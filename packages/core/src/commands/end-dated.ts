import type { Cx } from "@liangxin/db/cx";
import { AppError, assertInterval } from "@liangxin/domain";
import { eq } from "drizzle-orm";
import { writeTransaction } from "@liangxin/db/driver";
import {
  type assignments,
  type committeeMembers,
  type coverages,
  type dualLinks,
  type reserveCadres,
  type secretaries,
  type venueLinks,
} from "@liangxin/db/schema";
import { audit } from "./common.ts";
import { commandMessages } from "./messages.ts";

/** The dated relations a command ends on a date: [startOn, endOn). */
type DatedTable =
  | typeof coverages
  | typeof assignments
  | typeof dualLinks
  | typeof secretaries
  | typeof committeeMembers
  | typeof reserveCadres
  | typeof venueLinks;

/**
 * End a dated relation on `endOn`, in one transaction: missing → not found; `authorize` checks the
 * caller's edit access (else NOT_FOUND) and names the organization whose scope the audit row
 * belongs to; an ended row is refused; the end must follow the start; the change is audited.
 */
export async function endDatedRow<T extends DatedTable>(
  cx: Cx,
  table: T,
  entity: string,
  input: { id: number; endOn: string },
  authorize: (before: T["$inferSelect"]) => Promise<number | null>,
): Promise<T["$inferSelect"]> {
  const { db } = cx;
  // The tables share `id`, `start_on` and `end_on`; drizzle's builders do not accept a union of tables.
  const t = table as unknown as typeof coverages;
  return writeTransaction(db, async () => {
    const before = (await db.select().from(t).where(eq(t.id, input.id)).limit(1))[0] as
      T["$inferSelect"] | undefined;
    if (!before) throw AppError.notFound();
    const scopeOrgId = await authorize(before);
    if (before.endOn !== null)
      throw AppError.rule("ALREADY_ENDED", commandMessages.alreadyEnded(before.endOn));
    assertInterval(before.startOn, input.endOn);
    const after = (
      await db.update(t).set({ endOn: input.endOn }).where(eq(t.id, input.id)).returning()
    )[0] as T["$inferSelect"];
    await audit(cx, { action: `${entity}.end`, entity, entityId: input.id, scopeOrgId, before, after });
    return after;
  });
}
