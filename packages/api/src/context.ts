import { TRPCError } from "@trpc/server";
import { DatabaseNotReadyError, getDb, loadScope, type Db, type Scope } from "@liangxin/db";
import { clock, type Clock } from "@liangxin/domain";
import { noteUser } from "@liangxin/runtime";
import { withErrorNumber } from "./log.ts";

export interface Context {
  db: Db;
  /** Loaded from the database on every request; null for an anonymous caller. */
  scope: Scope | null;
  /** Today's date in China (ISO), from the one clock; fixed in tests. */
  today: string;
  /** The one clock ("now" for timestamps). */
  clock: Clock;
  /** The client's address (the portal's client address), for the sign-in throttle. */
  clientAddress: string;
}

/**
 * Build the context from the id of the signed-in user (from the session), if any. While the database is
 * missing or not migrated, every call is refused with 503 and the reason (the portal never migrates).
 */
export function createContext(opts: {
  userId: number | null;
  db?: Db;
  today?: string;
  clientAddress?: string;
}): Context {
  noteUser(opts.userId);
  let db: Db;
  try {
    db = opts.db ?? getDb();
  } catch (e) {
    if (e instanceof DatabaseNotReadyError)
      throw withErrorNumber(new TRPCError({ code: "SERVICE_UNAVAILABLE", message: e.message, cause: e }));
    throw e;
  }
  const scope = opts.userId == null ? null : loadScope(db, opts.userId);
  return {
    db,
    scope,
    today: opts.today ?? clock.today(),
    clock,
    clientAddress: opts.clientAddress ?? "unknown",
  };
}
