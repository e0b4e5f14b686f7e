/**
 * The one error of the application. Every refusal the layers below the API throw is an AppError: `code`
 * says what kind of refusal it is (the API maps each code to one tRPC code, in packages/api error-map.ts),
 * `message` is the Chinese sentence the user reads, `rule` names the rule that refused (a domain rule,
 * a daily-work rule or a refused command) and `details` carries what a program may want besides.
 * Anything else thrown is a fault: the API answers it as an internal error.
 */

export const APP_ERROR_CODES = [
  /** Does not exist for the caller: outside its scope, or absent. Never says which. */
  "NOT_FOUND",
  /** Visible to the caller, but the caller may not do this (e.g. a report of another node). */
  "FORBIDDEN",
  /** The record changed since it was read (a stale version) or is in a state that refuses the change. */
  "CONFLICT",
  /** A rule refused the change; `rule` names it (STANDALONE_MULTIPLE_HOSTS, PLAN_CLOSED, ORG_CODE_TAKEN…). */
  "RULE",
  /** The input is refused, not by a named rule (a reason left empty, a year out of range…). */
  "BAD_INPUT",
  /** Not now: what the change needs is not there yet (e.g. the report's window is not open). */
  "PRECONDITION",
  /** Too many attempts: refused for a while, nothing written. */
  "THROTTLED",
  /** The database's write lock stayed taken beyond the busy timeout: nothing written, try again later. */
  "BUSY",
  /** The database is missing or not migrated: refused until an operator migrates it. */
  "UNAVAILABLE",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** The messages of the refusals that say no more than their kind. */
export const APP_ERROR_MESSAGES = {
  notFound: "记录不存在",
  stale: "该记录已被他人修改,请刷新后重试",
  forbidden: "无权执行此操作",
  tooManyAttempts: "操作过于频繁,请稍后再试",
} as const;

export interface AppErrorOptions {
  /** The rule that refused (a domain RuleCode, a WorkRuleCode or a command's code). */
  rule?: string | undefined;
  details?: Readonly<Record<string, unknown>> | undefined;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly rule: string | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.rule = options.rule;
    this.details = options.details;
  }

  /** Does not exist for the caller; `what` (not shown) says what was looked for. */
  static notFound(what?: string): AppError {
    return new AppError("NOT_FOUND", APP_ERROR_MESSAGES.notFound, what ? { details: { what } } : {});
  }

  /** The caller's `version` is not the stored one: nothing was written. */
  static stale(): AppError {
    return new AppError("CONFLICT", APP_ERROR_MESSAGES.stale);
  }

  /** A rule refused the change: `rule` for programs, `message` (in Chinese) for people. */
  static rule(rule: string, message: string, details?: Readonly<Record<string, unknown>>): AppError {
    return new AppError("RULE", message, { rule, details });
  }
}

/** Whether `e` is an AppError (of one of `codes`, when given). */
export function isAppError(e: unknown, ...codes: AppErrorCode[]): e is AppError {
  return e instanceof AppError && (codes.length === 0 || codes.includes(e.code));
}
