/**
 * User management within an administrator's subtree: administrators of management nodes below,
 * secretaries of grassroots organizations of the subtree, owners of hosts of the territory. Every change
 * is audited in its transaction; users outside do not exist for the caller.
 */
import { clock, isGrassroots, isManagement, type OrgCategory } from "@liangxin/domain";
import { writeAudit } from "../audit.ts";
import type { Db } from "../client.ts";
import type { Scope } from "../scope/index.ts";
import { hashPassword, MIN_PASSWORD_LENGTH, userMessages, userRoleLabel, verifyPassword } from "../users.ts";
import { likeParam, limitOffset, type Page, type PageInput } from "./common.ts";
import { territoryNodeOf } from "./hosts.ts";
import { scopeBindings, within } from "../scope/index.ts";

export const userAdminMessages = {
  cannotTouchSelf: "不能停用或重置自己的账号,请使用“账号与密码”页面修改密码",
  adminOrgNotBelow: "管理员账号只能绑定本级以下的管理单位",
  secretaryOrgNotInScope: "书记账号只能绑定本辖区内的基层党组织",
  hostNotInTerritory: "出资人账号只能绑定本辖区内的两新组织",
  oldPasswordWrong: "原密码不正确",
  samePassword: "新密码不能与原密码相同",
} as const;

export class UserAdminError extends Error {
  constructor(
    readonly kind: "notFound" | "badInput" | "conflict" | "forbidden",
    message: string,
  ) {
    super(message);
  }
}

export interface ManagedUserRow {
  id: number;
  username: string;
  displayName: string;
  role: "admin" | "secretary" | "owner";
  roleLabel: string;
  boundTo: string;
  disabled: boolean;
  lockedUntil: string | null;
  failedLogins: number;
  isSelf: boolean;
}

const MANAGED = `(exists(select 1 from orgs o where o.id = u.org_id and ${within.subtree("o")})
  or exists(select 1 from hosts h join regions r on r.id = h.region_id where h.id = u.host_id and ${within.territory("r")}))`;

export interface UserListFilter extends PageInput {
  q?: string;
}

/** Users bound within the caller's subtree or territory (the caller included, not editable). */
export function listManagedUsers(
  db: Db,
  scope: Scope,
  filter: UserListFilter,
  now: Date = clock.now(),
): Page<ManagedUserRow> | null {
  if (scope.role !== "admin" || !scope.org) return null;
  const params: Record<string, unknown> = { ...scopeBindings(scope, "") };
  const where = [MANAGED];
  if (filter.q?.trim()) {
    where.push(`(u.username like @q escape '\\' or u.display_name like @q escape '\\')`);
    params.q = likeParam(filter.q.trim());
  }
  const cond = where.join(" and ");
  const { limit, offset } = limitOffset(filter);
  const total = db.$client
    .prepare(`select count(*) from users u where ${cond}`)
    .pluck()
    .get(params) as number;
  const raw = db.$client
    .prepare(
      `select u.id, u.username, u.display_name as displayName, u.role, o.category, coalesce(o.name, h.name, '') as boundTo,
         u.disabled, u.locked_until as lockedUntil, u.failed_logins as failedLogins
       from users u left join orgs o on o.id = u.org_id left join hosts h on h.id = u.host_id
       where ${cond} order by coalesce(o.path, 'zzz'), u.username limit @limit offset @offset`,
    )
    .all({ ...params, limit, offset }) as (Omit<ManagedUserRow, "roleLabel" | "disabled" | "isSelf"> & {
    category: OrgCategory | null;
    disabled: number;
  })[];
  const nowIso = now.toISOString();
  const rows = raw.map(({ category, disabled, lockedUntil, ...r }) => ({
    ...r,
    roleLabel: userRoleLabel(r.role, category),
    disabled: disabled === 1,
    // A lock that has run out is no lock.
    lockedUntil: lockedUntil && lockedUntil > nowIso ? lockedUntil : null,
    isSelf: r.id === scope.userId,
  }));
  return { rows, total, page: Math.floor(offset / limit) + 1, pageSize: limit };
}

interface TargetUser {
  id: number;
  username: string;
  orgId: number | null;
  hostId: number | null;
  disabled: number;
  lockedUntil: string | null;
  scopeOrgId: number | null;
}

/** A user the caller manages (not the caller), else throws notFound / forbidden. */
function managedTarget(db: Db, scope: Scope, userId: number): TargetUser {
  if (scope.role !== "admin" || !scope.org) throw new UserAdminError("notFound", "");
  const u = db.$client
    .prepare(
      `select u.id, u.username, u.org_id as orgId, u.host_id as hostId, u.disabled, u.locked_until as lockedUntil
       from users u where u.id = @userId and ${MANAGED}`,
    )
    .get({ ...scopeBindings(scope, ""), userId }) as Omit<TargetUser, "scopeOrgId"> | undefined;
  if (!u) throw new UserAdminError("notFound", "");
  if (u.id === scope.userId) throw new UserAdminError("forbidden", userAdminMessages.cannotTouchSelf);
  const hostRegion =
    u.hostId === null
      ? null
      : (db.$client.prepare("select region_id from hosts where id = ?").pluck().get(u.hostId) as number);
  return { ...u, scopeOrgId: u.orgId ?? (hostRegion === null ? null : territoryNodeOf(db, hostRegion)) };
}

export interface NewUserInput {
  username: string;
  displayName: string;
  password: string;
  role: "admin" | "secretary" | "owner";
  orgId?: number;
  hostId?: number;
  /** An owner's host may be named by its credit code instead of its id. */
  hostCreditCode?: string;
}

/** Create a user bound within the caller's area. Returns the new id. */
export function createManagedUser(db: Db, scope: Scope, input: NewUserInput): number {
  if (scope.role !== "admin" || !scope.org) throw new UserAdminError("notFound", "");
  const p = scopeBindings(scope, "");
  const username = input.username.trim();
  const displayName = input.displayName.trim();
  if (!/^[A-Za-z0-9_.-]{2,32}$/.test(username))
    throw new UserAdminError("badInput", userMessages.usernameInvalid(input.username));
  if (!displayName) throw new UserAdminError("badInput", userMessages.displayNameRequired);
  if (input.password.length < MIN_PASSWORD_LENGTH)
    throw new UserAdminError("badInput", userMessages.passwordTooShort(MIN_PASSWORD_LENGTH));
  let orgId: number | null = null;
  let hostId: number | null = null;
  let scopeOrgId: number | null;
  if (input.role === "owner") {
    const code = input.hostCreditCode?.trim().toUpperCase() || null;
    const h =
      input.hostId === undefined && code === null
        ? undefined
        : (db.$client
            .prepare(
              `select h.id, h.region_id as regionId from hosts h join regions r on r.id = h.region_id
               where (h.id = @hostId or h.credit_code = @code) and ${within.territory("r")}`,
            )
            .get({ ...p, hostId: input.hostId ?? -1, code }) as { id: number; regionId: number } | undefined);
    // A host outside the territory does not exist for the caller.
    if (!h) throw new UserAdminError("notFound", userAdminMessages.hostNotInTerritory);
    hostId = h.id;
    scopeOrgId = territoryNodeOf(db, h.regionId);
  } else {
    const o =
      input.orgId === undefined
        ? undefined
        : (db.$client
            .prepare(
              `select o.id, o.category, o.revoked_on as revokedOn, o.name from orgs o
         where o.id = @orgId and ${within.subtree("o")}`,
            )
            .get({ ...p, orgId: input.orgId }) as
            { id: number; category: OrgCategory; revokedOn: string | null; name: string } | undefined);
    // An organization outside the subtree does not exist for the caller.
    if (!o) throw new UserAdminError("notFound", userAdminMessages.secretaryOrgNotInScope);
    if (input.role === "admin" && (o.id === scope.org.id || !isManagement(o.category)))
      throw new UserAdminError("badInput", userAdminMessages.adminOrgNotBelow);
    if (input.role === "secretary" && !isGrassroots(o.category))
      throw new UserAdminError("badInput", userAdminMessages.secretaryOrgNotInScope);
    if (o.revokedOn) throw new UserAdminError("badInput", userMessages.orgRevoked(o.name));
    orgId = o.id;
    scopeOrgId = o.id;
  }
  const passwordHash = hashPassword(input.password);
  return db.transaction((tx) => {
    const taken = db.$client.prepare("select 1 from users where username = ?").get(username);
    if (taken) throw new UserAdminError("conflict", userMessages.usernameTaken(username));
    const id = db.$client
      .prepare(
        `insert into users (username, display_name, password_hash, role, org_id, host_id, created_at)
         values (?, ?, ?, ?, ?, ?, ?) returning id`,
      )
      .pluck()
      .get(username, displayName, passwordHash, input.role, orgId, hostId, clock.nowIso()) as number;
    writeAudit(tx, {
      userId: scope.userId,
      username: scope.username,
      action: "user.create",
      entity: "user",
      entityId: id,
      scopeOrgId,
      before: null,
      after: { username, displayName, role: input.role, orgId, hostId },
    });
    return id;
  });
}

/** Disable or enable a managed user. */
export function setManagedUserDisabled(db: Db, scope: Scope, userId: number, disabled: boolean): void {
  const u = managedTarget(db, scope, userId);
  db.transaction((tx) => {
    db.$client.prepare("update users set disabled = ? where id = ?").run(disabled ? 1 : 0, u.id);
    writeAudit(tx, {
      userId: scope.userId,
      username: scope.username,
      action: disabled ? "user.disable" : "user.enable",
      entity: "user",
      entityId: u.id,
      scopeOrgId: u.scopeOrgId,
      before: { disabled: u.disabled === 1 },
      after: { disabled },
    });
  });
}

/** Set a new password for a managed user; clears a lock. */
export function resetManagedUserPassword(db: Db, scope: Scope, userId: number, password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new UserAdminError("badInput", userMessages.passwordTooShort(MIN_PASSWORD_LENGTH));
  const u = managedTarget(db, scope, userId);
  const hash = hashPassword(password);
  db.transaction((tx) => {
    db.$client
      .prepare(
        "update users set password_hash = ?, failed_logins = 0, locked_until = null, password_changed_at = ? where id = ?",
      )
      .run(hash, clock.nowIso(), u.id);
    writeAudit(tx, {
      userId: scope.userId,
      username: scope.username,
      action: "user.resetPassword",
      entity: "user",
      entityId: u.id,
      scopeOrgId: u.scopeOrgId,
      before: null,
      after: { passwordReset: true },
    });
  });
}

/** Lift the lock of a managed user (after five failed logins). */
export function unlockManagedUser(db: Db, scope: Scope, userId: number): void {
  const u = managedTarget(db, scope, userId);
  db.transaction((tx) => {
    db.$client.prepare("update users set failed_logins = 0, locked_until = null where id = ?").run(u.id);
    writeAudit(tx, {
      userId: scope.userId,
      username: scope.username,
      action: "user.unlock",
      entity: "user",
      entityId: u.id,
      scopeOrgId: u.scopeOrgId,
      before: { lockedUntil: u.lockedUntil },
      after: { lockedUntil: null },
    });
  });
}

/** The signed-in user changes their own password: the old one is required. */
export function changeOwnPassword(db: Db, scope: Scope, oldPassword: string, newPassword: string): void {
  const u = db.$client
    .prepare("select id, password_hash as hash, org_id as orgId, host_id as hostId from users where id = ?")
    .get(scope.userId) as
    { id: number; hash: string; orgId: number | null; hostId: number | null } | undefined;
  if (!u) throw new UserAdminError("notFound", "");
  if (!verifyPassword(oldPassword, u.hash))
    throw new UserAdminError("badInput", userAdminMessages.oldPasswordWrong);
  if (newPassword.length < MIN_PASSWORD_LENGTH)
    throw new UserAdminError("badInput", userMessages.passwordTooShort(MIN_PASSWORD_LENGTH));
  if (oldPassword === newPassword) throw new UserAdminError("badInput", userAdminMessages.samePassword);
  const hostRegion =
    u.hostId === null
      ? null
      : (db.$client.prepare("select region_id from hosts where id = ?").pluck().get(u.hostId) as number);
  const scopeOrgId = u.orgId ?? (hostRegion === null ? null : territoryNodeOf(db, hostRegion));
  const hash = hashPassword(newPassword);
  db.transaction((tx) => {
    db.$client
      .prepare("update users set password_hash = ?, password_changed_at = ? where id = ?")
      .run(hash, clock.nowIso(), u.id);
    writeAudit(tx, {
      userId: scope.userId,
      username: scope.username,
      action: "user.changePassword",
      entity: "user",
      entityId: u.id,
      scopeOrgId,
      before: null,
      after: { passwordChanged: true },
    });
  });
}

/** Organizations and hosts a new user may be bound to (for the creation form). */
export function bindableTargets(db: Db, scope: Scope, today: string) {
  if (scope.role !== "admin" || !scope.org) return null;
  const p = scopeBindings(scope, today);
  const orgs = db.$client
    .prepare(
      `select o.id, o.name, o.category from orgs o where ${within.subtree("o")} and o.revoked_on is null
       order by o.depth, o.code limit 500`,
    )
    .all(p) as { id: number; name: string; category: OrgCategory }[];
  return {
    adminOrgs: orgs.filter((o) => o.id !== scope.org!.id && isManagement(o.category)),
    secretaryOrgs: orgs.filter((o) => isGrassroots(o.category)),
  };
}
