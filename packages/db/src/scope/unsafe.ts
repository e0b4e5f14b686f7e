/**
 * Without a caller. The operator's command line runs as the system and sees the whole city; these
 * functions are named `unsafe…` so that a reader notices, and the API cannot import them (ESLint).
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../driver/client.ts";
import { orgs } from "../schema.ts";
import type { Scope } from "./load.ts";
import { nodeOf } from "./node.ts";

export const unsafeMessages = {
  noRootNode: "数据库中没有市级两新工委(最上级管理单位),请先载入数据",
} as const;

/** An administrator's scope of this management node, as the system (no user). */
function systemScopeOf(node: Pick<Scope, "org" | "region">): Scope {
  return {
    userId: 0,
    username: "system",
    displayName: "系统",
    role: "admin",
    mustChangePassword: false,
    ...node,
    host: null,
  };
}

/** The city's top node as an administrator's scope: everything (the command line, as the system). */
export async function unsafeSystemScope(db: Db): Promise<Scope> {
  const root = await nodeOf(db, and(isNull(orgs.parentId), eq(orgs.category, "cityCommittee")));
  if (!root) throw new Error(unsafeMessages.noRootNode);
  return systemScopeOf(root);
}

/** The scope of the management node with this 组织代码 (the whole city when none is given), as the system. */
export async function unsafeNodeScope(db: Db, code?: string | null): Promise<Scope | null> {
  if (!code) return unsafeSystemScope(db);
  const node = await nodeOf(db, eq(orgs.code, code));
  return node ? systemScopeOf(node) : null;
}
