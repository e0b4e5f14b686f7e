/**
 * planImport: plan a spreadsheet import without writing anything. It loads the current database state,
 * goes through the sheets references first — each row is validated and matched to a record of the import
 * or of the database (by 区划代码, 组织代码, 统一社会信用代码, 公民身份号码, 编号, or all key columns of a dated
 * relation), in any order of the rows — then checks the domain rules on the records as they would be
 * after the import, and computes the changes (updated in place; nothing is ever deleted). Every problem is
 * an error naming the sheet, row and column, in Chinese; a plan with errors has no changes.
 *
 * One file per step, in the order below: `state.ts` (loading), `regions.ts`, `orgs.ts`, `reparentings.ts`,
 * `hosts.ts`, `coverages.ts`, `members.ts`, `relationships.ts`, `workplaces.ts`, `status-events.ts`,
 * `org-links.ts`, `instructors.ts`, `basics.ts` (the five basics), `cadres.ts` (training, assessment, showcases, contact points), `rules.ts` (cross-table checks), `changes.ts`; `context.ts` holds what
 * the steps share, `fingerprint.ts` the database state a plan belongs to.
 */
import type { Db } from "@liangxin/db/driver";
import { clock } from "@liangxin/domain";
import { ioMessages as m } from "../messages.ts";
import type { ImportError, ParsedImport } from "../tables.ts";
import type { Change, Counts } from "../work.ts";
import {
  planAllowances,
  planCommittee,
  planFunds,
  planOrgRules,
  planReserveCadres,
  planSecretaryProfiles,
  planVenueLinks,
  planVenues,
} from "./basics.ts";
import {
  planContactPoints,
  planContactVisits,
  planFiveGood,
  planInstructorAssessments,
  planLeaders,
  planSecretaryReviews,
  planShowcases,
  planTrainingParticipants,
  planTrainings,
} from "./cadres.ts";
import { checkPeriodLock, collectChanges } from "./changes.ts";
import { PlanContext } from "./context.ts";
import { planCoverages } from "./coverages.ts";
import { databaseFingerprint } from "./fingerprint.ts";
import { planHosts, planHostYears } from "./hosts.ts";
import { planAssignments, planInstructors } from "./instructors.ts";
import { planMembers } from "./members.ts";
import { planOrgLinks } from "./org-links.ts";
import { placeOrgs, planOrgs } from "./orgs.ts";
import { planRegions } from "./regions.ts";
import { planRelationships } from "./relationships.ts";
import { planReparentings } from "./reparentings.ts";
import { checkDomainRules } from "./rules.ts";
import { loadState } from "./state.ts";
import { planStatusEvents } from "./status-events.ts";
import { planWorkplaces } from "./workplaces.ts";
import type { WriteTable } from "./write-order.ts";

export { databaseFingerprint } from "./fingerprint.ts";
export { WRITE_ORDER, type WriteTable } from "./write-order.ts";

export interface ImportPlan {
  errors: ImportError[];
  changes: Change[];
  counts: Record<WriteTable, Counts>;
  /** The database state the plan was computed on; applying to another state is refused. */
  fingerprint: string;
  rowCount: number;
}

export interface PlanOptions {
  /** Today (ISO): the start of secretary terms replacing another, and a date of the rule checks. */
  today?: string;
  /** Told the progress; a returned Promise is awaited (a job writes it to its row). */
  onProgress?: (done: number, total: number, stage: string) => void | Promise<void>;
}

export async function planImport(db: Db, parsed: ParsedImport, opts: PlanOptions = {}): Promise<ImportPlan> {
  const today = opts.today ?? clock.today();
  const fingerprint = await databaseFingerprint(db);
  const progress = opts.onProgress ?? (() => {});
  await progress(0, 3, m.stage.validate);
  const cx = new PlanContext(today, parsed.tables, await loadState(db), parsed.errors);

  // Each sheet's rows, references before the rows that name them.
  planRegions(cx);
  const orgs = planOrgs(cx);
  planReparentings(cx, orgs);
  placeOrgs(cx);
  planHosts(cx);
  planHostYears(cx);
  const coverageLocs = planCoverages(cx);
  const memberRows = planMembers(cx);
  const transfersOf = planRelationships(cx, memberRows);
  planWorkplaces(cx, memberRows);
  planStatusEvents(cx, memberRows);
  planOrgLinks(cx, orgs.rows);
  planInstructors(cx);
  planAssignments(cx);
  // The five basics, after the secretaries the 党组织 rows name.
  planSecretaryProfiles(cx);
  planAllowances(cx);
  planCommittee(cx);
  planReserveCadres(cx);
  planVenues(cx);
  planVenueLinks(cx);
  planOrgRules(cx);
  planFunds(cx);
  // The cadre work, after the organizations, hosts, members, instructors and secretary terms it names.
  planTrainings(cx);
  planTrainingParticipants(cx);
  planInstructorAssessments(cx);
  planSecretaryReviews(cx);
  planFiveGood(cx);
  planShowcases(cx);
  planLeaders(cx);
  planContactPoints(cx);
  planContactVisits(cx);
  await progress(1, 3, m.stage.rules);

  // The rules across tables, once every row is valid.
  if (cx.errors.length === 0) checkDomainRules(cx, coverageLocs, transfersOf);
  await progress(2, 3, m.stage.rules);

  const { changes, counts } = collectChanges(cx.state);
  await checkPeriodLock(db, cx, changes);
  await progress(3, 3, m.stage.rules);
  return {
    errors: cx.errors,
    changes: cx.errors.length > 0 ? [] : changes,
    counts,
    fingerprint,
    rowCount: parsed.rowCount,
  };
}
