/** User accounts: password hashing, creation (validated and audited), lookup. */
import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { isGrassroots, isManagement, type ManagementCategory, type OrgCategory } from "@liangxin/domain";
import { writeAudit, type DbOrTx } from "./audit.ts";
import type { Db } from "./driver/client.ts";
import { writeTransaction } from "./driver/query.ts";
import { hosts, orgs, users, type User } from "./schema.ts";

export const BCRYPT_COST = 10;

export const USER_ROLES = ["admin", "secretary", "owner"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Messages a user reads (zh-CN). */
export const userMessages = {
  usernameInvalid: (u: string) => `用户名只能由字母、数字、下划线、点或连字符组成,长度 2–32 位:${u}`,
  usernameTaken: (u: string) => `用户名已存在:${u}`,
  displayNameRequired: "姓名不能为空",
  passwordTooShort: (min: number) => `密码至少 ${min} 位`,
  roleInvalid: (r: string) => `角色不正确:${r}(应为 管理员、书记 或 出资人)`,
  orgRequired: (roleLabel: string) => `${roleLabel}账号必须指定所在党组织代码`,
  orgNotFound: (code: string) => `党组织不存在:${code}`,
  orgRevoked: (name: string) => `党组织已撤销:${name}`,
  adminNeedsManagementNode: (name: string) =>
    `管理员账号只能绑定管理单位(两新工委、乡镇(街道、园区)党(工)委、行业党委):${name} 是基层党组织`,
  secretaryNeedsGrassroots: (name: string) => `书记账号只能绑定基层党组织:${name} 是管理单位`,
  hostNotAllowed: "管理员、书记账号不绑定两新组织,请去掉统一社会信用代码",
  hostRequired: "出资人账号必须指定两新组织的统一社会信用代码",
  hostNotFound: (code: string) => `两新组织不存在:${code}`,
  orgNotAllowed: "出资人账号不绑定党组织,请去掉党组织代码",
} as const;

const ROLE_NAMES: Record<UserRole, string> = { admin: "管理员", secretary: "书记", owner: "出资人" };

const ADMIN_LABELS: Record<ManagementCategory, string> = {
  cityCommittee: "市级管理员",
  countyCommittee: "县级管理员",
  townshipCommittee: "乡镇(街道)管理员",
  parkCommittee: "园区管理员",
  industryCommittee: "行业党委管理员",
};

/** The Chinese label of a role, by the category of the organization the user is bound to. */
export function userRoleLabel(role: UserRole, orgCategory: OrgCategory | null): string {
  if (role === "owner") return "出资人";
  if (role === "secretary") return "党组织书记";
  return orgCategory && isManagement(orgCategory) ? ADMIN_LABELS[orgCategory] : "管理员";
}

export function hashPassword(password: string): string {
  return bcrypt.hashSync(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): boolean {
  try {
    return bcrypt.compareSync(password, hash);
  } catch {
    return false;
  }
}

/** The same check without blocking the event loop (for request handlers). */
export async function verifyPasswordAsync(password: string, hash: string): Promise<boolean> {
  try {
    return await bcrypt.compare(password, hash);
  } catch {
    return false;
  }
}

/**
 * The floor of `createUser`, which the demo seed and the command line use. The demo accounts' password
 * (Demo@2026, 9 characters) predates the rule for passwords being set (domain `passwordProblem`: 10+
 * characters, letters and digits), which the portal's forms and the command line's create-user apply.
 */
const CREATE_MIN_PASSWORD_LENGTH = 8;

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  role: UserRole;
  /** The organization an administrator (management node) or a secretary (grassroots organization) is bound to. */
  orgCode?: string;
  /** The host unit an owner is bound to. */
  hostCreditCode?: string;
}

export interface Actor {
  userId: number | null;
  username: string | null;
}

/** The actor of changes made by the system itself (seed, command line). */
export const SYSTEM_ACTOR: Actor = { userId: null, username: "system" };

/**
 * Create a user after validating the binding: an administrator needs an existing management node, a
 * secretary an existing grassroots organization, an owner an existing host. Throws an Error with a Chinese
 * message naming what is wrong. Writes an audit row in the same transaction. Returns the new user's id.
 */
export async function createUser(
  db: Db,
  input: CreateUserInput,
  actor: Actor = SYSTEM_ACTOR,
): Promise<number> {
  const username = input.username.trim();
  const displayName = input.displayName.trim();
  if (!/^[A-Za-z0-9_.-]{2,32}$/.test(username)) throw new Error(userMessages.usernameInvalid(input.username));
  if (!displayName) throw new Error(userMessages.displayNameRequired);
  if (input.password.length < CREATE_MIN_PASSWORD_LENGTH)
    throw new Error(userMessages.passwordTooShort(CREATE_MIN_PASSWORD_LENGTH));
  if (!(USER_ROLES as readonly string[]).includes(input.role))
    throw new Error(userMessages.roleInvalid(input.role));

  const orgCode = input.orgCode?.trim() || undefined;
  const hostCode = input.hostCreditCode?.trim().toUpperCase() || undefined;
  let orgId: number | null = null;
  let hostId: number | null = null;

  if (input.role === "owner") {
    if (orgCode) throw new Error(userMessages.orgNotAllowed);
    if (!hostCode) throw new Error(userMessages.hostRequired);
    const [host] = await db
      .select({ id: hosts.id })
      .from(hosts)
      .where(eq(hosts.creditCode, hostCode))
      .limit(1);
    if (!host) throw new Error(userMessages.hostNotFound(hostCode));
    hostId = host.id;
  } else {
    if (hostCode) throw new Error(userMessages.hostNotAllowed);
    if (!orgCode) throw new Error(userMessages.orgRequired(ROLE_NAMES[input.role]));
    const [org] = await db
      .select({ id: orgs.id, name: orgs.name, category: orgs.category, revokedOn: orgs.revokedOn })
      .from(orgs)
      .where(eq(orgs.code, orgCode))
      .limit(1);
    if (!org) throw new Error(userMessages.orgNotFound(orgCode));
    if (org.revokedOn) throw new Error(userMessages.orgRevoked(org.name));
    if (input.role === "admin" && !isManagement(org.category))
      throw new Error(userMessages.adminNeedsManagementNode(org.name));
    if (input.role === "secretary" && !isGrassroots(org.category))
      throw new Error(userMessages.secretaryNeedsGrassroots(org.name));
    orgId = org.id;
  }

  const passwordHash = hashPassword(input.password);
  return writeTransaction(db, async (tx) => {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, username))
      .limit(1);
    if (taken) throw new Error(userMessages.usernameTaken(username));
    const [row] = await tx
      .insert(users)
      .values({ username, displayName, passwordHash, role: input.role, orgId, hostId })
      .returning({ id: users.id });
    await writeAudit(tx, {
      userId: actor.userId,
      username: actor.username,
      action: "user.create",
      entity: "user",
      entityId: row!.id,
      scopeOrgId: orgId,
      before: null,
      after: { username, displayName, role: input.role, orgId, hostId },
    });
    return row!.id;
  });
}

export async function findUserByUsername(db: DbOrTx, username: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.username, username.trim())).limit(1);
  return user;
}
