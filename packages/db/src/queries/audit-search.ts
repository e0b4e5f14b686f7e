/**
 * The audit log within an administrator's scope: entries whose scope organization is in the subtree,
 * and entries of owners of hosts in the territory.
 */
import { addDays, chinaDayStartIso, maskCitizenIdsIn } from "@liangxin/domain";
import { sql, type SQL } from "drizzle-orm";
import type { Cx } from "../cx.ts";
import { selectAll, selectValue } from "../driver/query.ts";
import { scopeSql } from "../scope/index.ts";
import { likeParam, limitOffset, type Page, type PageInput } from "./common.ts";

export interface AuditFilter extends PageInput {
  username?: string;
  action?: string;
  /** ISO dates, inclusive. */
  from?: string;
  to?: string;
}

export interface AuditRow {
  id: number;
  at: string;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
}

/** The entries within the caller's scope matching `filter`, a page of them; null for a non-administrator. */
export async function searchAudit(cx: Cx, filter: AuditFilter): Promise<Page<AuditRow> | null> {
  const { db, scope } = cx;
  if (scope.role !== "admin" || !scope.org) return null;
  const { within } = scopeSql(scope, "");
  const where: SQL[] = [
    sql`(exists(select 1 from orgs o where o.id = a.scope_org_id and ${within.subtree("o")})
      or exists(select 1 from users u join hosts h on h.id = u.host_id join regions r on r.id = h.region_id
                where u.id = a.user_id and ${within.territory("r")}))`,
  ];
  if (filter.username?.trim())
    where.push(sql`a.username like ${likeParam(filter.username.trim())} escape '\\'`);
  if (filter.action?.trim()) where.push(sql`a.action like ${likeParam(filter.action.trim())} escape '\\'`);
  // Timestamps are stored in UTC; the days the user picks are days in China.
  if (filter.from) where.push(sql`a.at >= ${chinaDayStartIso(filter.from)}`);
  if (filter.to) where.push(sql`a.at < ${chinaDayStartIso(addDays(filter.to, 1))}`);
  const cond = sql.join(where, sql` and `);
  const { limit, offset } = limitOffset(filter);
  const total = (await selectValue<number>(db, sql`select count(*) from audit_log a where ${cond}`))!;
  const raw = await selectAll<AuditRow>(
    db,
    sql`select a.id, a.at, a.username, a.action, a.entity, a.entity_id as entityId, a.before, a.after
        from audit_log a where ${cond} order by a.id desc limit ${limit} offset ${offset}`,
  );
  const rows = raw.map((r) => ({
    ...r,
    entityId: r.entityId === null ? null : (maskCitizenIdsIn(r.entityId) as string),
    before: maskedJson(r.before),
    after: maskedJson(r.after),
  }));
  return { rows, total, page: Math.floor(offset / limit) + 1, pageSize: limit };
}

/**
 * The before/after of an entry as the search answers it: stored in full (the trail of a corrected
 * citizen ID), shown with every citizen ID masked (the full one only through the audited reveal).
 */
function maskedJson(text: string | null): string | null {
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return maskCitizenIdsIn(text) as string;
  }
  return JSON.stringify(maskCitizenIdsIn(parsed));
}
