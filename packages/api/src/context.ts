import { getPort, isPg, pgPort, singleConnectionPort, type Db, type Port } from "@liangxin/db/driver";
import { loadScope, type Scope } from "@liangxin/db/scope";
import { clock, isAppError, type Clock } from "@liangxin/domain";
import { noteUser } from "@liangxin/runtime";
import { toTRPCError } from "./error-map.ts";
import { withErrorNumber } from "./log.ts";

export interface Context {
  /** How this request reaches the database (reads on read-only connections, writes one at a time). */
  port: Port;
  /**
   * The connection the procedure runs on, given by the ladder (`trpc.ts`): a read connection for a query,
   * the held write connection for a mutation.
   */
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

/** The context before the ladder has chosen a connection. */
export type RequestContext = Omit<Context, "db">;

/**
 * Build the context from the id of the signed-in user (from the session), if any. While the database is
 * missing or not migrated, every call is refused with 503 and the reason (the portal never migrates).
 * Tests pass their own database (`db`: an SQLite connection, wrapped in a single-connection port; PGlite, in
 * PostgreSQL's port) or a port.
 */
export async function createContext(opts: {
  userId: number | null;
  port?: Port;
  db?: Db;
  today?: string;
  clientAddress?: string;
}): Promise<RequestContext> {
  noteUser(opts.userId);
  let port: Port;
  try {
    port =
      opts.port ??
      (opts.db ? (isPg(opts.db) ? pgPort(opts.db, "PGlite") : singleConnectionPort(opts.db)) : getPort());
  } catch (e) {
    // The database is missing or not migrated (an AppError UNAVAILABLE): answered by the one mapping.
    const refused = isAppError(e) ? toTRPCError(e) : null;
    if (refused) throw withErrorNumber(refused);
    throw e;
  }
  const userId = opts.userId;
  const scope = userId == null ? null : await port.read((db) => loadScope(db, userId));
  return {
    port,
    scope,
    today: opts.today ?? clock.today(),
    clock,
    clientAddress: opts.clientAddress ?? "unknown",
  };
}
