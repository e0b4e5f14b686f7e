import type { RuleCode } from "./messages.ts";

/** A refused operation: `code` is stable for programs, `message` is Chinese for people. */
export class DomainError extends Error {
  readonly code: RuleCode;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: RuleCode, message: string, details?: Readonly<Record<string, unknown>>) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

/** A finding of a check: an error blocks (e.g. a submission), a warning is shown. */
export interface Violation {
  level: "error" | "warning";
  code: RuleCode;
  message: string;
  /** Ids of the records involved, for the caller to name rows or link to records. */
  refs?: {
    hostIds?: number[];
    orgIds?: number[];
    memberIds?: number[];
    instructorIds?: number[];
    date?: string;
    rowOrgId?: number;
  };
}
