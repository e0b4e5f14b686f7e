import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import type { Db } from "./driver/client.ts";
import { users } from "./schema.ts";
import { writeAudit } from "./audit.ts";
import type { Port } from "./driver/port.ts";
import { holdWriteConnection, throttledCheck, waitMinutes } from "./throttle.ts";
import { BCRYPT_COST, verifyPasswordAsync } from "./users.ts";

export type AuthResult =
  | { ok: true; userId: number; displayName: string }
  | { ok: false; reason: "invalid" | "disabled" }
  | { ok: false; reason: "throttled"; waitMinutes: number };

/** A sign-in attempt: what was typed, and the client's address (see the portal's client address). */
export interface SignInAttempt {
  username: string;
  password: string;
  clientAddress: string;
}

/**
 * Compared against when the user does not exist (same cost as a real hash), so timing does not tell. Made
 * on the first sign-in of the process, before the user is looked up (so that first attempt costs the same
 * whether or not the user exists), not when the module loads: every command-line process and import
 * worker loads this module and never signs anyone in (about 160 ms of CPU each).
 */
let dummyHash: string | undefined;
const theDummyHash = (): string => (dummyHash ??= bcrypt.hashSync("liangxin-dummy-password", BCRYPT_COST));

/**
 * Check a username and password, throttled by username + client address and by address (throttle.ts):
 * an attempt that must wait is refused without checking the password. An unknown username goes through
 * the same steps (a throttle count, a bcrypt comparison, an audit row) and gets the same answers as an
 * existing one; a disabled account says so only to whoever knows its password. Every attempt is audited.
 * Given the port, it holds the write connection only for its own statements, not during the bcrypt
 * comparison, so a sign-in never stalls other requests' writes.
 */
export async function authenticate(on: Db | Port, attempt: SignInAttempt): Promise<AuthResult> {
  const hold = holdWriteConnection(on);
  const dummy = theDummyHash();
  const username = attempt.username.trim();
  const user = await hold(
    async (db) => (await db.select().from(users).where(eq(users.username, username)).limit(1))[0],
  );
  const audit = (action: string, after: Record<string, unknown> | null = null) =>
    hold(async (db) =>
      writeAudit(db, {
        userId: user?.id ?? null,
        username,
        action,
        entity: "user",
        entityId: user ? String(user.id) : null,
        scopeOrgId: user?.orgId ?? null,
        before: null,
        after: { clientAddress: attempt.clientAddress, ...after },
      }),
    );
  const checked = await throttledCheck(on, { username, clientAddress: attempt.clientAddress }, async () => {
    const ok = await verifyPasswordAsync(attempt.password, user?.passwordHash ?? dummy);
    return { ok: ok && user !== undefined, value: null };
  });
  if (checked.outcome === "wait") {
    const minutes = waitMinutes(checked.waitMs);
    await audit("login.throttled", { waitMinutes: minutes });
    return { ok: false, reason: "throttled", waitMinutes: minutes };
  }
  if (!checked.ok || !user) {
    await audit("login.failed");
    return { ok: false, reason: "invalid" };
  }
  if (user.disabled) {
    await audit("login.disabled");
    return { ok: false, reason: "disabled" };
  }
  await audit("login");
  return { ok: true, userId: user.id, displayName: user.displayName };
}
