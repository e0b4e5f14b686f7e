/**
 * Without a caller. The operator's command line runs as the system and sees the whole city; these
 * functions are named `unsafe…` so that a reader notices, and the API cannot import them (ESLint).
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../driver/client.ts";
import { orgs, regions } from "../schema.ts";
import type { Scope } from "./load.ts";

export const unsafeMessages = {
  noRootNode: "数据库中没有市级两新工委(最上级管理单位),请先载入数据",
} as const;

type OrgRow = NonNullable<Scope["org"]> & { regionId: number | null };
const ORG_COLUMNS = {
  id: orgs.id,
  code: orgs.code,
  name: orgs.name,
  category: orgs.category,
  path: orgs.path,
  regionId: orgs.regionId,
};

/** An administrator's scope of this management node, as the system (no user). */
function systemScopeOf(db: Db, row: OrgRow): Scope {
  const { regionId, ...org } = row;
  const region =
    regionId === null
      ? null
      : (db
          .select({
            id: regions.id,
            code: regions.code,
            name: regions.name,
            level: regions.level,
            path: regions.path,
          })
          .from(regions)
          .where(eq(regions.id, regionId))
          .get() ?? null);
  return {
    userId: 0,
    username: "system",
    displayName: "系统",
    role: "admin",
    mustChangePassword: false,
    org,
    region,
    host: null,
  };
}

/** The city's top node as an administrator's scope: everything (the command line, as the system). */
export function unsafeSystemScope(db: Db): Scope {
  const root = db
    .select(ORG_COLUMNS)
    .from(orgs)
    .where(and(isNull(orgs.parentId), eq(orgs.category, "cityCommittee")))
    .orderBy(asc(orgs.id))
    .limit(1)
    .get();
  if (!root) throw new Error(unsafeMessages.noRootNode);
  return systemScopeOf(db, root);
}

/** The scope of the management node with this 组织代码 (the whole city when none is given), as the system. */
export function unsafeNodeScope(db: Db, code?: string | null): Scope | null {
  if (!code) return unsafeSystemScope(db);
  const org = db.select(ORG_COLUMNS).from(orgs).where(eq(orgs.code, code)).get();
  return org ? systemScopeOf(db, org) : null;
}
