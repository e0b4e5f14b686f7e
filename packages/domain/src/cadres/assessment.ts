/**
 * The rules of assessment (考核): who assesses an instructor (谁派出、谁考核), who reviews a secretary's
 * annual 述职评议, and the 五好党支部 recognition (who applies, who reviews, at which level). Pure: the
 * caller loads the records; each rule throws an AppError with the Chinese message a user reads.
 */
import { AppError } from "../app-error.ts";
import { isGrassroots, isManagement } from "../categories.ts";
import { intervalsOverlap, yearOf, yearStart } from "../dates.ts";
import type { IsoDate, OrgCategory } from "../types.ts";
import { HONOUR_LEVEL_LABELS, honourLevelOf, type HonourLevel } from "./vocabulary.ts";

export const assessmentMessages = {
  notDispatcher: "只有派出该指导员的党组织可以考核",
  notRegistrar: "该指导员由体制外单位派出,只有登记该指导员的党组织可以考核",
  futureYear: (year: number) => `${year}年尚未开始,不能考核或评议该年度`,
  notSuperior: "只有该组织上级党组织的管理员可以进行书记述职评议",
  notInOffice: (name: string, year: number) => `${name}在${year}年未担任该组织书记,不能评议`,
  notGrassroots: "五好党支部只能由基层党组织申报",
  notApplicant: "只有该组织本身或其上级管理员可以申报五好党支部",
  alreadyApplied: (year: number) => `该组织已申报${year}年度五好党支部`,
  notReviewer: "只有该组织上级的管理单位可以评审五好党支部",
  noLevel: "行业党委不评定五好党支部的级别,请由市、县或乡镇(街道)党组织评审",
  alreadyReviewed: (on: string) => `该申报已于${on}评审,不能再次评审`,
  reviewBeforeApplied: (on: string) => `评审日期不能早于申报日期${on}`,
} as const;

const forbidden = (rule: string, message: string) => new AppError("FORBIDDEN", message, { rule });

/** An assessment or review of `year` is for a year begun by `today` (not after the current year). */
export function assertYearBegun(year: number, today: IsoDate): void {
  if (year > yearOf(today))
    throw AppError.rule("ASSESSMENT_FUTURE_YEAR", assessmentMessages.futureYear(year));
}

export interface InstructorDispatch {
  /** The dispatching organization in the tree (null: dispatched from outside the tree). */
  dispatchOrgId: number | null;
  /** The management node that registered the instructor. */
  registeredById: number;
}

/**
 * The one organization that assesses an instructor: the dispatching organization, or, for a dispatcher
 * outside the tree, the node that registered the instructor.
 */
export function instructorAssessorId(i: InstructorDispatch): number {
  return i.dispatchOrgId ?? i.registeredById;
}

/** The caller's node may assess the instructor (no one else, not even a superior), else FORBIDDEN. */
export function assertMayAssessInstructor(callerOrgId: number | null, i: InstructorDispatch): void {
  if (callerOrgId !== null && callerOrgId === instructorAssessorId(i)) return;
  throw i.dispatchOrgId === null
    ? forbidden("ASSESSMENT_NOT_REGISTRAR", assessmentMessages.notRegistrar)
    : forbidden("ASSESSMENT_NOT_DISPATCHER", assessmentMessages.notDispatcher);
}

/**
 * A secretary's 述职评议 of `year`: by the administrator of the organization's superior (its parent node),
 * and only of a secretary whose term [startOn, endOn) shares a day with that year.
 */
export function assertMayReviewSecretary(
  caller: { role: string; orgId: number | null },
  org: { parentId: number | null },
  term: { name: string; startOn: IsoDate; endOn: IsoDate | null },
  year: number,
  today: IsoDate,
): void {
  if (caller.role !== "admin" || caller.orgId === null || caller.orgId !== org.parentId)
    throw forbidden("REVIEW_NOT_SUPERIOR", assessmentMessages.notSuperior);
  assertYearBegun(year, today);
  if (!intervalsOverlap(term.startOn, term.endOn, yearStart(year), yearStart(year + 1)))
    throw AppError.rule("REVIEW_NOT_IN_OFFICE", assessmentMessages.notInOffice(term.name, year));
}

export interface ApplyingOrg {
  id: number;
  category: OrgCategory;
  /** Whether the organization is in the caller's subtree (the caller's scope was checked). */
  inScope: boolean;
}

/**
 * An application for 五好党支部 of `year`: by the organization itself (its branch user) or an
 * administrator with it in scope, for a grassroots organization only, once per year, the year begun.
 */
export function assertMayApplyFiveGood(
  caller: { role: string; orgId: number | null },
  org: ApplyingOrg,
  year: number,
  today: IsoDate,
  alreadyApplied: boolean,
): void {
  if (!isGrassroots(org.category))
    throw AppError.rule("FIVE_GOOD_NOT_GRASSROOTS", assessmentMessages.notGrassroots);
  const own = caller.orgId === org.id;
  const administers = caller.role === "admin" && org.inScope;
  if (!own && !administers) throw forbidden("FIVE_GOOD_NOT_APPLICANT", assessmentMessages.notApplicant);
  assertYearBegun(year, today);
  if (alreadyApplied)
    throw AppError.rule("FIVE_GOOD_ALREADY_APPLIED", assessmentMessages.alreadyApplied(year));
}

/** Whether `ancestorPath` is a strict ancestor of `path` (paths are "/"-joined prefixes, ending in "/"). */
export function isStrictAncestor(ancestorPath: string, path: string): boolean {
  return path !== ancestorPath && path.startsWith(ancestorPath);
}

/**
 * A review of a 五好 application: by an administrator of a management node above the organization, once;
 * dated not before the application. Answers the level of the award (the reviewer's level).
 */
export function assertMayReviewFiveGood(
  caller: { role: string; node: { category: OrgCategory; path: string } | null },
  org: { path: string },
  application: { appliedOn: IsoDate; reviewedOn: IsoDate | null },
  reviewedOn: IsoDate,
): HonourLevel {
  const node = caller.node;
  if (
    caller.role !== "admin" ||
    !node ||
    !isManagement(node.category) ||
    !isStrictAncestor(node.path, org.path)
  )
    throw forbidden("FIVE_GOOD_NOT_REVIEWER", assessmentMessages.notReviewer);
  const level = honourLevelOf(node.category);
  if (!level) throw forbidden("FIVE_GOOD_NO_LEVEL", assessmentMessages.noLevel);
  if (application.reviewedOn !== null)
    throw AppError.rule("FIVE_GOOD_REVIEWED", assessmentMessages.alreadyReviewed(application.reviewedOn));
  if (reviewedOn < application.appliedOn)
    throw AppError.rule(
      "FIVE_GOOD_REVIEW_DATE",
      assessmentMessages.reviewBeforeApplied(application.appliedOn),
    );
  return level;
}

export const honourLevelLabel = (level: HonourLevel): string => HONOUR_LEVEL_LABELS[level];
