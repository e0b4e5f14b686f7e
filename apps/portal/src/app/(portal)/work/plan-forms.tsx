"use client";

/**
 * The forms of the establishment plans (组建计划): a new plan, a progress note, founding the organization, a
 * milestone ticked off.
 */
import { useMutation } from "@tanstack/react-query";
import { Form, Input, Select } from "antd";
import type { PlanMilestoneKey } from "@liangxin/domain";
import { useTRPC } from "@/trpc/react";
import { ConfirmButton } from "@/components/confirm-button";
import { DateField } from "@/components/date-field";
import {
  dateRules,
  choose,
  DateAction,
  FormCard,
  options,
  required,
  SubmitButton,
  useOutcome,
  useSmallAction,
  type Option,
} from "./form-kit.tsx";
import { workMessages as m } from "./messages.ts";

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
