/**
 * Signed-in sessions, known to the server: the portal's signed session token carries a random session id
 * and this table holds its SHA-256 (a copy of the table opens no session). A request is signed in only
 * while its session is live: not ended, at most 8 hours after sign-in, and with a request within the idle
 * minutes of the policy in force. Sign-out ends that one session; a password change, a reset or a disable
 * ends all of the user's (`endUserSessions`, inside their transactions).
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { policyAsOf } from "@liangxin/domain";
import { writeAudit, type DbOrTx } from "./audit.ts";
import { isBusyError, type Db } from "./driver/client.ts";
import { withoutBusyWait } from "./driver/connection.ts";
import { writeTransaction } from "./driver/query.ts";
import { sessions, users } from "./schema.ts";
import { loadPolicyVersions } from "./snapshot.ts";

/** At most this long after sign-in, whatever the activity. */
export const SESSION_MAX_HOURS = 8;
/** The last-seen time is written at most this often per session (a write per request is not worth it). */
const TOUCH_EVERY_MS = 60_000;

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export interface NewSession {
  userId: number;
  userAgent: string | null;
  clientAddress: string | null;
}

/** Start a session; returns the session id the signed token carries (only its hash is stored). */
export async function startSession(db: Db, session: NewSession, now: Date): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const at = now.toISOString();
  await db.insert(sessions).values({
    tokenHash: hash(token),
    userId: session.userId,
    createdAt: at,
    lastSeenAt: at,
    userAgent: session.userAgent?.slice(0, 300) ?? null,
    clientAddress: session.clientAddress?.slice(0, 64) ?? null,
  });
  return token;
}

/** The idle timeout in force on `now`'s date (policy `sessionIdleMinutes`). */
export async function idleMinutes(db: Db, now: Date): Promise<number> {
  return policyAsOf(await loadPolicyVersions(db), now.toISOString().slice(0, 10)).params.sessionIdleMinutes;
}

/** Whether a session row is still live at `now`. */
function isLive(row: { createdAt: string; lastSeenAt: string }, now: Date, idle: number): boolean {
  const t = now.getTime();
  return (
    t - Date.parse(row.createdAt) < SESSION_MAX_HOURS * 3_600_000 &&
    t - Date.parse(row.lastSeenAt) < idle * 60_000
  );
}

/**
 * A write that is skipped, rather than waited for, while another connection holds the write lock (a
 * long import): the session check of every page must not stall behind it. Nothing depends on the write.
 */
async function writeIfFree(db: Db, write: () => Promise<unknown>): Promise<void> {
  try {
    await withoutBusyWait(db, write);
  } catch (e) {
    if (!isBusyError(e)) throw e;
  }
}

/** The session row of a token (found by its hash), if any. */
async function sessionOf(db: Db, token: string) {
  const [row] = await db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(eq(sessions.tokenHash, hash(token)))
    .limit(1);
  return row;
}

export interface LiveSession {
  /** The row's id (what administrators see), not the token's session id. */
  id: number;
  userId: number;
}

/**
 * The live session of a token, or null (unknown, ended, idle too long, or older than 8 hours: such a
 * row is removed). Notes the request as the session's last activity.
 */
export async function touchSession(db: Db, token: string, now: Date): Promise<LiveSession | null> {
  const row = await sessionOf(db, token);
  if (!row) return null;
  if (!isLive(row, now, await idleMinutes(db, now))) {
    await writeIfFree(db, async () => {
      await db.delete(sessions).where(eq(sessions.id, row.id));
    });
    return null;
  }
  if (now.getTime() - Date.parse(row.lastSeenAt) >= TOUCH_EVERY_MS)
    await writeIfFree(db, async () => {
      await db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, row.id));
    });
  return { id: row.id, userId: row.userId };
}

/**
 * Until when the session of a token stays as it is — live, and not due for its last-seen write — if no one
 * writes: the earliest of its 8 hours, its idle timeout and its next touch. A page rendered for the session
 * may be served again until then (and while nothing was written); null when the session is not live.
 * Reads only.
 */
export async function sessionSteadyUntil(
  db: Db,
  token: string,
  now: Date,
): Promise<{ userId: number; until: Date } | null> {
  const row = await sessionOf(db, token);
  if (!row) return null;
  const idle = await idleMinutes(db, now);
  if (!isLive(row, now, idle)) return null;
  const seen = Date.parse(row.lastSeenAt);
  const until = Math.min(
    Date.parse(row.createdAt) + SESSION_MAX_HOURS * 3_600_000,
    seen + idle * 60_000,
    seen + TOUCH_EVERY_MS,
  );
  return { userId: row.userId, until: new Date(until) };
}

/** Sign-out: end the session of this token (only that one), audited as `logout`. */
export async function endSession(db: Db, token: string): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const [row] = await tx
      .delete(sessions)
      .where(eq(sessions.tokenHash, hash(token)))
      .returning({ id: sessions.id, userId: sessions.userId });
    if (!row) return;
    const [user] = await tx
      .select({ username: users.username, orgId: users.orgId })
      .from(users)
      .where(eq(users.id, row.userId))
      .limit(1);
    await writeAudit(tx, {
      userId: row.userId,
      username: user?.username ?? null,
      action: "logout",
      entity: "session",
      entityId: row.id,
      scopeOrgId: user?.orgId ?? null,
      before: null,
      after: null,
    });
  });
}

/** End every session of a user (inside the caller's transaction); returns how many there were. */
export async function endUserSessions(tx: DbOrTx, userId: number): Promise<number> {
  return (await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id })).length;
}

export interface SessionRow {
  id: number;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  clientAddress: string | null;
}

/** The live sessions of a user, newest first (expired rows are left out). */
export async function liveSessionsOf(db: Db, userId: number, now: Date): Promise<SessionRow[]> {
  const idle = await idleMinutes(db, now);
  const rows = await db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userAgent: sessions.userAgent,
      clientAddress: sessions.clientAddress,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId));
  return rows.filter((r) => isLive(r, now, idle)).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

/** End one session of a user (inside the caller's transaction); false when there is no such session. */
export async function endOneSession(tx: DbOrTx, userId: number, sessionId: number): Promise<boolean> {
  const ended = await tx
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return ended.length > 0;
}
