/**
 * The words of the cadre work around the organizations: training (培训), assessment (考核, 述职评议), the
 * 五好党支部 recognition, showcase sites (示范点) and leading cadres' contact points (联系点). Stored values
 * are the English keys; users read the labels.
 */
import type { OrgCategory } from "../types.ts";

/** 培训的类别. */
export const TRAINING_KINDS = ["secretary", "instructor", "owner", "member", "studyTrip"] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TRAINING_KIND_LABELS: Readonly<Record<TrainingKind, string>> = {
  secretary: "书记培训",
  instructor: "指导员培训",
  owner: "出资人培训",
  member: "党员培训",
  studyTrip: "考察学习",
};

/** Who a training participant is: a member, an instructor, or a host's 出资人 (with or without an account). */
export const PARTICIPANT_KINDS = ["member", "instructor", "owner"] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];
export const PARTICIPANT_KIND_LABELS: Readonly<Record<ParticipantKind, string>> = {
  member: "党员",
  instructor: "党建工作指导员",
  owner: "出资人",
};

/** 指导员年度考核等次. */
export const ASSESSMENT_GRADES = ["excellent", "competent", "basicallyCompetent", "incompetent"] as const;
export type AssessmentGrade = (typeof ASSESSMENT_GRADES)[number];
export const ASSESSMENT_GRADE_LABELS: Readonly<Record<AssessmentGrade, string>> = {
  excellent: "优秀",
  competent: "称职",
  basicallyCompetent: "基本称职",
  incompetent: "不称职",
};

/** 书记抓党建述职评议等次. */
export const REVIEW_GRADES = ["good", "fairlyGood", "average", "poor"] as const;
export type ReviewGrade = (typeof REVIEW_GRADES)[number];
export const REVIEW_GRADE_LABELS: Readonly<Record<ReviewGrade, string>> = {
  good: "好",
  fairlyGood: "较好",
  average: "一般",
  poor: "差",
};

/** The level of a recognition (五好党支部) or a showcase site (示范点): the level of the node that names it. */
export const HONOUR_LEVELS = ["city", "county", "township"] as const;
export type HonourLevel = (typeof HONOUR_LEVELS)[number];
export const HONOUR_LEVEL_LABELS: Readonly<Record<HonourLevel, string>> = {
  city: "市级",
  county: "县级",
  township: "乡镇(街道)级",
};

/**
 * The level a management node names at (a showcase) or awards at (五好党支部), from its category: a 园区党工委
 * as a township; null for a node that names none (行业党委, organizations).
 */
export function honourLevelOf(category: OrgCategory | string): HonourLevel | null {
  switch (category) {
    case "cityCommittee":
      return "city";
    case "countyCommittee":
      return "county";
    case "townshipCommittee":
    case "parkCommittee":
      return "township";
    default:
      return null;
  }
}

/** The reviewer's decision on a 五好党支部 application (none yet: pending). */
export const AWARD_DECISIONS = ["awarded", "rejected"] as const;
export type AwardDecision = (typeof AWARD_DECISIONS)[number];
export const AWARD_DECISION_LABELS: Readonly<Record<AwardDecision, string>> = {
  awarded: "授予",
  rejected: "不予授予",
};
