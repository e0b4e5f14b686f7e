/** The assessment records on a person's or an organization's page (server-rendered). */
import Link from "next/link";
import { Card } from "antd";
import {
  ASSESSMENT_GRADE_LABELS,
  AWARD_DECISION_LABELS,
  HONOUR_LEVEL_LABELS,
  REVIEW_GRADE_LABELS,
  type AssessmentGrade,
  type AwardDecision,
  type HonourLevel,
  type ReviewGrade,
} from "@liangxin/domain";
import { DataTable } from "@/components/data-table";
import { assessmentMessages as m } from "./assessment-messages.ts";

/** An instructor's annual assessments. */
export function InstructorAssessmentsCard({
  rows,
  mayAssess,
}: {
  rows: {
    id: number;
    year: number;
    grade: AssessmentGrade;
    remarks: string | null;
    assessedOn: string;
    assessorName: string;
  }[];
  mayAssess: boolean;
}) {
  return (
    <Card
      title={m.assessments}
      data-testid="instructor-assessments"
      extra={mayAssess ? <Link href="/work/assessments">{m.assess}</Link> : null}
    >
      <DataTable
        columns={[
          { key: "year", title: m.year },
          { key: "grade", title: m.grade },
          { key: "remarks", title: m.remarks },
          { key: "by", title: m.assessedOn },
        ]}
        rows={rows.map((r) => ({
          key: r.id,
          year: String(r.year),
          grade: ASSESSMENT_GRADE_LABELS[r.grade],
          remarks: r.remarks ?? "",
          by: `${r.assessorName} ${r.assessedOn}`,
        }))}
      />
    </Card>
  );
}

const awardText = (decision: AwardDecision | null, level: HonourLevel | null) =>
  decision === null
    ? m.pending
    : decision === "awarded"
      ? `${AWARD_DECISION_LABELS.awarded}(${level ? HONOUR_LEVEL_LABELS[level] : ""})`
      : AWARD_DECISION_LABELS.rejected;

/** An organization's 五好党支部 applications and its secretaries' 述职评议. */
export function OrgAssessmentCards({
  fiveGood,
  reviews,
}: {
  fiveGood: {
    id: number;
    year: number;
    appliedOn: string;
    decision: AwardDecision | null;
    level: HonourLevel | null;
    reviewedOn: string | null;
  }[];
  reviews: {
    id: number;
    year: number;
    secretaryName: string;
    grade: ReviewGrade;
    remarks: string | null;
    reviewedOn: string;
  }[];
}) {
  return (
    <>
      <Card
        title={m.fiveGoodStatus}
        data-testid="org-five-good"
        extra={<Link href="/work/five-good">{m.fiveGoodTitle}</Link>}
      >
        <DataTable
          columns={[
            { key: "year", title: m.year },
            { key: "appliedOn", title: m.appliedOn },
            { key: "state", title: m.state },
            { key: "reviewedOn", title: m.reviewer },
          ]}
          rows={fiveGood.map((r) => ({
            key: r.id,
            year: String(r.year),
            appliedOn: r.appliedOn,
            state: awardText(r.decision, r.level),
            reviewedOn: r.reviewedOn ?? "",
          }))}
        />
      </Card>
      <Card title={m.secretaryReviews} data-testid="org-secretary-reviews">
        <DataTable
          columns={[
            { key: "year", title: m.year },
            { key: "secretary", title: m.secretary },
            { key: "grade", title: m.reviewGrade },
            { key: "remarks", title: m.remarks },
          ]}
          rows={reviews.map((r) => ({
            key: r.id,
            year: String(r.year),
            secretary: r.secretaryName,
            grade: REVIEW_GRADE_LABELS[r.grade],
            remarks: r.remarks ?? "",
          }))}
        />
      </Card>
    </>
  );
}
