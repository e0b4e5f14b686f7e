"use client";

import { useId, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { Button, Card, Checkbox, Form, Input, Select, Space } from "antd";
import type { FormInstance } from "antd";
import {
  canTransition,
  GENDER_LABELS,
  JOB_CATEGORY_LABELS,
  MEMBER_STATUS_LABELS,
  MEMBER_STATUSES,
  type MemberStatus,
} from "@liangxin/domain";
import {
  memberCreateInput,
  memberStatusInput,
  memberUpdateInput,
  transferDecideInput,
  transferRequestInput,
} from "@liangxin/api/schemas";
import { useTRPC } from "@/trpc/react";
import { ConfirmButton } from "@/components/confirm-button";
import {
  blankToNull,
  clearOnChange,
  DateItem,
  Feedback,
  FormCard,
  labelled,
  RecordPicker,
  useSaveFeedback,
  validate,
  type Option,
} from "@/components/form-kit";
import { CellTable, type TableProps } from "@/components/data-table";
import { lx } from "@/app/ledger-messages";

interface PersonFields {
  idNumber?: string;
  name?: string;
  gender?: string;
  birthDate?: string;
  joinedOn?: string;
  fullOn?: string;
  workHostId?: number | null;
  /** `id:creditCode` of the host found by its credit code (sent as the code while it is the one chosen). */
  workHostKey?: string;
  workSince?: string;
  jobCategory?: string | null;
  phone?: string;
  flags?: string[];
}

const PERSON_FIELDS = [
  "idNumber",
  "name",
  "gender",
  "birthDate",
  "joinedOn",
  "fullOn",
  "orgId",
  "workHostId",
  "workSince",
  "jobCategory",
  "phone",
] as const;

/** The workplace found by its credit code, while it is the one chosen: sent as the code (resolved by the API). */
function workHostCode(v: PersonFields): string | null {
  const prefix = `${v.workHostId}:`;
  return v.workHostId != null && v.workHostKey?.startsWith(prefix)
    ? v.workHostKey.slice(prefix.length)
    : null;
}

/** A refusal about the code shows under the workplace. */
const WORK_HOST_RENAME = { workHostCreditCode: "workHostId" };

const personValues = (v: PersonFields) => ({
  name: v.name ?? "",
  gender: v.gender,
  birthDate: blankToNull(v.birthDate ?? null),
  joinedOn: v.joinedOn ?? "",
  fullOn: blankToNull(v.fullOn ?? null),
  workHostId: workHostCode(v) ? null : (v.workHostId ?? null),
  workHostCreditCode: workHostCode(v),
  workSince: blankToNull(v.workSince ?? null),
  jobCategory: v.jobCategory ?? null,
  phone: blankToNull(v.phone ?? null),
  mobile: (v.flags ?? []).includes("mobile"),
  lostContact: (v.flags ?? []).includes("lostContact"),
  pocket: (v.flags ?? []).includes("pocket"),
});

/**
 * 工作单位: any host of the city may be a member's workplace. The picker offers the hosts the caller lists
 * (for a branch secretary, those its organization covers); any other is found by its exact 统一社会信用代码,
 * whose name is shown to confirm before it is chosen, and is then saved by that code (the API takes a host
 * id only among those the caller sees; each lookup is audited).
 */
function WorkplaceItems({ form, initial }: { form: FormInstance; initial: Option | null }) {
  const trpc = useTRPC();
  const inputId = useId();
  const [chosen, setChosen] = useState<Option | null>(initial);
  const [code, setCode] = useState("");
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const lookup = useMutation(
    trpc.hosts.lookup.mutationOptions({
      onSuccess: (h, input) => {
        const code = input.creditCode.trim().toUpperCase();
        setChosen({ id: h.id, name: h.name });
        form.setFields([
          { name: "workHostId", value: h.id, errors: [] },
          { name: "workHostKey", value: `${h.id}:${code}` },
        ]);
        setResult({ ok: true, text: lx.workHostFound(h.name, code) });
      },
      onError: (e) =>
        setResult({ ok: false, text: e.data?.code === "NOT_FOUND" ? lx.workHostNotFound : e.message }),
    }),
  );
  return (
    <>
      <Form.Item name="workHostId" label={lx.workHost} extra={lx.workHostHint}>
        <RecordPicker kind="host" initial={chosen} testId="member-work-host" />
      </Form.Item>
      <Form.Item name="workHostKey" hidden>
        <Input />
      </Form.Item>
      <Form.Item label={lx.workHostByCode} htmlFor={inputId}>
        <Space.Compact>
          <Input
            id={inputId}
            value={code}
            maxLength={30}
            style={{ width: 240 }}
            onChange={(e) => setCode(e.target.value)}
            onPressEnter={(e) => {
              e.preventDefault();
              lookup.mutate({ creditCode: code });
            }}
            data-testid="work-host-code"
          />
          <Button loading={lookup.isPending} onClick={() => lookup.mutate({ creditCode: code })}>
            {lx.findHost}
          </Button>
        </Space.Compact>
        <div
          data-testid="work-host-lookup"
          style={{ marginTop: 4, color: result ? (result.ok ? "#389e0d" : "#cf1322") : undefined }}
        >
          {result?.text ?? ""}
        </div>
      </Form.Item>
    </>
  );
}

function PersonItems({
  idRequired,
  workHost,
  form,
}: {
  idRequired: boolean;
  workHost?: Option | null;
  form: FormInstance;
}) {
  return (
    <>
      <Form.Item name="idNumber" label={lx.idNumber} required={idRequired}>
        <Input maxLength={18} style={{ width: 240 }} data-testid="member-id-number" />
      </Form.Item>
      <Form.Item name="name" label={lx.memberName} required>
        <Input style={{ width: 200 }} data-testid="member-name" />
      </Form.Item>
      <Form.Item name="gender" label={lx.gender} required>
        <Select options={labelled(GENDER_LABELS)} style={{ width: 120 }} data-testid="member-gender" />
      </Form.Item>
      <DateItem name="birthDate" label={lx.birthDate} />
      <DateItem name="joinedOn" label={lx.joinedOn} required testId="member-joined-on" />
      <DateItem name="fullOn" label={lx.fullOn} testId="member-full-on" />
      <WorkplaceItems form={form} initial={workHost ?? null} />
      <DateItem name="workSince" label={lx.workSince} />
      <Form.Item name="jobCategory" label={lx.jobCategory}>
        <Select allowClear options={labelled(JOB_CATEGORY_LABELS)} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="phone" label={lx.phone}>
        <Input style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="flags" label={lx.flags}>
        <Checkbox.Group
          options={[
            { value: "mobile", label: lx.mobile },
            { value: "lostContact", label: lx.lostContact },
            { value: "pocket", label: lx.pocket },
          ]}
        />
      </Form.Item>
    </>
  );
}

// ───────────── 新增党员 (the relationship held by a grassroots organization of the subtree) ─────────────

export function CreateMemberForm({ org }: { org: Option }) {
  const trpc = useTRPC();
  const [form] = Form.useForm<PersonFields & { orgId?: number | null; relationshipSince?: string }>();
  const fb = useSaveFeedback();
  const create = useMutation(
    trpc.records.member.create.mutationOptions(fb.created((row) => `/members/${row.id}`)),
  );
  return (
    <FormCard
      title={lx.newMember}
      testId="create-member"
      fb={fb}
      form={form}
      name="createMember"
      initialValues={{ orgId: org.id }}
      onFinish={(v) => {
        const input = validate(
          form,
          memberCreateInput,
          {
            ...personValues(v),
            idNumber: v.idNumber ?? "",
            orgId: v.orgId ?? null,
            relationshipSince: blankToNull(v.relationshipSince ?? null),
          },
          [...PERSON_FIELDS, "relationshipSince"],
          "name",
          WORK_HOST_RENAME,
        );
        if (input) create.mutate(input);
      }}
      maxWidth={640}
      submit={{ label: lx.create, testId: "create-member-submit", loading: create.isPending }}
    >
      <Form.Item name="orgId" label={lx.holdingOrg} required>
        <RecordPicker kind="org" grassrootsOnly initial={org} testId="member-org" />
      </Form.Item>
      <DateItem
        name="relationshipSince"
        label={lx.relationshipSince}
        extra={lx.relationshipSinceHint}
        testId="member-relationship-since"
      />
      <PersonItems idRequired form={form} />
    </FormCard>
  );
}

// ───────────── 编辑 (the relationship changes only by a transfer) ─────────────

export interface EditableMember {
  id: number;
  version: number;
  name: string;
  gender: string;
  birthDate: string | null;
  joinedOn: string;
  fullOn: string | null;
  workHostId: number | null;
  workHostName: string | null;
  workSince: string | null;
  jobCategory: string | null;
  phone: string | null;
  mobile: boolean;
  lostContact: boolean;
  pocket: boolean;
}

export function EditMemberForm({ member }: { member: EditableMember }) {
  const trpc = useTRPC();
  const [form] = Form.useForm<PersonFields>();
  const fb = useSaveFeedback();
  const update = useMutation(trpc.records.member.update.mutationOptions(fb.saved(lx.saved)));
  return (
    <FormCard
      title={lx.editMember}
      testId="edit-member"
      fb={fb}
      form={form}
      name="editMember"
      initialValues={{
        idNumber: "",
        name: member.name,
        gender: member.gender,
        birthDate: member.birthDate ?? "",
        joinedOn: member.joinedOn,
        fullOn: member.fullOn ?? "",
        workHostId: member.workHostId,
        workSince: member.workSince ?? "",
        jobCategory: member.jobCategory,
        phone: member.phone ?? "",
        flags: [
          ...(member.mobile ? ["mobile"] : []),
          ...(member.lostContact ? ["lostContact"] : []),
          ...(member.pocket ? ["pocket"] : []),
        ],
      }}
      onFinish={(v) => {
        const values = personValues(v);
        const input = validate(
          form,
          memberUpdateInput,
          {
            ...values,
            // A blank ID keeps the stored one (the page shows it masked); an unchanged workplace keeps its date.
            ...(v.idNumber?.trim() ? { idNumber: v.idNumber } : {}),
            ...(values.workHostId === member.workHostId &&
            !values.workHostCreditCode &&
            values.workSince === member.workSince
              ? { workHostId: undefined, workSince: undefined }
              : {}),
            id: member.id,
            version: member.version,
          },
          PERSON_FIELDS,
          "name",
          WORK_HOST_RENAME,
        );
        if (input) update.mutate(input);
      }}
      maxWidth={640}
      submit={{ label: lx.save, testId: "edit-member-submit", loading: update.isPending }}
    >
      <PersonItems
        idRequired={false}
        form={form}
        workHost={member.workHostId ? { id: member.workHostId, name: member.workHostName ?? "" } : null}
      />
    </FormCard>
  );
}

// ───────────── 状态变更 (the state machine; never a deletion) ─────────────

export function StatusForm({
  member,
  today,
}: {
  member: { id: number; version: number; status: string };
  today: string;
}) {
  const trpc = useTRPC();
  const [form] = Form.useForm<{ status?: string; effectiveOn?: string; reason?: string }>();
  const fb = useSaveFeedback();
  const change = useMutation(
    trpc.records.member.changeStatus.mutationOptions(
      fb.saved(
        (row) => `${lx.statusChanged}:${MEMBER_STATUS_LABELS[row.status as MemberStatus] ?? row.status}`,
        () => form.resetFields(["status", "reason"]),
      ),
    ),
  );
  const next = MEMBER_STATUSES.filter((s) => canTransition(member.status as MemberStatus, s));
  return (
    <Card title={lx.changeStatus} data-testid="member-status">
      <Feedback fb={fb} />
      {next.length === 0 ? (
        <span>{lx.noTransition}</span>
      ) : (
        <Form
          name="memberStatus"
          form={form}
          layout="inline"
          initialValues={{ effectiveOn: today }}
          onValuesChange={clearOnChange(form)}
          onFinish={(v) => {
            const input = validate(
              form,
              memberStatusInput,
              {
                memberId: member.id,
                version: member.version,
                status: v.status,
                effectiveOn: v.effectiveOn ?? "",
                reason: blankToNull(v.reason ?? null),
              },
              ["status", "effectiveOn", "reason"],
              "status",
            );
            if (input) change.mutate(input);
          }}
        >
          <Form.Item name="status" label={lx.newStatus} required>
            <Select
              options={labelled(MEMBER_STATUS_LABELS, next)}
              style={{ width: 140 }}
              data-testid="status-to"
            />
          </Form.Item>
          <DateItem name="effectiveOn" label={lx.effectiveOn} required testId="status-effective-on" />
          <Form.Item name="reason" label={lx.reason}>
            <Input style={{ width: 240 }} data-testid="status-reason" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="status-submit">
            {lx.changeStatus}
          </Button>
        </Form>
      )}
    </Card>
  );
}

// ───────────── 组织关系转出申请 (the receiving side decides) ─────────────

interface TransferFields {
  toOrgCode?: string;
  outsideOrgName?: string;
  effectiveOn?: string;
  reason?: string;
}

export function TransferRequestForm({ memberId, today }: { memberId: number; today: string }) {
  const trpc = useTRPC();
  const [form] = Form.useForm<TransferFields>();
  const fb = useSaveFeedback();
  // The receiving organization is given by its code and found by the API (anywhere in the city, audited).
  const request = useMutation(
    trpc.records.transfer.request.mutationOptions({
      ...fb.saved(lx.transferRequested),
      onError: (e) => {
        if (e.data?.code === "NOT_FOUND") form.setFields([{ name: "toOrgCode", errors: [lx.toOrgNotFound] }]);
        else fb.fail(e);
      },
    }),
  );
  function submit(v: TransferFields) {
    fb.clear();
    const input = validate(
      form,
      transferRequestInput,
      {
        memberId,
        toOrgCode: blankToNull(v.toOrgCode ?? null),
        outsideOrgName: blankToNull(v.outsideOrgName ?? null),
        effectiveOn: v.effectiveOn ?? "",
        reason: blankToNull(v.reason ?? null),
      },
      ["toOrgCode", "outsideOrgName", "effectiveOn", "reason"],
      "toOrgCode",
      { toOrgId: "toOrgCode" },
    );
    if (input) request.mutate(input);
  }
  return (
    <FormCard
      title={lx.requestTransfer}
      testId="transfer-request"
      fb={fb}
      form={form}
      name="transferRequest"
      initialValues={{ effectiveOn: today }}
      onFinish={submit}
      maxWidth={640}
      submit={{ label: lx.requestTransfer, testId: "transfer-submit", loading: request.isPending }}
    >
      <Form.Item name="toOrgCode" label={lx.toOrgCode}>
        <Input style={{ width: 240 }} data-testid="transfer-to-code" />
      </Form.Item>
      <Form.Item name="outsideOrgName" label={lx.outsideOrgName}>
        <Input style={{ width: 320 }} data-testid="transfer-outside" />
      </Form.Item>
      <DateItem name="effectiveOn" label={lx.effectiveOn} required testId="transfer-effective-on" />
      <Form.Item name="reason" label={lx.reason}>
        <Input style={{ width: 320 }} data-testid="transfer-reason" />
      </Form.Item>
    </FormCard>
  );
}

// ───────────── 接收 / 打回 ─────────────

export function DecideTransfer({ transferId }: { transferId: number }) {
  const trpc = useTRPC();
  const [form] = Form.useForm<{ reason?: string }>();
  const fb = useSaveFeedback();
  const decide = useMutation(
    trpc.records.transfer.decide.mutationOptions(
      fb.saved((t) => (t.state === "accepted" ? lx.accepted : lx.rejected)),
    ),
  );
  const run = (decision: "accept" | "reject") => {
    const input = validate(
      form,
      transferDecideInput,
      { transferId, decision, reason: blankToNull(form.getFieldValue("reason") ?? null) },
      ["reason"],
      "reason",
    );
    if (input) decide.mutate(input);
  };
  return (
    <div data-testid={`decide-${transferId}`}>
      <Feedback fb={fb} />
      <Form name={`decide${transferId}`} form={form} layout="inline" onValuesChange={clearOnChange(form)}>
        <Form.Item name="reason">
          <Input placeholder={lx.rejectReason} style={{ width: 200 }} data-testid="decide-reason" />
        </Form.Item>
        <Space>
          <ConfirmButton
            title={lx.acceptConfirm}
            type="primary"
            loading={decide.isPending}
            onConfirm={() => run("accept")}
            testId="decide-accept"
          >
            {lx.accept}
          </ConfirmButton>
          <ConfirmButton
            title={lx.rejectConfirm}
            danger
            loading={decide.isPending}
            onConfirm={() => run("reject")}
            testId="decide-reject"
          >
            {lx.reject}
          </ConfirmButton>
        </Space>
      </Form>
    </div>
  );
}

// ───────────── the 接转 list, each received transfer decided from its row ─────────────

type DecideCell = { action: "decideTransfer"; id: number };

export function TransfersTable(props: TableProps<DecideCell>) {
  return <CellTable {...props} renderAction={(a: DecideCell) => <DecideTransfer transferId={a.id} />} />;
}
