"use client";

/** The forms of ratings and rectifications (定级整顿): a rating, a 软弱涣散 case opened and resolved. */
import { useMutation } from "@tanstack/react-query";
import { Form, Input, InputNumber, Select } from "antd";
import { RATING_GRADE_LABELS, RATING_GRADES, type RatingGrade } from "@liangxin/domain";
import { useTRPC } from "@/trpc/react";
import { DateField } from "@/components/date-field";
import {
  DateAction,
  FormCard,
  optionalDateRules,
  OrgItem,
  required,
  SubmitButton,
  useOutcome,
  useSmallAction,
  type Option,
} from "./form-kit.tsx";
import { workMessages as m } from "./messages.ts";

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
