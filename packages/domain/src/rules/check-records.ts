/**
 * All the record checks at once: `checkRecords` runs every check over a snapshot as of a date (coverage,
 * caps, members' relationships, secretaries' terms) and returns their violations in one list, in that
 * order. The checks themselves live in coverage.ts, members.ts and secretaries.ts.
 */
import type { Violation } from "../errors.ts";
import type { Policy } from "../policy.ts";
import type { IsoDate, SecretaryTermRec, Snapshot } from "../types.ts";
import {
  checkCoverageOnTopmost,
  checkCoverageOverlaps,
  checkInstructorCap,
  checkJointCap,
  checkStandaloneCoverage,
} from "./coverage.ts";
import { namer } from "./helpers.ts";
import { checkMemberRelationships } from "./members.ts";
import { checkSecretaryTerms } from "./secretaries.ts";

export function checkRecords(
  snapshot: Snapshot,
  policy: Policy,
  asOf: IsoDate,
  extra?: { secretaryTerms?: readonly SecretaryTermRec[]; memberName?: (id: number) => string },
): Violation[] {
  const orgName = namer(snapshot.orgs);
  return [
    ...checkStandaloneCoverage(snapshot, { asOf }),
    ...checkCoverageOverlaps(snapshot),
    ...checkCoverageOnTopmost(snapshot),
    ...checkJointCap(snapshot, policy, asOf),
    ...checkInstructorCap(snapshot, policy, asOf),
    ...checkMemberRelationships(snapshot, asOf, extra?.memberName),
    ...checkSecretaryTerms(extra?.secretaryTerms ?? [], orgName),
  ];
}
