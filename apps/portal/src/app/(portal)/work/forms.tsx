"use client";

import { useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space } from "antd";
import type { Rule } from "antd/es/form";
import {
  APPLICANT_STAGE_LABELS,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  PACT_KIND_LABELS,
  PACT_KINDS,
  RATING_GRADE_LABELS,
  RATING_GRADES,
  type ApplicantStage,
  type MeetingKind,
  type PactKind,
  type PlanMilestoneKey,
  type RatingGrade,
} from "@liangxin/domain";
import { useTRPC } from "@/trpc/react";
import { ConfirmButton } from "@/components/confirm-button";
import { DateField } from "@/components/date-field";
import { workMessages as m } from "./messages";

export interface Option {
  id: number;
  name: string;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const dateRules = (label: string): Rule[] => [
  { required: true, message: m.required(label) },
  { pattern: DATE_RE, message: m.datePattern },
];
const optionalDateRules: Rule[] = [{ pattern: DATE_RE, message: m.datePattern }];
const required = (label: string): Rule[] => [
  { required: true, whitespace: true, message: m.required(label) },
];
const choose = (label: string): Rule[] => [{ required: true, message: m.choose(label) }];
const options = (list: readonly Option[]) => list.map((o) => ({ value: o.id, label: o.name }));

/** Success and error lines of a form, and the page refresh after a change. */
function useOutcome() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return {
    ok(text?: string) {
      setError(null);
      setNotice(text ?? m.saved);
      router.refresh();
    },
    fail(e: { message: string }) {
      setNotice(null);
      setError(e.message);
    },
    feedback: (
      <>
        {error ? (
          <Alert type="error" showIcon title={error} data-testid="form-error" style={{ marginBottom: 12 }} />
        ) : null}
        {notice ? (
          <Alert
            type="success"
            showIcon
            title={notice}
            data-testid="form-notice"
            style={{ marginBottom: 12 }}
          />
        ) : null}
      </>
    ),
  };
}

/** The organization picker every work form starts with. */
function OrgItem({ orgs, width }: { orgs: readonly Option[]; width: number }) {
  return (
    <Form.Item name="orgId" label={m.org} rules={choose(m.org)}>
      <Select showSearch={{ optionFilterProp: "label" }} options={options(orgs)} style={{ width }} />
    </Form.Item>
  );
}

function SubmitButton({ pending, label }: { pending: boolean; label: string }) {
  return (
    <Button type="primary" htmlType="submit" loading={pending}>
      {label}
    </Button>
  );
}

function FormCard({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Card title={title} size="small" data-testid={testId} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

// ───────────── plans ─────────────

export function CreatePlanForm({ hosts, defaultTarget }: { hosts: Option[]; defaultTarget: string }) {
  const trpc = useTRPC();
  const out = useOutcome();
  const [form] = Form.useForm<{ hostId: number; targetOn: string; responsible: string; note?: string }>();
  const mutation = useMutation(
    trpc.work.plans.create.mutationOptions({
      onSuccess: () => {
        form.resetFields();
        out.ok();
      },
      onError: out.fail,
    }),
  );
  return (
    <FormCard title={m.createPlan} testId="create-plan">
      {out.feedback}
      <Form
        form={form}
        layout="inline"
        initialValues={{ targetOn: defaultTarget }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item name="hostId" label={m.host} rules={choose(m.host)}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={options(hosts)}
            style={{ width: 280 }}
          />
        </Form.Item>
        <Form.Item name="targetOn" label={m.targetOn} rules={dateRules(m.targetOn)}>
          <DateField />
        </Form.Item>
        <Form.Item name="responsible" label={m.responsible} rules={required(m.responsible)}>
          <Input style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="note" label={m.note}>
          <Input style={{ width: 200 }} />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={m.createPlan} />
      </Form>
    </FormCard>
  );
}

export function PlanNoteForm({ planId, today }: { planId: number; today: string }) {
  const trpc = useTRPC();
  const out = useOutcome();
  const [form] = Form.useForm<{ notedOn: string; note: string }>();
  const mutation = useMutation(
    trpc.work.plans.addNote.mutationOptions({
      onSuccess: () => {
        form.resetFields();
        out.ok();
      },
      onError: out.fail,
    }),
  );
  return (
    <FormCard title={m.addNote} testId="plan-note-form">
      {out.feedback}
      <Form
        form={form}
        layout="inline"
        initialValues={{ notedOn: today }}
        onFinish={(v) => mutation.mutate({ planId, ...v })}
      >
        <Form.Item name="notedOn" label={m.notedOn} rules={dateRules(m.notedOn)}>
          <DateField />
        </Form.Item>
        <Form.Item name="note" label={m.note} rules={required(m.note)}>
          <Input style={{ width: 360 }} />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={m.addNote} />
      </Form>
    </FormCard>
  );
}

export function FoundOrgForm({
  planId,
  today,
  defaultName,
}: {
  planId: number;
  today: string;
  defaultName: string;
}) {
  const trpc = useTRPC();
  const out = useOutcome();
  const mutation = useMutation(
    trpc.work.plans.foundOrganization.mutationOptions({
      onSuccess: (r) => out.ok(m.founded(r.code)),
      onError: out.fail,
    }),
  );
  const [form] = Form.useForm<{ name: string; foundedOn: string }>();
  return (
    <FormCard title={m.foundOrg} testId="found-org-form">
      {out.feedback}
      <Form
        form={form}
        layout="inline"
        initialValues={{ foundedOn: today, name: defaultName }}
        onFinish={(v: { name: string; foundedOn: string }) => mutation.mutate({ planId, ...v })}
      >
        <Form.Item name="name" label={m.orgName} rules={required(m.orgName)}>
          <Input style={{ width: 320 }} />
        </Form.Item>
        <Form.Item name="foundedOn" label={m.foundedOn} rules={dateRules(m.foundedOn)}>
          <DateField />
        </Form.Item>
        <ConfirmButton
          title={m.foundConfirm}
          type="primary"
          danger
          loading={mutation.isPending}
          onConfirm={() => form.submit()}
        >
          {m.foundButton}
        </ConfirmButton>
      </Form>
    </FormCard>
  );
}

// ───────────── instructors ─────────────

export function AssignForm({
  instructors,
  hosts,
  today,
}: {
  instructors: Option[];
  hosts: Option[];
  today: string;
}) {
  const trpc = useTRPC();
  const out = useOutcome();
  const mutation = useMutation(
    trpc.records.assignment.start.mutationOptions({
      onSuccess: (r) =>
        out.ok(r.warnings.length ? [m.saved, ...r.warnings.map((w) => w.message)].join("。") : undefined),
      onError: out.fail,
    }),
  );
  return (
    <FormCard title={m.assign} testId="assign-form">
      {out.feedback}
      <Form
        layout="inline"
        initialValues={{ startOn: today }}
        onFinish={(v: { instructorId: number; hostId: number; startOn: string }) => mutation.mutate(v)}
      >
        <Form.Item name="instructorId" label={m.instructor} rules={choose(m.instructor)}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={options(instructors)}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item name="hostId" label={m.host} rules={choose(m.host)}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={options(hosts)}
            style={{ width: 280 }}
          />
        </Form.Item>
        <Form.Item name="startOn" label={m.startOn} rules={dateRules(m.startOn)}>
          <DateField />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={m.assign} />
      </Form>
    </FormCard>
  );
}

/** A small inline form: one date and a button (end an assignment, close a case, advance a stage…). */
function DateAction({
  label,
  today,
  pending,
  onSubmit,
  error,
  testId,
}: {
  label: string;
  today: string;
  pending: boolean;
  onSubmit: (date: string) => void;
  error: string | null;
  testId: string;
}) {
  const [date, setDate] = useState(today);
  return (
    <Space size={4} data-testid={testId}>
      <DateField
        size="small"
        value={date}
        onChange={setDate}
        width={130}
        ariaLabel={m.date}
        allowClear={false}
      />
      <ConfirmButton
        title={m.confirmDated(label, date)}
        size="small"
        loading={pending}
        onConfirm={() => onSubmit(date)}
      >
        {label}
      </ConfirmButton>
      {error ? <span style={{ color: "#c8161d", fontSize: 12 }}>{error}</span> : null}
    </Space>
  );
}

function useSmallAction() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return {
    error,
    onSuccess: () => {
      setError(null);
      router.refresh();
    },
    onError: (e: { message: string }) => setError(e.message),
  };
}

export function EndAssignmentButton({ assignmentId, today }: { assignmentId: number; today: string }) {
  const trpc = useTRPC();
  const a = useSmallAction();
  const mutation = useMutation(
    trpc.records.assignment.end.mutationOptions({ onSuccess: a.onSuccess, onError: a.onError }),
  );
  return (
    <DateAction
      label={m.end}
      today={today}
      pending={mutation.isPending}
      error={a.error}
      testId={`end-assignment-${assignmentId}`}
      onSubmit={(endOn) => mutation.mutate({ id: assignmentId, endOn })}
    />
  );
}

// ───────────── meetings and elections ─────────────

export function MeetingForm({ orgs, today }: { orgs: Option[]; today: string }) {
  const trpc = useTRPC();
  const out = useOutcome();
  const [form] = Form.useForm<{
    orgId: number;
    kind: MeetingKind;
    heldOn: string;
    topic?: string;
    attendees?: number;
  }>();
  const mutation = useMutation(
    trpc.work.meetings.record.mutationOptions({
      onSuccess: () => {
        form.resetFields(["topic", "attendees"]);
        out.ok();
      },
      onError: out.fail,
    }),
  );
  return (
    <FormCard title={m.recordMeeting} testId="meeting-form">
      {out.feedback}
      <Form
        form={form}
        layout="inline"
        initialValues={{ heldOn: today, orgId: orgs.length === 1 ? orgs[0]?.id : undefined }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <OrgItem orgs={orgs} width={280} />
        <Form.Item name="kind" label={m.meetingKind} rules={choose(m.meetingKind)}>
          <Select
            options={MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }))}
            style={{ width: 150 }}
          />
        </Form.Item>
        <Form.Item name="heldOn" label={m.heldOn} rules={dateRules(m.heldOn)}>
          <DateField />
        </Form.Item>
        <Form.Item name="topic" label={m.topic}>
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="attendees" label={m.attendees}>
          <InputNumber min={0} max={10000} precision={0} style={{ width: 90 }} />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={m.recordMeeting} />
      </Form>
    </FormCard>
  );
}

export function ElectionForm({ orgs, today }: { orgs: Option[]; today: string }) {
  const trpc = useTRPC();
  const out = useOutcome();
  const mutation = useMutation(
    trpc.work.elections.record.mutationOptions({ onSuccess: () => out.ok(), onError: out.fail }),
  );
  return (
    <FormCard title={m.recordElection} testId="election-form">
      {out.feedback}
      <Form
        layout="inline"
        initialValues={{ heldOn: today }}
        onFinish={(v: { orgId: number; heldOn: string; note?: string }) => mutation.mutate(v)}
      >
        <OrgItem orgs={orgs} width={320} />
        <Form.Item name="heldOn" label={m.electedOn} rules={dateRules(m.electedOn)}>
          <DateField />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={m.recordElection} />
      </Form>
    </FormCard>
  );
}

// ───────────── ratings and rectifications ─────────────

export function RatingForm({ orgs, year }: { orgs: Option[]; year: number }) {
  const trpc = useTRPC();
  const out = useOutcome();
  const mutation = useMutation(
    trpc.work.ratings.set.mutationOptions({ onSuccess: () => out.ok(), onError: out.fail }),
  );
  return (
    <FormCard title={`${m.setRating}(${year})`} testId="rating-form">
      {out.feedback}
      <Form
        layout="inline"
        onFinish={(v: { orgId: number; stars?: number; grade?: RatingGrade }) =>
          mutation.mutate({ orgId: v.orgId, year, stars: v.stars ?? null, grade: v.grade ?? null })
        }
      >
        <OrgItem orgs={orgs} width={300} />
        <Form.Item name="stars" label={m.stars}>
          <InputNumber min={1} max={5} precision={0} style={{ width: 80 }} />
        </Form.Item>
        <Form.Item name="grade" label={m.grade}>
          <Select
            allowClear
            options={RATING_GRADES.map((g) => ({ value: g, label: RATING_GRADE_LABELS[g] }))}
            style={{ width: 100 }}
          />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={m.setRating} />
      </Form>
    </FormCard>
  );
}

export function RectificationForm({ orgs, year }: { orgs: Option[]; year: number }) {
  const trpc = useTRPC();
  const out = useOutcome();
  const mutation = useMutation(
    trpc.work.rectifications.open.mutationOptions({ onSuccess: () => out.ok(), onError: out.fail }),
  );
  return (
    <FormCard title={m.openCase} testId="rectification-form">
      {out.feedback}
      <Form
        layout="inline"
        onFinish={(v: {
          orgId: number;
          reason: string;
          measures?: string;
          responsible?: string;
          deadline?: string;
        }) => mutation.mutate({ ...v, year, deadline: v.deadline || undefined })}
      >
        <OrgItem orgs={orgs} width={300} />
        <Form.Item name="reason" label={m.reason} rules={required(m.reason)}>
          <Input style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="measures" label={m.measures}>
          <Input style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="responsible" label={m.responsible}>
          <Input style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="deadline" label={m.deadline} rules={optionalDateRules}>
          <DateField />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={m.openCase} />
      </Form>
    </FormCard>
  );
}

/** Tick off a milestone of a plan, dated (today by default). */
export function CompleteMilestoneButton({
  planId,
  milestone,
  today,
}: {
  planId: number;
  milestone: { key: PlanMilestoneKey; label: string };
  today: string;
}) {
  const trpc = useTRPC();
  const a = useSmallAction();
  const mutation = useMutation(
    trpc.work.plans.completeMilestone.mutationOptions({ onSuccess: a.onSuccess, onError: a.onError }),
  );
  return (
    <DateAction
      label={m.completeMilestone(milestone.label)}
      today={today}
      pending={mutation.isPending}
      error={a.error}
      testId={`milestone-${milestone.key}`}
      onSubmit={(doneOn) => mutation.mutate({ planId, key: milestone.key, doneOn })}
    />
  );
}

export function ResolveButton({ id, today }: { id: number; today: string }) {
  const trpc = useTRPC();
  const a = useSmallAction();
  const mutation = useMutation(
    trpc.work.rectifications.resolve.mutationOptions({ onSuccess: a.onSuccess, onError: a.onError }),
  );
  return (
    <DateAction
      label={m.resolve}
      today={today}
      pending={mutation.isPending}
      error={a.error}
      testId={`resolve-${id}`}
      onSubmit={(resolvedOn) => mutation.mutate({ id, resolvedOn })}
    />
  );
}

// ───────────── pacts ─────────────

export function PactForm({ orgs, today }: { orgs: Option[]; today: string }) {
  const trpc = useTRPC();
  const out = useOutcome();
  const mutation = useMutation(
    trpc.work.pacts.create.mutationOptions({ onSuccess: () => out.ok(), onError: out.fail }),
  );
  return (
    <FormCard title={m.createPact} testId="pact-form">
      {out.feedback}
      <Form
        layout="inline"
        initialValues={{ startOn: today }}
        onFinish={(v: {
          kind: PactKind;
          name: string;
          startOn: string;
          orgId: number;
          outside?: string;
          partnerOrgId?: number;
          funds?: number;
          outcome?: string;
        }) =>
          mutation.mutate({
            kind: v.kind,
            name: v.name,
            startOn: v.startOn,
            funds: v.funds ?? undefined,
            outcome: v.outcome,
            // Another organization of the tree (结对帮扶) or an outside party.
            parties: [
              { orgId: v.orgId },
              v.partnerOrgId !== undefined ? { orgId: v.partnerOrgId } : { name: v.outside },
            ],
          })
        }
      >
        <Form.Item name="kind" label={m.pactKind} rules={choose(m.pactKind)}>
          <Select
            options={PACT_KINDS.map((k) => ({ value: k, label: PACT_KIND_LABELS[k] }))}
            style={{ width: 120 }}
          />
        </Form.Item>
        <Form.Item name="name" label={m.pactName} rules={required(m.pactName)}>
          <Input style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="startOn" label={m.startOn} rules={dateRules(m.startOn)}>
          <DateField />
        </Form.Item>
        <Form.Item name="orgId" label={m.partyOrg} rules={choose(m.partyOrg)}>
          <Select showSearch={{ optionFilterProp: "label" }} options={options(orgs)} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item
          name="outside"
          label={m.partyOutside}
          dependencies={["partnerOrgId"]}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value?: string) =>
                !value?.trim() === (getFieldValue("partnerOrgId") === undefined)
                  ? Promise.reject(new Error(m.partnerXorOutside))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="partnerOrgId" label={m.partyPartnerOrg}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            options={options(orgs)}
            style={{ width: 260 }}
          />
        </Form.Item>
        <Form.Item name="funds" label={m.funds}>
          <InputNumber min={0} precision={2} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="outcome" label={m.outcome}>
          <Input style={{ width: 220 }} />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={m.createPact} />
      </Form>
    </FormCard>
  );
}

// ───────────── development ─────────────

export function ApplicantForm({ orgs, today }: { orgs: Option[]; today: string }) {
  const trpc = useTRPC();
  const out = useOutcome();
  const [form] = Form.useForm();
  const mutation = useMutation(
    trpc.work.development.create.mutationOptions({
      onSuccess: () => {
        form.resetFields(["idNumber", "name"]);
        out.ok();
      },
      onError: out.fail,
    }),
  );
  return (
    <FormCard title={m.createApplicant} testId="applicant-form">
      {out.feedback}
      <Form
        form={form}
        layout="inline"
        initialValues={{ appliedOn: today, orgId: orgs.length === 1 ? orgs[0]?.id : undefined }}
        onFinish={(v: {
          idNumber: string;
          name: string;
          gender: "male" | "female";
          orgId: number;
          appliedOn: string;
        }) => mutation.mutate(v)}
      >
        <Form.Item name="name" label={m.name} rules={required(m.name)}>
          <Input style={{ width: 100 }} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={m.idNumber}
          rules={[...required(m.idNumber), { pattern: /^\d{17}[\dXx]$/, message: "公民身份号码应为18位" }]}
        >
          <Input style={{ width: 190 }} />
        </Form.Item>
        <Form.Item name="gender" label={m.gender} rules={choose(m.gender)}>
          <Select
            options={[
              { value: "male", label: m.male },
              { value: "female", label: m.female },
            ]}
            style={{ width: 80 }}
          />
        </Form.Item>
        <OrgItem orgs={orgs} width={260} />
        <Form.Item name="appliedOn" label={m.appliedOn} rules={dateRules(m.appliedOn)}>
          <DateField />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={m.createApplicant} />
      </Form>
    </FormCard>
  );
}

export function AdvanceButton({
  applicantId,
  stage,
  today,
}: {
  applicantId: number;
  stage: ApplicantStage;
  today: string;
}) {
  const trpc = useTRPC();
  const a = useSmallAction();
  const mutation = useMutation(
    trpc.work.development.advance.mutationOptions({ onSuccess: a.onSuccess, onError: a.onError }),
  );
  return (
    <DateAction
      label={m.advance(APPLICANT_STAGE_LABELS[stage])}
      today={today}
      pending={mutation.isPending}
      error={a.error}
      testId={`advance-${applicantId}`}
      onSubmit={(on) => mutation.mutate({ applicantId, stage, on })}
    />
  );
}

export function ConfirmFullButton({ memberId, today }: { memberId: number; today: string }) {
  const trpc = useTRPC();
  const a = useSmallAction();
  const mutation = useMutation(
    trpc.work.development.confirmFull.mutationOptions({ onSuccess: a.onSuccess, onError: a.onError }),
  );
  return (
    <DateAction
      label={m.confirmFull}
      today={today}
      pending={mutation.isPending}
      error={a.error}
      testId={`confirm-full-${memberId}`}
      onSubmit={(fullOn) => mutation.mutate({ memberId, fullOn })}
    />
  );
}
