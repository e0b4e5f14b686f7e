/**
 * The one mapping from the errors of the data layer to tRPC codes, applied to every procedure at the base
 * of the ladder (trpc.ts); no router maps errors itself. A record outside the caller's scope is NOT_FOUND
 * (and never says more), a stale version CONFLICT, too many attempts TOO_MANY_REQUESTS, a rule of the
 * domain or a refused command BAD_REQUEST with its Chinese message.
 */
import {
  CommandError,
  ConflictError,
  CorrectionError,
  DatabaseNotReadyError,
  isBusyError,
  isReportError,
  isWorkNotFound,
  NotFoundError,
  ThrottledError,
  UserAdminError,
} from "@liangxin/db";
import { isDomainError, isWorkRuleError } from "@liangxin/domain";
import { TRPCError } from "@trpc/server";
import { apiMessages } from "./messages.ts";

export function toTRPCError(e: unknown): TRPCError | null {
  if (e instanceof TRPCError) return null;
  if (e instanceof NotFoundError || isWorkNotFound(e))
    return new TRPCError({ code: "NOT_FOUND", message: apiMessages.notFound, cause: e });
  if (e instanceof UserAdminError || e instanceof CorrectionError) return fromKind(e);
  // The report's refusals name what is missing (上报记录, 行) without saying whether it exists elsewhere.
  if (isReportError(e)) return new TRPCError({ code: e.code, message: e.message, cause: e });
  if (e instanceof ConflictError)
    return new TRPCError({ code: "CONFLICT", message: apiMessages.conflict, cause: e });
  if (e instanceof ThrottledError)
    return new TRPCError({ code: "TOO_MANY_REQUESTS", message: e.message, cause: e });
  if (isDomainError(e) || isWorkRuleError(e) || e instanceof CommandError)
    return new TRPCError({ code: "BAD_REQUEST", message: e.message, cause: e });
  // The write lock stayed taken beyond the busy timeout (a large import is writing): a temporary
  // unavailability, said so, rather than an anonymous server error. The transaction wrote nothing.
  if (isBusyError(e))
    return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: apiMessages.busy, cause: e });
  // The database is missing or not migrated: the portal refuses until an operator migrates it.
  if (e instanceof DatabaseNotReadyError)
    return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: e.message, cause: e });
  return null;
}

const KIND_CODES = {
  notFound: "NOT_FOUND",
  forbidden: "FORBIDDEN",
  conflict: "CONFLICT",
  throttled: "TOO_MANY_REQUESTS",
  badInput: "BAD_REQUEST",
} as const;

/** The user administration's and the corrections' errors carry a kind; "not found" never says more. */
function fromKind(e: UserAdminError | CorrectionError): TRPCError {
  const code = KIND_CODES[e.kind];
  const fallback = e.kind === "forbidden" ? apiMessages.forbidden : apiMessages.badInput;
  const message = e.kind === "notFound" ? apiMessages.notFound : e.message || fallback;
  return new TRPCError({ code, message, cause: e });
}
