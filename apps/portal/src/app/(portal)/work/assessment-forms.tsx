"use client";

/** The forms of assessment: an instructor's annual assessment, a secretary's 述职评议, 五好党支部 apply/review. */
import { useMutation } from "@tanstack/react-query";
import { Button, Form, Input, Select, Space, Table, Tag } from "antd";
import {
  ASSESSMENT_GRADE_LABELS,
  ASSESSMENT_GRADES,
  AWARD_DECISION_LABELS,
  AWARD_DECISIONS,
  HONOUR_LEVEL_LABELS,
  REVIEW_GRADE_LABELS,
  REVIEW_GRADES,
  type AssessmentGrade,
  type AwardDecision,
  type HonourLevel,
  type ReviewGrade,
} from "@liangxin/domain";
import { useTRPC } from "@/trpc/react";
import { choose, FormCard, labelled, OrgItem, SubmitButton, useOutcome, type Option } from "./form-kit.tsx";
import { assessmentMessages as m } from "./assessment-messages.ts";

export interface AssessRow {
  instructorId: number;
  number: string;
  name: string;
  dispatchName: string | null;
  mayAssess: boolean;
  assessment: { grade: AssessmentGrade; remarks: string | null; assessedOn: string; version: number } | null;
}

function AssessForm({ row, year }: { row: AssessRow; year: number }) {
  const trpc = useTRPC();
  const out = useOutcome();
  const mutation = useMutation(
    trpc.assessment.assess.mutationOptions({ onSuccess: () => out.ok(), onError: out.fail }),
  );
  return (
    <div data-testid={`assess-form-${row.instructorId}`}>
      {out.feedback}
      <Form
        layout="inline"
        initialValues={{ grade: row.assessment?.grade, remarks: row.assessment?.remarks ?? "" }}
        onFinish={(v: { grade: AssessmentGrade; remarks?: string }) =>
          mutation.mutate({
            instructorId: row.instructorId,
            year,
            grade: v.grade,
            remarks: v.remarks,
            ...(row.assessment ? { version: row.assessment.version } : {}),
          })
        }
      >
        <Form.Item name="grade" rules={choose(m.grade)}>
          <Select
            aria-label={m.grade}
            placeholder={m.grade}
            options={labelled(ASSESSMENT_GRADES, ASSESSMENT_GRADE_LABELS)}
            style={{ width: 110 }}
          />
        </Form.Item>
        <Form.Item name="remarks">
          <Input aria-label={m.remarks} placeholder={m.remarks} style={{ width: 180 }} />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={row.assessment ? m.reassess : m.assess} />
      </Form>
    </div>
  );
}

/** The instructors of the year with their assessment; the ones the caller assesses carry the form. */
export function AssessTable({ rows, year }: { rows: AssessRow[]; year: number }) {
  return (
    <Table
      size="small"
      rowKey="instructorId"
      data-testid="assess-table"
      pagination={{ pageSize: 20, showSizeChanger: false }}
      locale={{ emptyText: m.none }}
      dataSource={rows}
      onRow={(r) => ({ "data-testid": `assess-row-${r.instructorId}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { key: "number", title: m.number, dataIndex: "number" },
        { key: "name", title: m.name, dataIndex: "name" },
        { key: "dispatcher", title: m.dispatcher, render: (_, r) => r.dispatchName ?? "" },
        {
          key: "grade",
          title: m.grade,
          render: (_, r) =>
            r.assessment ? (
              <Tag color="green">{ASSESSMENT_GRADE_LABELS[r.assessment.grade]}</Tag>
            ) : (
              <Tag>{m.notAssessed}</Tag>
            ),
        },
        { key: "remarks", title: m.remarks, render: (_, r) => r.assessment?.remarks ?? "" },
        {
          key: "action",
          title: m.assess,
          render: (_, r) => (r.mayAssess ? <AssessForm row={r} year={year} /> : m.notMine),
        },
      ]}
    />
  );
}

export interface ReviewRow {
  orgId: number;
  orgName: string;
  memberId: number;
  secretaryName: string;
  startOn: string;
  endOn: string | null;
  review: { grade: ReviewGrade; remarks: string | null; reviewedOn: string; version: number } | null;
}

function ReviewForm({ row, year }: { row: ReviewRow; year: number }) {
  const trpc = useTRPC();
  const out = useOutcome();
  const mutation = useMutation(
    trpc.assessment.reviewSecretary.mutationOptions({ onSuccess: () => out.ok(), onError: out.fail }),
  );
  return (
    <div data-testid={`review-form-${row.orgId}-${row.memberId}`}>
      {out.feedback}
      <Form
        layout="inline"
        initialValues={{ grade: row.review?.grade, remarks: row.review?.remarks ?? "" }}
        onFinish={(v: { grade: ReviewGrade; remarks?: string }) =>
          mutation.mutate({
            orgId: row.orgId,
            memberId: row.memberId,
            year,
            grade: v.grade,
            remarks: v.remarks,
            ...(row.review ? { version: row.review.version } : {}),
          })
        }
      >
        <Form.Item name="grade" rules={choose(m.reviewGrade)}>
          <Select
            aria-label={m.reviewGrade}
            placeholder={m.reviewGrade}
            options={labelled(REVIEW_GRADES, REVIEW_GRADE_LABELS)}
            style={{ width: 100 }}
          />
        </Form.Item>
        <Form.Item name="remarks">
          <Input aria-label={m.remarks} placeholder={m.remarks} style={{ width: 180 }} />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={row.review ? m.rereview : m.review} />
      </Form>
    </div>
  );
}

/** The secretaries of the caller's subordinate organizations in office during the year, with the form. */
export function ReviewTable({ rows, year }: { rows: ReviewRow[]; year: number }) {
  return (
    <Table
      size="small"
      rowKey={(r) => `${r.orgId}-${r.memberId}`}
      data-testid="review-table"
      pagination={{ pageSize: 20, showSizeChanger: false }}
      locale={{ emptyText: m.none }}
      dataSource={rows}
      columns={[
        { key: "org", title: m.org, dataIndex: "orgName" },
        { key: "secretary", title: m.secretary, dataIndex: "secretaryName" },
        { key: "term", title: m.term, render: (_, r) => `${r.startOn} 至 ${r.endOn ?? "今"}` },
        {
          key: "grade",
          title: m.reviewGrade,
          render: (_, r) =>
            r.review ? (
              <Tag color="green">{REVIEW_GRADE_LABELS[r.review.grade]}</Tag>
            ) : (
              <Tag>{m.notReviewed}</Tag>
            ),
        },
        { key: "action", title: m.review, render: (_, r) => <ReviewForm row={r} year={year} /> },
      ]}
    />
  );
}

/** An application for 五好党支部 of the year, for an organization of the caller's subtree. */
export function FiveGoodApplyForm({ orgs, year }: { orgs: Option[]; year: number }) {
  const trpc = useTRPC();
  const out = useOutcome();
  const mutation = useMutation(
    trpc.assessment.fiveGood.submit.mutationOptions({ onSuccess: () => out.ok(), onError: out.fail }),
  );
  return (
    <FormCard title={m.applyTitle(year)} testId="five-good-apply">
      {out.feedback}
      <Form
        layout="inline"
        initialValues={orgs.length === 1 ? { orgId: orgs[0]!.id } : {}}
        onFinish={(v: { orgId: number; application?: string }) =>
          mutation.mutate({ orgId: v.orgId, year, application: v.application })
        }
      >
        <OrgItem orgs={orgs} width={300} />
        <Form.Item name="application" label={m.application}>
          <Input style={{ width: 260 }} />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={m.apply} />
      </Form>
    </FormCard>
  );
}

export interface FiveGoodRowView {
  id: number;
  orgName: string;
  year: number;
  appliedOn: string;
  application: string | null;
  decision: AwardDecision | null;
  level: HonourLevel | null;
  reviewedOn: string | null;
  reviewerName: string | null;
  reviewNote: string | null;
  version: number;
  mayReview: boolean;
}

/** 授予(县级), 不予授予 or 待评审. */
export function fiveGoodState(r: Pick<FiveGoodRowView, "decision" | "level">) {
  if (r.decision === null) return <Tag color="orange">{m.pending}</Tag>;
  if (r.decision === "rejected") return <Tag>{AWARD_DECISION_LABELS.rejected}</Tag>;
  return (
    <Tag color="red">
      {AWARD_DECISION_LABELS.awarded}({r.level ? HONOUR_LEVEL_LABELS[r.level] : ""})
    </Tag>
  );
}

function FiveGoodReviewForm({ row }: { row: FiveGoodRowView }) {
  const trpc = useTRPC();
  const out = useOutcome();
  const mutation = useMutation(
    trpc.assessment.fiveGood.review.mutationOptions({ onSuccess: () => out.ok(), onError: out.fail }),
  );
  return (
    <div data-testid={`five-good-review-${row.id}`}>
      {out.feedback}
      <Space>
        <Form
          layout="inline"
          onFinish={(v: { decision: AwardDecision; reviewNote?: string }) =>
            mutation.mutate({
              id: row.id,
              decision: v.decision,
              reviewNote: v.reviewNote,
              version: row.version,
            })
          }
        >
          <Form.Item name="decision" rules={choose(m.decision)}>
            <Select
              aria-label={m.decision}
              placeholder={m.decision}
              options={labelled(AWARD_DECISIONS, AWARD_DECISION_LABELS)}
              style={{ width: 110 }}
            />
          </Form.Item>
          <Form.Item name="reviewNote">
            <Input aria-label={m.reviewNote} placeholder={m.reviewNote} style={{ width: 160 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={mutation.isPending}>
            {m.submitReview}
          </Button>
        </Form>
      </Space>
    </div>
  );
}

/** The applications, pending first; the ones the caller reviews carry the form. */
export function FiveGoodTable({ rows }: { rows: FiveGoodRowView[] }) {
  return (
    <Table
      size="small"
      rowKey="id"
      data-testid="five-good-table"
      pagination={{ pageSize: 20, showSizeChanger: false }}
      locale={{ emptyText: m.none }}
      dataSource={rows}
      onRow={(r) => ({ "data-testid": `five-good-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { key: "org", title: m.org, dataIndex: "orgName" },
        { key: "year", title: m.year, dataIndex: "year" },
        { key: "appliedOn", title: m.appliedOn, dataIndex: "appliedOn" },
        { key: "application", title: m.application, render: (_, r) => r.application ?? "" },
        { key: "state", title: m.state, render: (_, r) => fiveGoodState(r) },
        {
          key: "reviewer",
          title: m.reviewer,
          render: (_, r) => (r.reviewerName ? `${r.reviewerName} ${r.reviewedOn ?? ""}` : ""),
        },
        {
          key: "action",
          title: m.decision,
          render: (_, r) => (r.mayReview ? <FiveGoodReviewForm row={r} /> : (r.reviewNote ?? "")),
        },
      ]}
    />
  );
}
