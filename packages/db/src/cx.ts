/**
 * What every use case and every scoped query runs in: the connection or transaction it was given (a read
 * connection for a query, the held write connection for a mutation, a transaction inside a workflow), the
 * caller's scope and today's date from the one clock. The API's context after the ladder has chosen a
 * connection is a `Cx`; the command line builds one with `systemCx`.
 *
 * The call shape is `async (cx, input)`: the use case is awaited by the API, and it awaits every statement;
 * the port holds a transaction's connection for one request alone, so no request sees another's
 * uncommitted rows.
 */
import type { Db } from "./driver/client.ts";
import type { Scope } from "./scope/index.ts";

export interface Cx {
  /** The connection (or transaction) this call runs on. */
  readonly db: Db;
  /** The caller's scope: what it sees and may change. */
  readonly scope: Scope;
  /** Today in China (ISO date), from the one clock. */
  readonly today: string;
}

/** The same caller on another connection or transaction (e.g. inside a workflow's `writeTransaction`). */
export function onConnection(cx: Cx, db: Db): Cx {
  return { db, scope: cx.scope, today: cx.today };
}
