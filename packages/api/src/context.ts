import { getDb, loadScope, type Db, type Scope } from "@liangxin/db";

export interface Context {
  db: Db;
  /** Loaded from the database on every request; null for an anonymous caller. */
  scope: Scope | null;
  /** Today's date (ISO); fixed in tests. */
  today: string;
  /** The client's address (the portal's client address), for the sign-in throttle. */
  clientAddress: string;
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Build the context from the id of the signed-in user (from the session), if any. */
export function createContext(opts: {
  userId: number | null;
  db?: Db;
  today?: string;
  clientAddress?: string;
}): Context {
  const db = opts.db ?? getDb();
  const scope = opts.userId == null ? null : loadScope(db, opts.userId);
  return { db, scope, today: opts.today ?? todayIso(), clientAddress: opts.clientAddress ?? "unknown" };
}
