/** A refused report operation; `code` maps one to one onto the API's error codes. */
export type ReportErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "BAD_REQUEST" | "PRECONDITION_FAILED";

export class ReportError extends Error {
  readonly code: ReportErrorCode;

  constructor(code: ReportErrorCode, message: string) {
    super(message);
    this.name = "ReportError";
    this.code = code;
  }
}

export function isReportError(e: unknown): e is ReportError {
  return e instanceof ReportError;
}
