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

/** The user tried too often (e.g. registering IDs registered already): refused for a while, nothing written. */
export class ThrottledError extends Error {
  constructor(message: string = commandMessages.tooManyAttempts) {
    super(message);
    this.name = "ThrottledError";
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
