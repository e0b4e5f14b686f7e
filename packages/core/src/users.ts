/**
 * User management within an administrator's subtree: administrators of management nodes below,
 * secretaries of grassroots organizations of the subtree, owners of hosts of the territory. Every change
 * is audited in its transaction; users outside do not exist for the caller.
 */
import {
  AppError,
  clock,
  isGrassroots,
  isManagement,
  passwordProblem,
  type OrgCategory,
} from "@liangxin/domain";
import { sql, type SQL } from "drizzle-orm";
import { writeAudit, type DbOrTx } from "@liangxin/db/audit";
import type { Cx } from "@liangxin/db/cx";
import { type Db, execute, selectAll, selectOne, selectValue, writeTransaction } from "@liangxin/db/driver";
import { type Scope, scopeSql } from "@liangxin/db/scope";
import {
  endOneSession,
  endUserSessions,
  liveSessionsOf,
  type SessionRow,
  throttledCheck,
  waitMinutes,
  hashPassword,
  userMessages,
  userRoleLabel,
  verifyPasswordAsync,
} from "@liangxin/db/auth";
import { likeParam, limitOffset, type Page, type PageInput, territoryNodeOf } from "@liangxin/db/queries";

export const userAdminMessages = {
  cannotTouchSelf: "不能停用或重置自己的账号,请使用“账号与密码”页面修改密码",
  adminOrgNotBelow: "管理员账号只能绑定本级以下的管理单位",
  secretaryOrgNotInScope: "书记账号只能绑定本辖区内的基层党组织",
  oldPasswordWrong: "原密码不正确",
  samePassword: "新密码不能与原密码相同",
  throttled: (minutes: number) => `原密码错误次数过多,请 ${minutes} 分钟后再试`,
} as const;

export interface ManagedUserRow {
  id: number;
  username: string;
  displayName: string;
  role: "admin" | "secretary" | "owner";
  roleLabel: string;
  boundTo: string;
  disabled: boolean;
  isSelf: boolean;
}

/**
 * Users the caller manages: bound to an organization strictly below its own node (a peer administrator of
 * the same node, or a superior, does not exist for it), or owners of a host of its territory.
 */
function managed(scope: Scope & { org: NonNullable<Scope["org"]> }): SQL {
  const { within } = scopeSql(scope, "");
  return sql`(exists(select 1 from orgs o where o.id = u.org_id and ${within.subtree("o")} and o.id <> ${scope.org.id})
  or exists(select 1 from hosts h join regions r on r.id = h.region_id where h.id = u.host_id and ${within.territory("r")}))`;
}

/** The region of a host. */
async function regionOfHost(db: Db, hostId: number): Promise<number> {
  return (await selectValue<number>(db, sql`select region_id from hosts where id = ${hostId}`))!;
}

export interface UserListFilter extends PageInput {
  q?: string;
}

/** Users the caller (`cx`, an administrator; null for anyone else) manages, and the caller itself (not editable). */
export async function listManagedUsers(cx: Cx, filter: UserListFilter): Promise<Page<ManagedUserRow> | null> {
  const { db, scope } = cx;
  if (scope.role !== "admin" || !scope.org) return null;
  const where = [sql`(${managed({ ...scope, org: scope.org })} or u.id = ${scope.userId})`];
  if (filter.q?.trim()) {
    const q = likeParam(filter.q.trim());
    where.push(sql`(u.username like ${q} escape '\\' or u.display_name like ${q} escape '\\')`);
  }
  const cond = sql.join(where, sql` and `);
  const { limit, offset } = limitOffset(filter);
  const total = (await selectValue<number>(db, sql`select count(*) from users u where ${cond}`))!;
  const raw = await selectAll<
    Omit<ManagedUserRow, "roleLabel" | "disabled" | "isSelf"> & {
      category: OrgCategory | null;
      disabled: number;
    }
  >(
    db,
    sql`select u.id, u.username, u.display_name as displayName, u.role, o.category, coalesce(o.name, h.name, '') as boundTo,
         u.disabled
       from users u left join orgs o on o.id = u.org_id left join hosts h on h.id = u.host_id
       where ${cond} order by coalesce(o.path, 'zzz'), u.username limit ${limit} offset ${offset}`,
  );
  const rows = raw.map(({ category, disabled, ...r }) => ({
    ...r,
    roleLabel: userRoleLabel(r.role, category),
    disabled: disabled === 1,
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
  scopeOrgId: number | null;
}

/**
 * A user the caller manages, else throws notFound (forbidden, with a hint to 账号与密码, for the caller's
 * own account).
 */
async function managedTarget(db: Db, scope: Scope, userId: number): Promise<TargetUser> {
  if (scope.role !== "admin" || !scope.org) throw AppError.notFound();
  if (userId === scope.userId) throw new AppError("FORBIDDEN", userAdminMessages.cannotTouchSelf);
  const u = await selectOne<Omit<TargetUser, "scopeOrgId">>(
    db,
    sql`select u.id, u.username, u.org_id as orgId, u.host_id as hostId, u.disabled
       from users u where u.id = ${userId} and ${managed({ ...scope, org: scope.org })}`,
  );
  if (!u) throw AppError.notFound();
  const hostRegion = u.hostId === null ? null : await regionOfHost(db, u.hostId);
  return {
    ...u,
    scopeOrgId: u.orgId ?? (hostRegion === null ? null : await territoryNodeOf(db, hostRegion)),
  };
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

/**
 * Create a user bound within the area of the caller (`cx`, an administrator), who must choose a password at
 * the first sign-in. Returns its id.
 */
export async function createManagedUser(cx: Cx, input: NewUserInput): Promise<number> {
  const { db, scope } = cx;
  if (scope.role !== "admin" || !scope.org) throw AppError.notFound();
  const { within } = scopeSql(scope, "");
  const username = input.username.trim();
  const displayName = input.displayName.trim();
  if (!/^[A-Za-z0-9_.-]{2,32}$/.test(username))
    throw new AppError("BAD_INPUT", userMessages.usernameInvalid(input.username));
  if (!displayName) throw new AppError("BAD_INPUT", userMessages.displayNameRequired);
  const weak = passwordProblem(input.password);
  if (weak) throw new AppError("BAD_INPUT", weak);
  let orgId: number | null = null;
  let hostId: number | null = null;
  let scopeOrgId: number | null;
  if (input.role === "owner") {
    const code = input.hostCreditCode?.trim().toUpperCase() || null;
    const h =
      input.hostId === undefined && code === null
        ? undefined
        : await selectOne<{ id: number; regionId: number }>(
            db,
            sql`select h.id, h.region_id as regionId from hosts h join regions r on r.id = h.region_id
               where (h.id = ${input.hostId ?? -1} or h.credit_code = ${code}) and ${within.territory("r")}`,
          );
    // A host outside the territory does not exist for the caller.
    if (!h) throw AppError.notFound("host");
    hostId = h.id;
    scopeOrgId = await territoryNodeOf(db, h.regionId);
  } else {
    const o =
      input.orgId === undefined
        ? undefined
        : await selectOne<{ id: number; category: OrgCategory; revokedOn: string | null; name: string }>(
            db,
            sql`select o.id, o.category, o.revoked_on as revokedOn, o.name from orgs o
               where o.id = ${input.orgId} and ${within.subtree("o")}`,
          );
    // An organization outside the subtree does not exist for the caller.
    if (!o) throw AppError.notFound("org");
    if (input.role === "admin" && (o.id === scope.org.id || !isManagement(o.category)))
      throw new AppError("BAD_INPUT", userAdminMessages.adminOrgNotBelow);
    if (input.role === "secretary" && !isGrassroots(o.category))
      throw new AppError("BAD_INPUT", userAdminMessages.secretaryOrgNotInScope);
    if (o.revokedOn) throw new AppError("BAD_INPUT", userMessages.orgRevoked(o.name));
    orgId = o.id;
    scopeOrgId = o.id;
  }
  const passwordHash = hashPassword(input.password);
  return writeTransaction(db, async (tx) => {
    const taken = await selectOne(db, sql`select 1 from users where username = ${username}`);
    if (taken) throw new AppError("CONFLICT", userMessages.usernameTaken(username));
    const id = (await selectValue<number>(
      db,
      sql`insert into users (username, display_name, password_hash, role, org_id, host_id, must_change_password, created_at)
         values (${username}, ${displayName}, ${passwordHash}, ${input.role}, ${orgId}, ${hostId}, true, ${clock.nowIso()})
         returning id`,
    ))!;
    await writeAudit(tx, {
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

/** Disable or enable a user the caller (`cx`) manages. */
export async function setManagedUserDisabled(
  cx: Cx,
  input: { userId: number; disabled: boolean },
): Promise<void> {
  const { db, scope } = cx;
  const { disabled } = input;
  const u = await managedTarget(db, scope, input.userId);
  await writeTransaction(db, async (tx) => {
    await execute(db, sql`update users set disabled = ${disabled ? 1 : 0} where id = ${u.id}`);
    // A disabled account keeps no session.
    const sessionsEnded = disabled ? await endUserSessions(tx, u.id) : 0;
    await writeAudit(tx, {
      userId: scope.userId,
      username: scope.username,
      action: disabled ? "user.disable" : "user.enable",
      entity: "user",
      entityId: u.id,
      scopeOrgId: u.scopeOrgId,
      before: { disabled: u.disabled === 1 },
      after: { disabled, ...(disabled ? { sessionsEnded } : {}) },
    });
  });
}

/**
 * Set a new password for a managed user: every session of the user ends, and the user must choose a
 * password of their own at the next sign-in. (Whether it equals the current one is not checked: that
 * would tell the administrator the user's password.) `cx`: the caller; `input.now`: the moment of the change
 * (default: the clock's now).
 */
export async function resetManagedUserPassword(
  cx: Cx,
  input: { userId: number; password: string; now?: Date | undefined },
): Promise<void> {
  const { db, scope } = cx;
  const { password, now = clock.now() } = input;
  const weak = passwordProblem(password);
  if (weak) throw new AppError("BAD_INPUT", weak);
  const u = await managedTarget(db, scope, input.userId);
  const hash = hashPassword(password);
  await writeTransaction(db, async (tx) => {
    await execute(
      db,
      sql`update users set password_hash = ${hash}, password_changed_at = ${now.toISOString()}, must_change_password = true
          where id = ${u.id}`,
    );
    const sessionsEnded = await endUserSessions(tx, u.id);
    await writeAudit(tx, {
      userId: scope.userId,
      username: scope.username,
      action: "user.resetPassword",
      entity: "user",
      entityId: u.id,
      scopeOrgId: u.scopeOrgId,
      before: null,
      after: { passwordReset: true, sessionsEnded },
    });
  });
}

export interface ManagedUserSessions {
  user: { id: number; username: string; displayName: string };
  sessions: SessionRow[];
}

/**
 * The live sessions (at `input.now`) of a user the caller (`cx`) manages (created, last seen, user agent,
 * address).
 */
export async function listManagedUserSessions(
  cx: Cx,
  input: { userId: number; now: Date },
): Promise<ManagedUserSessions> {
  const { db, scope } = cx;
  const { now } = input;
  const u = await managedTarget(db, scope, input.userId);
  const displayName = (await selectValue<string>(
    db,
    sql`select display_name from users where id = ${u.id}`,
  ))!;
  return {
    user: { id: u.id, username: u.username, displayName },
    sessions: await liveSessionsOf(db, u.id, now),
  };
}

/** End one session of a user the caller (`cx`) manages: that browser is signed out at its next request. */
export async function endManagedUserSession(
  cx: Cx,
  input: { userId: number; sessionId: number },
): Promise<void> {
  const { db, scope } = cx;
  const { sessionId } = input;
  const u = await managedTarget(db, scope, input.userId);
  await writeTransaction(db, async (tx) => {
    if (!(await endOneSession(tx, u.id, sessionId))) throw AppError.notFound();
    await writeAudit(tx, {
      userId: scope.userId,
      username: scope.username,
      action: "session.end",
      entity: "user",
      entityId: u.id,
      scopeOrgId: u.scopeOrgId,
      before: { sessionId },
      after: null,
    });
  });
}

export interface PasswordChange {
  oldPassword: string;
  newPassword: string;
  /** The client's address: wrong old passwords count toward the sign-in throttle of this address. */
  clientAddress: string;
  /** The moment of the change (default: the clock's now). */
  now?: Date | undefined;
}

/**
 * The signed-in user changes their own password: the old one is required. The new one is checked first
 * (no old password is tried for an unusable new one); the old one is checked through the sign-in throttle
 * of the user's name and the client's address, so that a stolen session cannot guess it forever. `cx`: the
 * signed-in caller.
 */
export async function changeOwnPassword(cx: Cx, change: PasswordChange): Promise<void> {
  const { db, scope } = cx;
  const { oldPassword, newPassword, clientAddress, now = clock.now() } = change;
  const u = await selectOne<{ id: number; hash: string; orgId: number | null; hostId: number | null }>(
    db,
    sql`select id, password_hash as hash, org_id as orgId, host_id as hostId from users where id = ${scope.userId}`,
  );
  if (!u) throw AppError.notFound();
  const weak = passwordProblem(newPassword);
  if (weak) throw new AppError("BAD_INPUT", weak);
  if (oldPassword === newPassword) throw new AppError("BAD_INPUT", userAdminMessages.samePassword);
  const hostRegion = u.hostId === null ? null : await regionOfHost(db, u.hostId);
  const scopeOrgId = u.orgId ?? (hostRegion === null ? null : await territoryNodeOf(db, hostRegion));
  const audit = (tx: DbOrTx, action: string, after: unknown) =>
    writeAudit(tx, {
      userId: scope.userId,
      username: scope.username,
      action,
      entity: "user",
      entityId: u.id,
      scopeOrgId,
      before: null,
      after,
    });
  const checked = await throttledCheck(db, { username: scope.username, clientAddress }, async () => ({
    ok: await verifyPasswordAsync(oldPassword, u.hash),
    value: null,
  }));
  if (checked.outcome === "wait") {
    const minutes = waitMinutes(checked.waitMs);
    await audit(db, "user.changePassword.throttled", { clientAddress, waitMinutes: minutes });
    throw new AppError("THROTTLED", userAdminMessages.throttled(minutes), {
      details: { waitMinutes: minutes },
    });
  }
  if (!checked.ok) {
    await audit(db, "user.changePassword.failed", { clientAddress });
    throw new AppError("BAD_INPUT", userAdminMessages.oldPasswordWrong);
  }
  const hash = hashPassword(newPassword);
  await writeTransaction(db, async (tx) => {
    await execute(
      db,
      sql`update users set password_hash = ${hash}, password_changed_at = ${now.toISOString()}, must_change_password = false
          where id = ${u.id}`,
    );
    // Every session ends, this one included: whoever held one must sign in with the new password.
    await audit(tx, "user.changePassword", {
      passwordChanged: true,
      sessionsEnded: await endUserSessions(tx, u.id),
    });
  });
}

/**
 * Organizations and hosts a new user may be bound to (for the creation form), in the subtree of the caller
 * (`cx`, an administrator; null for anyone else) today.
 */
export async function bindableTargets(cx: Cx) {
  const { db, scope, today } = cx;
  if (scope.role !== "admin" || !scope.org) return null;
  const { within } = scopeSql(scope, today);
  const orgs = await selectAll<{ id: number; name: string; category: OrgCategory }>(
    db,
    sql`select o.id, o.name, o.category from orgs o where ${within.subtree("o")} and o.revoked_on is null
       order by o.depth, o.code limit 500`,
  );
  return {
    adminOrgs: orgs.filter((o) => o.id !== scope.org!.id && isManagement(o.category)),
    secretaryOrgs: orgs.filter((o) => isGrassroots(o.category)),
  };
}
