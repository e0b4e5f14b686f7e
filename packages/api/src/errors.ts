/**
 * One mapping from the errors of the write side to tRPC codes: a record outside the caller's scope is
 * NOT_FOUND, a stale version CONFLICT, a rule of the domain or a refused command BAD_REQUEST with its
 * Chinese message. Use `mappedProcedure` (or `.use(mapCommandErrors)`) for procedures that call commands.
 */
import { CommandError, ConflictError, NotFoundError } from "@liangxin/db";
import { isDomainError } from "@liangxin/domain";
import { TRPCError } from "@trpc/server";
import { apiMessages } from "./messages.ts";
import { protectedProcedure } from "./trpc.ts";

export function toTRPCError(e: unknown): TRPCError | null {
  if (e instanceof TRPCError) return null;
  if (e instanceof NotFoundError)
    return new TRPCError({ code: "NOT_FOUND", message: apiMessages.notFound, cause: e });
  if (e instanceof ConflictError)
    return new TRPCError({ code: "CONFLICT", message: apiMessages.conflict, cause: e });
  if (isDomainError(e) || e instanceof CommandError)
    return new TRPCError({ code: "BAD_REQUEST", message: e.message, cause: e });
  return null;
}

/** A signed-in caller whose command errors are mapped once, here. */
export const mappedProcedure = protectedProcedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause);
    if (mapped) throw mapped;
  }
  return result;
});
