/**
 * tRPC's onError, for the HTTP handler and for the callers of server components: an internal error of a
 * procedure becomes one error line (request id, procedure, user, code, the input bounded and scrubbed, the
 * stack), and the request id becomes the error's `digest`, which Next.js hands to the error page: the
 * 错误编号 a user reads to the support desk is the `requestId` of that line.
 */
import { type TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { currentRequest, logger, markLogged, wasLogged } from "@liangxin/runtime";
import type { Context } from "./context.ts";

/** Give `error` the current request's id as its digest (Next.js shows a server error's digest). */
export function withErrorNumber<E extends Error>(error: E): E {
  const requestId = currentRequest()?.requestId;
  const e = error as E & { digest?: string };
  if (requestId && e.digest === undefined) e.digest = requestId;
  return error;
}

export interface ProcedureErrorInfo {
  error: TRPCError;
  path?: string | undefined;
  type: string;
  input: unknown;
  ctx?: Pick<Context, "scope"> | undefined;
}

/**
 * Log a procedure's error once: a server error (5xx) with its stack at `error`, a temporary refusal (503:
 * database busy or not ready) at `warn`. Refusals a user caused (4xx) are only in the request's line.
 */
export function logProcedureError({ error, path, type, input, ctx }: ProcedureErrorInfo): void {
  if (wasLogged(error) || getHTTPStatusCodeFromError(error) < 500) return;
  markLogged(error);
  if (error.cause) markLogged(error.cause);
  withErrorNumber(error);
  const request = currentRequest();
  const line = {
    requestId: request?.requestId,
    procedure: path,
    type,
    userId: ctx?.scope?.userId ?? request?.userId ?? null,
    code: error.code,
    input,
  };
  if (error.code === "SERVICE_UNAVAILABLE") logger().warn({ ...line, reason: error.message }, "接口暂不可用");
  else logger().error({ ...line, err: error.cause ?? error }, "接口出错");
}
