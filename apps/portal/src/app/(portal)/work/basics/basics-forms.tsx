"use client";

/** The forms of one organization's five basics: venue, funds, rules, committee. */
import { useMutation } from "@tanstack/react-query";
import { Checkbox, Form, Input, InputNumber, Select } from "antd";
import {
  COMMITTEE_POST_LABELS,
  COMMITTEE_POSTS,
  FUND_SOURCE_LABELS,
  FUND_SOURCES,
  ORG_RULE_LABELS,
  ORG_RULES,
  VENUE_EQUIPMENT,
  VENUE_EQUIPMENT_LABELS,
  VENUE_STATUS_LABELS,
  VENUE_STATUSES,
  type CommitteePost,
  type FundSource,
  type OrgRule,
  type VenueEquipment,
  type VenueStatus,
} from "@liangxin/domain";
import { useTRPC } from "@/trpc/react";
import { DateField } from "@/components/date-field";
import { choose, dateRules, FormCard, labelled, required, SubmitButton } from "../form-kit.tsx";
import { useFieldOutcome } from "./field-outcome.tsx";
import { basicsPageMessages as m } from "./messages.ts";

export function VenueForm({
  orgId,
  today,
  current,
}: {
  orgId: number;
  today: string;
  current: {
    name: string;
    status: VenueStatus | null;
    areaSqm: number | null;
    equipment: VenueEquipment[];
  } | null;
}) {
  const trpc = useTRPC();
  const [form] = Form.useForm();
  const out = useFieldOutcome(
    form,
    {
      name: "场所名称",
      checkedOn: "检查日期",
      status: "场所状况",
      areaSqm: "面积(平方米)",
      equipment: "配备设施",
    },
    "name",
  );
  const mutation = useMutation(
    trpc.basics.venue.record.mutationOptions({ onSuccess: out.ok, onError: out.fail }),
  );
  return (
    <FormCard title={m.recordVenue} testId="venue-form">
      {out.feedback}
      <Form
        name="venue"
        form={form}
        onValuesChange={out.clear}
        layout="inline"
        initialValues={{
          name: current?.name ?? "党员活动室",
          checkedOn: today,
          status: current?.status ?? undefined,
          areaSqm: current?.areaSqm ?? undefined,
          equipment: current?.equipment ?? [],
        }}
        onFinish={(v: {
          name: string;
          checkedOn: string;
          status: VenueStatus;
          areaSqm?: number;
          equipment: VenueEquipment[];
        }) => mutation.mutate({ orgId, ...v, areaSqm: v.areaSqm ?? null })}
      >
        <Form.Item name="name" label={m.venueName} rules={required(m.venueName)}>
          <Input style={{ width: 160 }} data-testid="venue-name" />
        </Form.Item>
        <Form.Item name="checkedOn" label={m.checkedOn} rules={dateRules(m.checkedOn)}>
          <DateField />
        </Form.Item>
        <Form.Item name="status" label={m.status} rules={choose(m.status)}>
          <Select
            options={labelled(VENUE_STATUSES, VENUE_STATUS_LABELS)}
            style={{ width: 110 }}
            data-testid="venue-status"
          />
        </Form.Item>
        <Form.Item name="areaSqm" label={m.area}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="equipment" label={m.equipment}>
          <Checkbox.Group
            options={labelled(VENUE_EQUIPMENT, VENUE_EQUIPMENT_LABELS)}
            data-testid="venue-equipment"
          />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={m.save} />
      </Form>
    </FormCard>
  );
}

export function FundsForm({ orgId, year }: { orgId: number; year: number }) {
  const trpc = useTRPC();
  const [form] = Form.useForm();
  const out = useFieldOutcome(form, { year: "年度", source: "来源", amount: "金额(万元)" }, "source");
  const mutation = useMutation(trpc.basics.funds.mutationOptions({ onSuccess: out.ok, onError: out.fail }));
  return (
    <FormCard title={m.recordFunds} testId="funds-form">
      {out.feedback}
      <Form
        name="funds"
        form={form}
        onValuesChange={out.clear}
        layout="inline"
        initialValues={{ year }}
        onFinish={(v: { year: number; source: FundSource; amount: string }) =>
          mutation.mutate({ orgId, ...v })
        }
      >
        <Form.Item name="year" label={m.year} rules={[{ required: true, message: m.year }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="source" label={m.source} rules={choose(m.source)}>
          <Select
            options={labelled(FUND_SOURCES, FUND_SOURCE_LABELS)}
            style={{ width: 130 }}
            data-testid="funds-source"
          />
        </Form.Item>
        <Form.Item name="amount" label={m.amount} rules={required(m.amount)}>
          <Input style={{ width: 120 }} data-testid="funds-amount" />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={m.save} />
      </Form>
    </FormCard>
  );
}

export function RuleForm({ orgId, today, adopted }: { orgId: number; today: string; adopted: OrgRule[] }) {
  const trpc = useTRPC();
  const [form] = Form.useForm();
  const out = useFieldOutcome(form, { rule: "制度", adoptedOn: "建立日期" }, "rule");
  const mutation = useMutation(
    trpc.basics.rules.adopt.mutationOptions({ onSuccess: out.ok, onError: out.fail }),
  );
  const open = ORG_RULES.filter((r) => !adopted.includes(r));
  return (
    <FormCard title={m.adoptRule} testId="rule-form">
      {out.feedback}
      <Form
        name="rule"
        form={form}
        onValuesChange={out.clear}
        layout="inline"
        initialValues={{ adoptedOn: today }}
        onFinish={(v: { rule: OrgRule; adoptedOn: string }) => mutation.mutate({ orgId, ...v })}
      >
        <Form.Item name="rule" label={m.rule} rules={choose(m.rule)}>
          <Select
            options={labelled(open, ORG_RULE_LABELS)}
            style={{ width: 160 }}
            data-testid="rule-select"
          />
        </Form.Item>
        <Form.Item name="adoptedOn" label={m.adoptedOn} rules={dateRules(m.adoptedOn)}>
          <DateField />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={m.adoptRule} />
      </Form>
    </FormCard>
  );
}

export function CommitteeForm({
  orgId,
  today,
  members,
}: {
  orgId: number;
  today: string;
  members: { id: number; name: string }[];
}) {
  const trpc = useTRPC();
  const [form] = Form.useForm();
  const out = useFieldOutcome(form, { memberId: "党员", post: "班子职务", startOn: "开始日期" }, "memberId");
  const mutation = useMutation(
    trpc.basics.committee.set.mutationOptions({ onSuccess: out.ok, onError: out.fail }),
  );
  return (
    <FormCard title={m.setCommittee} testId="committee-form">
      {out.feedback}
      <Form
        name="committee"
        form={form}
        onValuesChange={out.clear}
        layout="inline"
        initialValues={{ startOn: today, cross: [] }}
        onFinish={(v: { memberId: number; post: CommitteePost; startOn: string; cross: string[] }) =>
          mutation.mutate({
            orgId,
            memberId: v.memberId,
            post: v.post,
            startOn: v.startOn,
            onBoard: v.cross.includes("board"),
            inManagement: v.cross.includes("management"),
            onSupervisoryBoard: v.cross.includes("supervision"),
          })
        }
      >
        <Form.Item name="memberId" label={m.member} rules={choose(m.member)}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={members.map((x) => ({ value: x.id, label: x.name }))}
            style={{ width: 140 }}
          />
        </Form.Item>
        <Form.Item name="post" label={m.post} rules={choose(m.post)}>
          <Select options={labelled(COMMITTEE_POSTS, COMMITTEE_POST_LABELS)} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="startOn" label={m.startOn} rules={dateRules(m.startOn)}>
          <DateField />
        </Form.Item>
        <Form.Item name="cross" label={m.crossPosts}>
          <Checkbox.Group
            options={[
              { value: "board", label: "董事会" },
              { value: "management", label: "经营管理层" },
              { value: "supervision", label: "监事会" },
            ]}
          />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={m.setCommittee} />
      </Form>
    </FormCard>
  );
}
