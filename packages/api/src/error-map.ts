/**
 * One mapping from the errors of the write side to tRPC codes: a record outside the caller's scope is
 * NOT_FOUND, a stale version CONFLICT, too many attempts TOO_MANY_REQUESTS, a rule of the domain or a
 * refused command BAD_REQUEST with its Chinese message. Applied to every procedure at the base of the
 * ladder (trpc.ts).
 */
import { CommandError, ConflictError, isBusyError, NotFoundError, ThrottledError } from "@liangxin/db";
import { isDomainError } from "@liangxin/domain";
import { TRPCError } from "@trpc/server";
import { apiMessages } from "./messages.ts";

export function toTRPCError(e: unknown): TRPCError | null {
  if (e instanceof TRPCError) return null;
  if (e instanceof NotFoundError)
    return new TRPCError({ code: "NOT_FOUND", message: apiMessages.notFound, cause: e });
  if (e instanceof ConflictError)
    return new TRPCError({ code: "CONFLICT", message: apiMessages.conflict, cause: e });
  if (e instanceof ThrottledError)
    return new TRPCError({ code: "TOO_MANY_REQUESTS", message: e.message, cause: e });
  if (isDomainError(e) || e instanceof CommandError)
    return new TRPCError({ code: "BAD_REQUEST", message: e.message, cause: e });
  // The write lock stayed taken beyond the busy timeout (a large import is writing): a temporary
  // unavailability, said so, rather than an anonymous server error. The transaction wrote nothing.
  if (isBusyError(e))
    return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: apiMessages.busy, cause: e });
  return null;
}
