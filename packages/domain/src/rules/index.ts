/**
 * The rules of the domain: invariant checks over records (returning violations) and guards for
 * mutations (throwing an `AppError` of code RULE), plus the year-end checks (校核) of a report. Every message is
 * Chinese and names its rule (see messages.ts).
 *
 * This file only re-exports the public names of the folder: helpers.ts (shared helpers and
 * `assertInterval`), coverage.ts (coverage and caps), members.ts (member status, relationships and
 * transfers), secretaries.ts (one secretary at a time), check-records.ts (all record checks at once) and
 * report-checks.ts (the year-end checks).
 */
export { assertInterval } from "./helpers.ts";
export {
  assertCoverageAllowed,
  breaksTopmost,
  checkCoverageOnTopmost,
  checkCoverageOverlaps,
  checkInstructorCap,
  checkJointCap,
  checkStandaloneCoverage,
} from "./coverage.ts";
export {
  assertHasRelationship,
  assertTransition,
  canDecideTransfer,
  canTransition,
  checkMemberRelationships,
  decideTransfer,
  forbidMemberDeletion,
} from "./members.ts";
export { assertSecretaryTermAllowed, checkSecretaryTerms } from "./secretaries.ts";
export { checkRecords } from "./check-records.ts";
export { checkReport, hasErrors } from "./report-checks.ts";
