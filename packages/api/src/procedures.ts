/** Role guards on top of the procedure ladder of trpc.ts, and the error mapping of the scoped queries. */
import { TRPCError } from "@trpc/server";
import { CorrectionError, UserAdminError } from "@liangxin/db";
import { apiMessages } from "./messages.ts";
import { protectedProcedure } from "./trpc.ts";

/** Anything outside the caller's scope does not exist for them. */
export function notFound(): never {
  throw new TRPCError({ code: "NOT_FOUND", message: apiMessages.notFound });
}

/** A scoped read: null means "does not exist for the caller". */
export function found<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) notFound();
  return value;
}

/** Map the errors of the scoped mutations to tRPC codes (Chinese messages kept). */
export function mapDomainErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw mapDomainError(e);
  }
}

/** The same for an async mutation. */
export async function mapDomainErrorsAsync<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw mapDomainError(e);
  }
}

function mapDomainError(e: unknown): unknown {
  if (!(e instanceof UserAdminError || e instanceof CorrectionError)) return e;
  const code =
    e.kind === "notFound"
      ? "NOT_FOUND"
      : e.kind === "forbidden"
        ? "FORBIDDEN"
        : e.kind === "conflict"
          ? "CONFLICT"
          : e.kind === "throttled"
            ? "TOO_MANY_REQUESTS"
            : "BAD_REQUEST";
  const fallback =
    e.kind === "notFound"
      ? apiMessages.notFound
      : e.kind === "forbidden"
        ? apiMessages.forbidden
        : apiMessages.badInput;
  // "Not found" never says more than that.
  return new TRPCError({
    code,
    message: e.kind === "notFound" ? apiMessages.notFound : e.message || fallback,
  });
}

/** Administrators of a management node (city, county, township, 行业党委). */
export const adminOnly = protectedProcedure.use(({ ctx, next }) => {
  const org = ctx.scope.org;
  if (ctx.scope.role !== "admin" || !org) notFound();
  return next({ ctx: { ...ctx, org } });
});

/** Branch secretaries. */
export const secretaryOnly = protectedProcedure.use(({ ctx, next }) => {
  const org = ctx.scope.org;
  if (ctx.scope.role !== "secretary" || !org) notFound();
  return next({ ctx: { ...ctx, org } });
});

/** Owners (出资人), bound to one host. */
export const ownerOnly = protectedProcedure.use(({ ctx, next }) => {
  const host = ctx.scope.host;
  if (ctx.scope.role !== "owner" || !host) notFound();
  return next({ ctx: { ...ctx, host } });
});

/** Anyone bound to an organization (administrators and secretaries): the ledger's lists. */
export const ledgerProcedure = protectedProcedure.use(({ ctx, next }) => {
  const org = ctx.scope.org;
  if (!org) notFound();
  return next({ ctx: { ...ctx, org } });
});
