/**
 * The one mapping from the errors of the layers below to tRPC codes, applied to every procedure at the base
 * of the ladder (trpc.ts) and to the context's refusal (context.ts); no router maps errors itself. Every
 * refusal is an AppError (@liangxin/domain): its code picks the tRPC code, its message is the Chinese
 * sentence the user reads. A record outside the caller's scope is NOT_FOUND (and never says more), a stale
 * version CONFLICT, too many attempts TOO_MANY_REQUESTS, a rule of the domain or a refused command
 * BAD_REQUEST with its Chinese message, the database busy or not migrated SERVICE_UNAVAILABLE.
 */
import { isBusyError, isExclusionViolation } from "@liangxin/db/driver";
import { AppError, isAppError, type AppErrorCode } from "@liangxin/domain";
import { TRPCError } from "@trpc/server";
import { apiMessages } from "./messages.ts";

const TRPC_CODES = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  RULE: "BAD_REQUEST",
  BAD_INPUT: "BAD_REQUEST",
  PRECONDITION: "PRECONDITION_FAILED",
  THROTTLED: "TOO_MANY_REQUESTS",
  BUSY: "SERVICE_UNAVAILABLE",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
} as const satisfies Record<AppErrorCode, TRPCError["code"]>;

/**
 * `e` as an AppError, or null for a fault (answered as an internal error). The driver's busy error — the
 * write lock stayed taken beyond the busy timeout (a large import is writing) — is BUSY: a temporary
 * unavailability, said so, rather than an anonymous server error. The transaction wrote nothing.
 */
export function asAppError(e: unknown): AppError | null {
  if (isAppError(e)) return e;
  if (isBusyError(e)) return new AppError("BUSY", apiMessages.busy, { cause: e });
  // PostgreSQL: two overlapping dated intervals saved at once by two requests; the database kept the first.
  if (isExclusionViolation(e)) return new AppError("CONFLICT", apiMessages.overlapping, { cause: e });
  return null;
}

/** The tRPC error of `e` (the original error as its cause), or null when `e` is not a refusal. */
export function toTRPCError(e: unknown): TRPCError | null {
  if (e instanceof TRPCError) return null;
  const app = asAppError(e);
  if (!app) return null;
  return new TRPCError({ code: TRPC_CODES[app.code], message: app.message, cause: e });
}
