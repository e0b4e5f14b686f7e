import { eq } from "drizzle-orm";
import type { Db } from "../driver/client.ts";
import { hosts, orgs, users } from "../schema.ts";
import { nodeOf } from "./node.ts";

export type Role = "admin" | "secretary" | "owner";

/**
 * What a caller may touch, loaded from the database on every request (never trusted from the token).
 * Administrators and secretaries are bound to an organization (its subordination subtree, and for a
 * management node with a territory, the region subtree); an owner is bound to one host unit.
 */
export interface Scope {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  /** An administrator chose the password: nothing but setting a new one until then. */
  mustChangePassword: boolean;
  org: { id: number; code: string; name: string; category: string; path: string } | null;
  region: { id: number; code: string; name: string; level: string; path: string } | null;
  host: { id: number; name: string; creditCode: string } | null;
}

/** The caller's scope, or null when the user is missing, disabled or bound to nothing that exists. */
export async function loadScope(db: Db, userId: number): Promise<Scope | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.disabled) return null;
  const base = {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
  };
  if (user.role === "owner") {
    if (user.hostId == null) return null;
    const [host] = await db
      .select({ id: hosts.id, name: hosts.name, creditCode: hosts.creditCode })
      .from(hosts)
      .where(eq(hosts.id, user.hostId))
      .limit(1);
    return host ? { ...base, org: null, region: null, host } : null;
  }
  if (user.orgId == null) return null;
  const node = await nodeOf(db, eq(orgs.id, user.orgId));
  return node ? { ...base, ...node, host: null } : null;
}
