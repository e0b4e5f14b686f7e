"use client";

/** The forms of the development pipeline (发展党员): an applicant registered, a stage advanced, 转正. */
import { useMutation } from "@tanstack/react-query";
import { Form, Input, Select } from "antd";
import { APPLICANT_STAGE_LABELS, type ApplicantStage } from "@liangxin/domain";
import { useTRPC } from "@/trpc/react";
import { DateField } from "@/components/date-field";
import {
  choose,
  dateRules,
  DateAction,
  FormCard,
  OrgItem,
  required,
  SubmitButton,
  useOutcome,
  useSmallAction,
  type Option,
} from "./form-kit.tsx";
import { workMessages as m } from "./messages.ts";

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
