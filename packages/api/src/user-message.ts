/**
 * The one place that turns an API error into the sentence a user reads: over HTTP (the error formatter) and
 * when a server page calls the API in process (its server actions). A refused input names each field in
 * Chinese with what to enter; tRPC's own English (a body that is not JSON, a procedure that does not exist)
 * becomes a Chinese sentence; an internal error never shows its text.
 */
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { currentRequest } from "@liangxin/runtime";
import { fieldLabel } from "./field-labels.ts";
import { apiMessages } from "./messages.ts";

const CHINESE = /[\u4e00-\u9fff]/;

function chineseFallback(code: TRPCError["code"], message: string): string {
  if (CHINESE.test(message)) return message;
  switch (code) {
    case "BAD_REQUEST":
    case "PARSE_ERROR":
      return apiMessages.badRequest;
    case "NOT_FOUND":
      return apiMessages.noSuchProcedure;
    case "METHOD_NOT_SUPPORTED":
      return apiMessages.methodNotAllowed;
    case "PAYLOAD_TOO_LARGE":
      return apiMessages.tooLarge;
    case "UNAUTHORIZED":
      return apiMessages.unauthorized;
    case "FORBIDDEN":
      return apiMessages.forbidden;
    case "CONFLICT":
      return apiMessages.conflict;
    default:
      return apiMessages.refused;
  }
}

/** Zod issues as lines a user reads: the field's Chinese name (unless the message says it), then the message. */
export function zodIssueLines(
  error: ZodError,
  procedure?: string,
): { field: string | null; message: string }[] {
  const seen = new Set<string>();
  const out: { field: string | null; message: string }[] = [];
  for (const issue of error.issues) {
    const field = fieldLabel(issue.path, procedure);
    const message = CHINESE.test(issue.message) ? issue.message : apiMessages.badInput;
    const line = field && !message.includes(field) ? `${field}:${message}` : message;
    if (seen.has(line)) continue;
    seen.add(line);
    out.push({ field, message: line });
  }
  return out;
}

/**
 * An internal error's sentence ends with the error number: the id of the request, which is also the
 * `requestId` of the error's log line (written by logProcedureError), so a support call finds the line.
 */
function internal(): string {
  const requestId = currentRequest()?.requestId;
  return `${apiMessages.internal}${requestId ? apiMessages.errorNumber(requestId) : ""}`;
}

/** The message a user reads for `error` (of the procedure `procedure`, when known). */
export function userMessage(error: unknown, procedure?: string): string {
  if (!(error instanceof TRPCError)) return internal();
  if (error.code === "INTERNAL_SERVER_ERROR") return internal();
  if (error.cause instanceof ZodError) {
    const lines = zodIssueLines(error.cause, procedure);
    return lines.length ? lines.map((l) => l.message).join(";") : apiMessages.badInput;
  }
  return chineseFallback(error.code, error.message);
}
