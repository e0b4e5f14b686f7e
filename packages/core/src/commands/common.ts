import type { Cx } from "@liangxin/db/cx";
import { AppError, isAppError } from "@liangxin/domain";
import { sql } from "drizzle-orm";
import { type Db, selectOne } from "@liangxin/db/driver";
import {
  hostAccess,
  hostByExactKey,
  memberAccess,
  orgAccess,
  orgByExactKey,
  refersToHost,
  refersToOrg,
  type HostByKey,
  type OrgByKey,
  type RefSet,
} from "@liangxin/db/scope";
import { writeAudit } from "@liangxin/db/audit";

/** A warning that does not stop the change (e.g. an instructor over the cap), shown with the result. */
export interface CommandWarning {
  code: string;
  message: string;
}

export async function requireHostEdit(cx: Cx, hostId: number): Promise<void> {
  if ((await hostAccess(cx.db, cx.scope, hostId, cx.today)) !== "edit") throw AppError.notFound();
}

export async function requireOrgEdit(cx: Cx, orgId: number): Promise<void> {
  if ((await orgAccess(cx.db, cx.scope, orgId, cx.today)) !== "edit") throw AppError.notFound();
}

/**
 * A member the caller may edit: held in the caller's subtree, or held outside the city's tree while
 * working in a host of the caller's territory.
 */
export async function requireMemberEdit(cx: Cx, memberId: number): Promise<void> {
  const { db } = cx;
  if ((await memberAccess(db, cx.scope, memberId, cx.today)) === "edit") return;
  const m = await selectOne<{ orgId: number | null; workHostId: number | null }>(
    db,
    sql`select org_id as orgId, work_host_id as workHostId from members where id = ${memberId}`,
  );
  if (
    m &&
    m.orgId === null &&
    m.workHostId !== null &&
    (await hostAccess(db, cx.scope, m.workHostId, cx.today)) === "edit"
  )
    return;
  throw AppError.notFound();
}

/**
 * A host named by id in a write (foreign keys through scope): one of the caller's sets — any it sees by
 * default — else NOT_FOUND, exactly as for a missing id.
 */
export async function requireHostRef(cx: Cx, hostId: number, set: RefSet = "visible"): Promise<void> {
  if (!(await refersToHost(cx.db, cx.scope, hostId, cx.today, set))) throw AppError.notFound();
}

/** An organization named by id in a write: one of the caller's sets, else NOT_FOUND. */
export async function requireOrgRef(cx: Cx, orgId: number, set: RefSet = "visible"): Promise<void> {
  if (!(await refersToOrg(cx.db, cx.scope, orgId, cx.today, set))) throw AppError.notFound();
}

/**
 * A host given by its exact 统一社会信用代码 (a member's workplace anywhere in the city): resolved here,
 * audited as `host.lookup` in the write's transaction; a code of no operating host is NOT_FOUND.
 */
export async function hostByKey(cx: Cx, creditCode: string): Promise<HostByKey> {
  const { db } = cx;
  const host = await hostByExactKey(db, creditCode, cx.today);
  if (!host) throw AppError.notFound();
  await audit(cx, {
    action: "host.lookup",
    entity: "host",
    entityId: host.id,
    scopeOrgId: cx.scope.org?.id ?? null,
    after: { creditCode: host.creditCode },
  });
  return host;
}

/**
 * An organization given by its exact 组织代码 (an instructor's dispatcher, a transfer's receiver, a dual
 * link's regional organization anywhere in the city): resolved here, audited as `org.lookup`; a code of no
 * organization in force is NOT_FOUND.
 */
export async function orgByKey(cx: Cx, code: string): Promise<OrgByKey> {
  const { db } = cx;
  const org = await orgByExactKey(db, code, cx.today);
  if (!org) throw AppError.notFound();
  await audit(cx, {
    action: "org.lookup",
    entity: "org",
    entityId: org.id,
    scopeOrgId: cx.scope.org?.id ?? null,
    after: { code: org.code },
  });
  return org;
}

/** Whether the caller sees a host or an organization at all (editable or for reference). */
export async function seesHost(cx: Cx, hostId: number): Promise<boolean> {
  return (await hostAccess(cx.db, cx.scope, hostId, cx.today)) !== null;
}
export async function seesOrg(cx: Cx, orgId: number): Promise<boolean> {
  return (await orgAccess(cx.db, cx.scope, orgId, cx.today)) !== null;
}

/**
 * A refusal must not describe a record the caller cannot see (its name, who covers it): for the caller
 * it does not exist. Runs `fn`; when `visible` is false a rule's refusal becomes NOT_FOUND.
 */
export async function unlessVisible<T>(visible: boolean, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!visible && isAppError(e, "RULE")) throw AppError.notFound();
    throw e;
  }
}

/** Optimistic concurrency: the caller's `version` must be the stored one. */
export function assertVersion(stored: number, given: number): void {
  if (stored !== given) throw AppError.stale();
}

/** The management node whose territory holds a region (the nearest one up the territory), for the audit's scope. */
export async function nodeOfRegion(db: Db, regionId: number): Promise<number | null> {
  let rid: number | null = regionId;
  for (let guard = 0; rid !== null && guard < 16; guard++) {
    const o = await selectOne<{ id: number }>(
      db,
      sql`select id from orgs where region_id = ${rid} order by depth limit 1`,
    );
    if (o) return o.id;
    rid =
      (
        await selectOne<{ parentId: number | null }>(
          db,
          sql`select parent_id as parentId from regions where id = ${rid}`,
        )
      )?.parentId ?? null;
  }
  return null;
}

export async function audit(
  cx: Cx,
  entry: {
    action: string;
    entity: string;
    entityId: number | string | null;
    scopeOrgId: number | null;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await writeAudit(cx.db, {
    userId: cx.scope.userId,
    username: cx.scope.username,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    scopeOrgId: entry.scopeOrgId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export { isUniqueViolation } from "@liangxin/db/driver";
