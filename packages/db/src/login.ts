import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import type { Db } from "./client.ts";
import { users } from "./schema.ts";
import { writeAudit } from "./audit.ts";
import { clock } from "@liangxin/domain";

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export type AuthResult =
  | { ok: true; userId: number; displayName: string }
  | { ok: false; reason: "invalid" | "locked" | "disabled" };

/** Compared against when the user does not exist, so that timing does not reveal usernames. */
const DUMMY_HASH = bcrypt.hashSync("liangxin-dummy-password", 10);

/**
 * Check a username and password. Five failures in a row lock the account for 15 minutes; while locked,
 * even the right password is refused. Every attempt is audited.
 */
export function authenticate(
  db: Db,
  username: string,
  password: string,
  now: Date = clock.now(),
): AuthResult {
  const user = db.select().from(users).where(eq(users.username, username)).get();
  const audit = (action: string, userId: number | null, scopeOrgId: number | null) =>
    writeAudit(db, {
      userId,
      username,
      action,
      entity: "user",
      entityId: userId == null ? null : String(userId),
      scopeOrgId,
      before: null,
      after: null,
    });
  if (!user) {
    bcrypt.compareSync(password, DUMMY_HASH);
    audit("login.failed", null, null);
    return { ok: false, reason: "invalid" };
  }
  if (user.disabled) {
    audit("login.disabled", user.id, user.orgId);
    return { ok: false, reason: "disabled" };
  }
  if (user.lockedUntil && now.toISOString() < user.lockedUntil) {
    audit("login.locked", user.id, user.orgId);
    return { ok: false, reason: "locked" };
  }
  const ok = bcrypt.compareSync(password, user.passwordHash);
  return db.transaction((tx) => {
    if (ok) {
      tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id)).run();
      writeAudit(tx, {
        userId: user.id,
        username,
        action: "login",
        entity: "user",
        entityId: String(user.id),
        scopeOrgId: user.orgId,
        before: null,
        after: null,
      });
      return { ok: true as const, userId: user.id, displayName: user.displayName };
    }
    const failed = user.failedLogins + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    const lockedUntil = lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
    tx.update(users)
      .set({ failedLogins: lock ? 0 : failed, lockedUntil })
      .where(eq(users.id, user.id))
      .run();
    writeAudit(tx, {
      userId: user.id,
      username,
      action: lock ? "account.locked" : "login.failed",
      entity: "user",
      entityId: String(user.id),
      scopeOrgId: user.orgId,
      before: null,
      after: lock ? { lockedUntil } : { failedLogins: failed },
    });
    return { ok: false as const, reason: lock ? ("locked" as const) : ("invalid" as const) };
  });
}
