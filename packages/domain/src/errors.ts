import type { RuleCode } from "./messages.ts";

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
