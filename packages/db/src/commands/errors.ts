import { commandMessages } from "./messages.ts";

/** The target does not exist for the caller (outside its scope, or absent): the API answers NOT_FOUND. */
export class NotFoundError extends Error {
  constructor(message: string = commandMessages.notFound) {
    super(message);
    this.name = "NotFoundError";
  }
}

/** The record changed since the caller read it (stale `version`): nothing was written. */
export class ConflictError extends Error {
  constructor(message: string = commandMessages.conflict) {
    super(message);
    this.name = "ConflictError";
  }
}

/** A refused change that is not a rule of the domain (duplicate code, wrong kind of organization…). */
export class CommandError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "CommandError";
    this.code = code;
  }
}
