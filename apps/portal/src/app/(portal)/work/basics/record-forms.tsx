"use client";

/**
 * The forms of the five basics beyond the venue, funds, rules and committee: the secretary's profile and
 * allowance, reserve cadres, the shared venues (党群服务中心: create, check, link) and the dated "end"
 * actions of the rows (committee post, reserve cadre, venue link, rule). A refusal of the server is shown
 * under the field it is about (zod issues by their field; a rule of the domain under the form's main field).
 */
import { useMutation } from "@tanstack/react-query";
import { Checkbox, Form, Input, Select } from "antd";
import {
  SECRETARY_KIND_LABELS,
  SECRETARY_KINDS,
  SECRETARY_SOURCE_LABELS,
  SECRETARY_SOURCES,
  VENUE_EQUIPMENT,
  VENUE_EQUIPMENT_LABELS,
  VENUE_STATUS_LABELS,
  VENUE_STATUSES,
  type SecretaryKind,
  type SecretarySource,
  type VenueEquipment,
  type VenueStatus,
} from "@liangxin/domain";
import { useTRPC } from "@/trpc/react";
import { DateField } from "@/components/date-field";
import {
  CellTable,
  type Cell as BaseCell,
  type Row as BaseRow,
  type TableProps,
} from "@/components/data-table";
import {
  choose,
  dateRules,
  DateAction,
  FormCard,
  labelled,
  options,
  required,
  SubmitButton,
  useSmallAction,
  type Option,
} from "../form-kit.tsx";
import { useFieldOutcome } from "./field-outcome.tsx";
import { basicsPageMessages as m } from "./messages.ts";

export function SecretaryProfileForm({
  secretaryId,
  kind,
  source,
}: {
  secretaryId: number;
  kind: SecretaryKind | null;
  source: SecretarySource | null;
}) {
  const trpc = useTRPC();
  const [form] = Form.useForm();
  const out = useFieldOutcome(form, { kind: "书记类别", source: "书记来源" }, "kind");
  const mutation = useMutation(
    trpc.basics.secretary.profile.mutationOptions({ onSuccess: out.ok, onError: out.fail }),
  );
  return (
    <FormCard title={m.secretaryProfile} testId="secretary-profile-form">
      {out.feedback}
      <Form
        name="secretaryProfile"
        form={form}
        onValuesChange={out.clear}
        layout="inline"
        initialValues={{ kind: kind ?? undefined, source: source ?? undefined }}
        onFinish={(v: { kind?: SecretaryKind; source?: SecretarySource }) =>
          mutation.mutate({ secretaryId, kind: v.kind ?? null, source: v.source ?? null })
        }
      >
        <Form.Item name="kind" label={m.kind} rules={choose(m.kind)}>
          <Select options={labelled(SECRETARY_KINDS, SECRETARY_KIND_LABELS)} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="source" label={m.secretarySource} rules={choose(m.secretarySource)}>
          <Select options={labelled(SECRETARY_SOURCES, SECRETARY_SOURCE_LABELS)} style={{ width: 120 }} />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={m.save} />
      </Form>
    </FormCard>
  );
}

export function AllowanceForm({
  secretaryId,
  today,
  monthly,
}: {
  secretaryId: number;
  today: string;
  monthly: string | null;
}) {
  const trpc = useTRPC();
  const [form] = Form.useForm();
  const out = useFieldOutcome(form, { monthly: "工作津贴(元/月)", startOn: "开始日期" }, "startOn");
  const mutation = useMutation(
    trpc.basics.secretary.allowance.mutationOptions({ onSuccess: out.ok, onError: out.fail }),
  );
  return (
    <FormCard title={m.allowance} testId="allowance-form">
      {out.feedback}
      <Form
        name="allowance"
        form={form}
        onValuesChange={out.clear}
        layout="inline"
        initialValues={{ monthly: monthly ?? undefined, startOn: today }}
        onFinish={(v: { monthly: string; startOn: string }) =>
          mutation.mutate({ secretaryId, monthly: v.monthly.trim(), startOn: v.startOn })
        }
      >
        <Form.Item name="monthly" label={m.monthly} rules={required(m.monthly)}>
          <Input style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="startOn" label={m.allowanceFrom} rules={dateRules(m.allowanceFrom)}>
          <DateField />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={m.save} />
      </Form>
    </FormCard>
  );
}

export function ReserveForm({ orgId, today, members }: { orgId: number; today: string; members: Option[] }) {
  const trpc = useTRPC();
  const [form] = Form.useForm();
  const out = useFieldOutcome(form, { memberId: "党员", startOn: "开始日期" }, "memberId");
  const mutation = useMutation(
    trpc.basics.reserve.set.mutationOptions({
      onSuccess: () => {
        out.ok();
        form.resetFields(["memberId"]);
      },
      onError: out.fail,
    }),
  );
  return (
    <FormCard title={m.addReserve} testId="reserve-form">
      {out.feedback}
      <Form
        name="reserve"
        form={form}
        onValuesChange={out.clear}
        layout="inline"
        initialValues={{ startOn: today }}
        onFinish={(v: { memberId: number; startOn: string }) => mutation.mutate({ orgId, ...v })}
      >
        <Form.Item name="memberId" label={m.member} rules={choose(m.member)}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={options(members)}
            style={{ width: 140 }}
          />
        </Form.Item>
        <Form.Item name="startOn" label={m.reserveFrom} rules={dateRules(m.reserveFrom)}>
          <DateField />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={m.addReserve} />
      </Form>
    </FormCard>
  );
}

/** A venue's check: the fields shared by creating a shared venue and recording its check. */
function CheckFields() {
  return (
    <>
      <Form.Item name="checkedOn" label={m.checkedOn} rules={dateRules(m.checkedOn)}>
        <DateField />
      </Form.Item>
      <Form.Item name="status" label={m.status} rules={choose(m.status)}>
        <Select options={labelled(VENUE_STATUSES, VENUE_STATUS_LABELS)} style={{ width: 110 }} />
      </Form.Item>
      <Form.Item name="areaSqm" label={m.area}>
        <Input style={{ width: 90 }} />
      </Form.Item>
      <Form.Item name="equipment" label={m.equipment}>
        <Checkbox.Group options={labelled(VENUE_EQUIPMENT, VENUE_EQUIPMENT_LABELS)} />
      </Form.Item>
    </>
  );
}

interface CheckValues {
  checkedOn: string;
  status: VenueStatus;
  areaSqm?: string;
  equipment?: VenueEquipment[];
}

/** The area as typed: blank is none; anything else goes to the server as a number (it checks the range). */
const checkInput = (v: CheckValues) => ({
  checkedOn: v.checkedOn,
  status: v.status,
  areaSqm: v.areaSqm === undefined || v.areaSqm.trim() === "" ? null : Number(v.areaSqm.trim()),
  equipment: v.equipment ?? [],
});

/** The names the API gives the check's fields (field-labels.ts). */
const CHECK_FIELDS = {
  checkedOn: "检查日期",
  status: "场所状况",
  areaSqm: "面积(平方米)",
  equipment: "配备设施",
};

export function CreateSharedVenueForm({ today }: { today: string }) {
  const trpc = useTRPC();
  const [form] = Form.useForm();
  const out = useFieldOutcome(form, { name: "场所名称", ...CHECK_FIELDS }, "name");
  const mutation = useMutation(
    trpc.basics.venue.createShared.mutationOptions({
      onSuccess: () => {
        out.ok();
        form.resetFields();
      },
      onError: out.fail,
    }),
  );
  return (
    <FormCard title={m.createShared} testId="create-shared-venue-form">
      {out.feedback}
      <Form
        name="createShared"
        form={form}
        onValuesChange={out.clear}
        layout="inline"
        initialValues={{ checkedOn: today, equipment: [] }}
        onFinish={(v: CheckValues & { name: string }) =>
          mutation.mutate({ name: v.name.trim(), ...checkInput(v) })
        }
      >
        <Form.Item name="name" label={m.venueName} rules={required(m.venueName)}>
          <Input style={{ width: 200 }} />
        </Form.Item>
        <CheckFields />
        <SubmitButton pending={mutation.isPending} label={m.createShared} />
      </Form>
    </FormCard>
  );
}

export function CheckSharedVenueForm({ venues, today }: { venues: Option[]; today: string }) {
  const trpc = useTRPC();
  const [form] = Form.useForm();
  const out = useFieldOutcome(form, { venueId: "活动场所", ...CHECK_FIELDS }, "venueId");
  const mutation = useMutation(
    trpc.basics.venue.checkShared.mutationOptions({ onSuccess: out.ok, onError: out.fail }),
  );
  return (
    <FormCard title={m.checkShared} testId="check-shared-venue-form">
      {out.feedback}
      <Form
        name="checkShared"
        form={form}
        onValuesChange={out.clear}
        layout="inline"
        initialValues={{ checkedOn: today, equipment: [] }}
        onFinish={(v: CheckValues & { venueId: number }) =>
          mutation.mutate({ venueId: v.venueId, ...checkInput(v) })
        }
      >
        <Form.Item name="venueId" label={m.sharedVenue} rules={choose(m.sharedVenue)}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={options(venues)}
            style={{ width: 200 }}
          />
        </Form.Item>
        <CheckFields />
        <SubmitButton pending={mutation.isPending} label={m.checkShared} />
      </Form>
    </FormCard>
  );
}

/** A shared venue serves an organization: the organization is fixed (its page) or chosen (the venues page). */
export function LinkVenueForm({
  venues,
  orgs,
  orgId,
  today,
}: {
  venues: Option[];
  orgs?: Option[];
  orgId?: number;
  today: string;
}) {
  const trpc = useTRPC();
  const [form] = Form.useForm();
  const out = useFieldOutcome(
    form,
    { venueId: "活动场所", orgId: "党组织", startOn: "开始日期" },
    orgs ? "orgId" : "venueId",
  );
  const mutation = useMutation(
    trpc.basics.venue.link.mutationOptions({ onSuccess: out.ok, onError: out.fail }),
  );
  return (
    <FormCard title={m.linkVenue} testId="link-venue-form">
      {out.feedback}
      <Form
        name="linkVenue"
        form={form}
        onValuesChange={out.clear}
        layout="inline"
        initialValues={{ startOn: today }}
        onFinish={(v: { venueId: number; orgId?: number; startOn: string }) =>
          mutation.mutate({ venueId: v.venueId, orgId: orgId ?? v.orgId!, startOn: v.startOn })
        }
      >
        <Form.Item name="venueId" label={m.sharedVenue} rules={choose(m.sharedVenue)}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={options(venues)}
            style={{ width: 200 }}
          />
        </Form.Item>
        {orgs ? (
          <Form.Item name="orgId" label={m.linkOrg} rules={choose(m.linkOrg)}>
            <Select
              showSearch={{ optionFilterProp: "label" }}
              options={options(orgs)}
              style={{ width: 260 }}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="startOn" label={m.linkFrom} rules={dateRules(m.linkFrom)}>
          <DateField />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={m.linkVenue} />
      </Form>
    </FormCard>
  );
}

/** The dated ends of a row: a committee post, a reserve cadre, a venue link, an adopted rule. */
export type EndKind = "committee" | "reserve" | "link" | "rule";
const END_LABELS: Record<EndKind, string> = {
  committee: m.endCommittee,
  reserve: m.endReserve,
  link: m.endLink,
  rule: m.dropRule,
};

export function EndButton({ kind, id, today }: { kind: EndKind; id: number; today: string }) {
  const trpc = useTRPC();
  const a = useSmallAction();
  const handlers = { onSuccess: a.onSuccess, onError: a.onError };
  const committee = useMutation(trpc.basics.committee.end.mutationOptions(handlers));
  const reserve = useMutation(trpc.basics.reserve.end.mutationOptions(handlers));
  const link = useMutation(trpc.basics.venue.endLink.mutationOptions(handlers));
  const rule = useMutation(trpc.basics.rules.drop.mutationOptions(handlers));
  const pending = committee.isPending || reserve.isPending || link.isPending || rule.isPending;
  return (
    <DateAction
      label={END_LABELS[kind]}
      today={today}
      pending={pending}
      error={a.error}
      testId={`end-${kind}-${id}`}
      onSubmit={(date) => {
        if (kind === "committee") committee.mutate({ id, endOn: date });
        else if (kind === "reserve") reserve.mutate({ id, endOn: date });
        else if (kind === "link") link.mutate({ id, endOn: date });
        else rule.mutate({ id, droppedOn: date });
      }}
    />
  );
}

/** An end action in a cell, rendered here (no function crosses from the server page). */
export interface EndCell {
  action: "end";
  kind: EndKind;
  id: number;
  today: string;
}
export type Cell = BaseCell<EndCell>;
export type Row = BaseRow<EndCell>;

/** A server-rendered list of an organization's records with their end actions. */
export function BasicsTable(props: TableProps<EndCell>) {
  return (
    <CellTable
      {...props}
      emptyText={props.emptyText ?? m.none}
      renderAction={(c) => <EndButton kind={c.kind} id={c.id} today={c.today} />}
    />
  );
}
