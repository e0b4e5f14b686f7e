"use client";

/** The forms of the instructor dispatch (指导员选派): assigning an instructor to a host, ending an assignment. */
import { useMutation } from "@tanstack/react-query";
import { Form, Select } from "antd";
import { useTRPC } from "@/trpc/react";
import { DateField } from "@/components/date-field";
import {
  choose,
  dateRules,
  DateAction,
  FormCard,
  options,
  SubmitButton,
  useOutcome,
  useSmallAction,
  type Option,
} from "./form-kit.tsx";
import { workMessages as m } from "./messages.ts";

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
