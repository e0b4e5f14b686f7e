/**
 * Foreign keys through scope. A host, organization or member a caller names by id in a write (a member's
 * workplace, an instructor's dispatcher, a transfer's receiver, a dual link's regional organization, …)
 * must be in the caller's sets, as fits the field — else it does not exist for the caller, and the write
 * answers exactly as for a missing id (neither the answer nor what the record shows afterwards tells that
 * the id exists elsewhere).
 *
 * The one exception, for work across a boundary: a record given by its exact key — a host by its
 * 统一社会信用代码, an organization by its 组织代码 — is found anywhere in the city (what the person on the
 * other side wrote on the letter). It yields the id and the name only, and whoever resolves it audits the
 * lookup (`host.lookup`, `org.lookup`).
 */
import { and, eq, gt, isNull, lte, or } from "drizzle-orm";
import type { Db } from "../driver/client.ts";
import { hosts, orgs } from "../schema.ts";
import { hostAccess, memberAccess, orgAccess } from "./access.ts";
import type { Scope } from "./load.ts";

/** Which of the caller's sets a reference may point into: the editable set, or any it sees (editable or reference). */
export type RefSet = "editable" | "visible";

const allows = (access: string | null, set: RefSet) =>
  access !== null && (set === "visible" || access === "edit");

/** Whether a host id may be referenced by the caller (an owner references nothing). */
export async function refersToHost(
  db: Db,
  scope: Scope,
  hostId: number,
  today: string,
  set: RefSet,
): Promise<boolean> {
  if (!scope.org) return false;
  return allows(await hostAccess(db, scope, hostId, today), set);
}

/** Whether an organization id may be referenced by the caller. */
export async function refersToOrg(
  db: Db,
  scope: Scope,
  orgId: number,
  today: string,
  set: RefSet,
): Promise<boolean> {
  return allows(await orgAccess(db, scope, orgId, today), set);
}

/** Whether a member id may be referenced by the caller (`visible` includes the counted-only members). */
export async function refersToMember(
  db: Db,
  scope: Scope,
  memberId: number,
  today: string,
  set: RefSet,
): Promise<boolean> {
  return allows(await memberAccess(db, scope, memberId, today), set);
}

export interface HostByKey {
  id: number;
  name: string;
  creditCode: string;
}

/** An operating host anywhere in the city by its exact 统一社会信用代码 (the exception above), or null. */
export async function hostByExactKey(db: Db, creditCode: string, today: string): Promise<HostByKey | null> {
  const code = creditCode.trim().toUpperCase();
  const [row] = await db
    .select({ id: hosts.id, name: hosts.name, creditCode: hosts.creditCode })
    .from(hosts)
    .where(
      and(
        eq(hosts.creditCode, code),
        lte(hosts.foundedOn, today),
        or(isNull(hosts.closedOn), gt(hosts.closedOn, today)),
      ),
    )
    .limit(1);
  return row ?? null;
}

export interface OrgByKey {
  id: number;
  code: string;
  name: string;
  category: string;
  formationMode: string | null;
}

/** An organization in force anywhere in the city by its exact 组织代码 (the exception above), or null. */
export async function orgByExactKey(db: Db, code: string, today: string): Promise<OrgByKey | null> {
  const [row] = await db
    .select({
      id: orgs.id,
      code: orgs.code,
      name: orgs.name,
      category: orgs.category,
      formationMode: orgs.formationMode,
    })
    .from(orgs)
    .where(
      and(
        eq(orgs.code, code.trim()),
        lte(orgs.foundedOn, today),
        or(isNull(orgs.revokedOn), gt(orgs.revokedOn, today)),
      ),
    )
    .limit(1);
  return row ?? null;
}
