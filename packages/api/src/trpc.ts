import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { noteProcedure } from "@liangxin/runtime";
import type { RequestContext } from "./context.ts";
import { apiMessages } from "./messages.ts";
import { toTRPCError } from "./error-map.ts";
import { userMessage, zodIssueLines } from "./user-message.ts";

// Zod's own messages (type errors, unknown enum values) in Chinese, for the schemas without a message of ours.
z.config(z.locales.zhCN());

const t = initTRPC.context<RequestContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error, path }) {
    const zod = error.cause instanceof ZodError ? zodIssueLines(error.cause, path) : null;
    return {
      ...shape,
      message: userMessage(error, path),
      data: { ...shape.data, stack: undefined, zodIssues: zod },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every procedure maps the write side's errors once: outside the scope → NOT_FOUND, stale version →
 * CONFLICT, a domain rule or refused command → BAD_REQUEST with its Chinese message.
 */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause ?? result.error);
    if (mapped) throw mapped;
  }
  return result;
});

/** Whether the raw input contains `text` (binary data skipped). */
async function inputContains(getRawInput: () => Promise<unknown>, text: string): Promise<boolean> {
  try {
    const raw = await getRawInput();
    return (JSON.stringify(raw, (_k, v: unknown) => (ArrayBuffer.isView(v) ? undefined : v)) ?? "").includes(
      text,
    );
  } catch {
    return false;
  }
}

/**
 * Every call is noted on the request's log line. Tests only: with LIANGXIN_FAULT_TOKEN set (the end-to-end
 * server sets a random one), a call whose input contains the token fails with an internal error, so that a
 * test can follow a failing procedure from the error page to its log line.
 */
const observe = t.middleware(async ({ path, next, getRawInput }) => {
  noteProcedure(path);
  const token = process.env.LIANGXIN_FAULT_TOKEN;
  if (token && (await inputContains(getRawInput, token))) throw new Error(apiMessages.faultDrill);
  return next();
});

/**
 * The connection a procedure runs on, chosen by its kind: a query reads on a read-only connection, in one
 * read transaction (it sees committed rows only); a mutation holds the write connection until it settles,
 * so no other request's statement runs inside its transactions (the port, `@liangxin/db` driver/port.ts).
 */
const connection = t.middleware(({ ctx, type, next }) =>
  type === "mutation"
    ? ctx.port.writer((db) => next({ ctx: { db } }))
    : ctx.port.read((db) => next({ ctx: { db } })),
);

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure.use(observe).use(mapErrors).use(connection);

/**
 * A signed-in, enabled user whose scope was loaded from the database, even one who must still set a
 * password of their own: only who they are (home.me) and the password change use this.
 */
export const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.scope) throw new TRPCError({ code: "UNAUTHORIZED", message: apiMessages.unauthorized });
  return next({ ctx: { ...ctx, scope: ctx.scope } });
});

/**
 * A signed-in user who may use the system: not one whose password an administrator chose (a new account,
 * a reset) until they set their own.
 */
export const protectedProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (ctx.scope.mustChangePassword)
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: apiMessages.mustChangePassword });
  return next();
});

/** Anything outside the caller's scope does not exist for them. */
export function notFound(): never {
  throw new TRPCError({ code: "NOT_FOUND", message: apiMessages.notFound });
}

/** A scoped read: null means "does not exist for the caller". */
export function found<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) notFound();
  return value;
}

/** Anyone bound to an organization (administrators and branch secretaries): the ledger, the daily work. */
export const orgProcedure = protectedProcedure.use(({ ctx, next }) => {
  const org = ctx.scope.org;
  if (!org) notFound();
  return next({ ctx: { ...ctx, org } });
});

/** Administrators of a management node (city, county, township, 行业党委). */
export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  const org = ctx.scope.org;
  if (ctx.scope.role !== "admin" || !org) notFound();
  return next({ ctx: { ...ctx, org } });
});

/** Branch secretaries. */
export const secretaryProcedure = protectedProcedure.use(({ ctx, next }) => {
  const org = ctx.scope.org;
  if (ctx.scope.role !== "secretary" || !org) notFound();
  return next({ ctx: { ...ctx, org } });
});

/** Owners (出资人), bound to one host. */
export const ownerProcedure = protectedProcedure.use(({ ctx, next }) => {
  const host = ctx.scope.host;
  if (ctx.scope.role !== "owner" || !host) notFound();
  return next({ ctx: { ...ctx, host } });
});
