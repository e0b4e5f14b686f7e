"use client";

/** The forms of organization life and elections (组织生活, 换届): a meeting held, an election held. */
import { useMutation } from "@tanstack/react-query";
import { Form, Input, InputNumber, Select } from "antd";
import { MEETING_KIND_LABELS, MEETING_KINDS, type MeetingKind } from "@liangxin/domain";
import { useTRPC } from "@/trpc/react";
import { DateField } from "@/components/date-field";
import { choose, dateRules, FormCard, OrgItem, SubmitButton, useOutcome, type Option } from "./form-kit.tsx";
import { workMessages as m } from "./messages.ts";

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
