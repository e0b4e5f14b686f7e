"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Card, Checkbox, Form, Input, Select, Space } from "antd";
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
import {
  blankToNull,
  clearOnChange,
  Feedback,
  labelled,
  RecordPicker,
  useFeedback,
  validate,
  type Option,
} from "@/components/form-kit";
import { lx } from "@/app/ledger-messages";

interface PersonFields {
  idNumber?: string;
  name?: string;
  gender?: string;
  birthDate?: string;
  joinedOn?: string;
  fullOn?: string;
  workHostId?: number | null;
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

const personValues = (v: PersonFields) => ({
  name: v.name ?? "",
  gender: v.gender,
  birthDate: blankToNull(v.birthDate ?? null),
  joinedOn: v.joinedOn ?? "",
  fullOn: blankToNull(v.fullOn ?? null),
  workHostId: v.workHostId ?? null,
  workSince: blankToNull(v.workSince ?? null),
  jobCategory: v.jobCategory ?? null,
  phone: blankToNull(v.phone ?? null),
  mobile: (v.flags ?? []).includes("mobile"),
  lostContact: (v.flags ?? []).includes("lostContact"),
  pocket: (v.flags ?? []).includes("pocket"),
});

function PersonItems({ idRequired, workHost }: { idRequired: boolean; workHost?: Option | null }) {
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
      <Form.Item name="birthDate" label={lx.birthDate}>
        <Input placeholder={lx.dateHint} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="joinedOn" label={lx.joinedOn} required>
        <Input placeholder={lx.dateHint} style={{ width: 140 }} data-testid="member-joined-on" />
      </Form.Item>
      <Form.Item name="fullOn" label={lx.fullOn}>
        <Input placeholder={lx.dateHint} style={{ width: 140 }} data-testid="member-full-on" />
      </Form.Item>
      <Form.Item name="workHostId" label={lx.workHost}>
        <RecordPicker kind="host" initial={workHost ?? null} testId="member-work-host" />
      </Form.Item>
      <Form.Item name="workSince" label={lx.workSince}>
        <Input placeholder={lx.dateHint} style={{ width: 140 }} />
      </Form.Item>
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
  const router = useRouter();
  const [form] = Form.useForm<PersonFields & { orgId?: number | null }>();
  const fb = useFeedback();
  const create = useMutation(
    trpc.records.member.create.mutationOptions({
      onSuccess: (row) => router.push(`/members/${row.id}`),
      onError: fb.fail,
    }),
  );
  return (
    <Card title={lx.newMember} data-testid="create-member">
      <Feedback fb={fb} />
      <Form
        name="createMember"
        form={form}
        layout="vertical"
        initialValues={{ orgId: org.id }}
        onValuesChange={clearOnChange(form)}
        onFinish={(v) => {
          const input = validate(
            form,
            memberCreateInput,
            { ...personValues(v), idNumber: v.idNumber ?? "", orgId: v.orgId ?? null },
            PERSON_FIELDS,
            "name",
          );
          if (input) create.mutate(input);
        }}
        style={{ maxWidth: 640 }}
      >
        <Form.Item name="orgId" label={lx.holdingOrg} required>
          <RecordPicker kind="org" grassrootsOnly initial={org} testId="member-org" />
        </Form.Item>
        <PersonItems idRequired />
        <Button
          type="primary"
          htmlType="submit"
          loading={create.isPending}
          data-testid="create-member-submit"
        >
          {lx.create}
        </Button>
      </Form>
    </Card>
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
  const router = useRouter();
  const [form] = Form.useForm<PersonFields>();
  const fb = useFeedback();
  const update = useMutation(
    trpc.records.member.update.mutationOptions({
      onSuccess: () => {
        fb.ok(lx.saved);
        router.refresh();
      },
      onError: fb.fail,
    }),
  );
  return (
    <Card title={lx.editMember} data-testid="edit-member">
      <Feedback fb={fb} />
      <Form
        name="editMember"
        form={form}
        layout="vertical"
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
        onValuesChange={clearOnChange(form)}
        onFinish={(v) => {
          const values = personValues(v);
          const input = validate(
            form,
            memberUpdateInput,
            {
              ...values,
              // A blank ID keeps the stored one (the page shows it masked); an unchanged workplace keeps its date.
              ...(v.idNumber?.trim() ? { idNumber: v.idNumber } : {}),
              ...(values.workHostId === member.workHostId && values.workSince === member.workSince
                ? { workHostId: undefined, workSince: undefined }
                : {}),
              id: member.id,
              version: member.version,
            },
            PERSON_FIELDS,
            "name",
          );
          if (input) update.mutate(input);
        }}
        style={{ maxWidth: 640 }}
      >
        <PersonItems
          idRequired={false}
          workHost={member.workHostId ? { id: member.workHostId, name: member.workHostName ?? "" } : null}
        />
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="edit-member-submit">
          {lx.save}
        </Button>
      </Form>
    </Card>
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
  const router = useRouter();
  const [form] = Form.useForm<{ status?: string; effectiveOn?: string; reason?: string }>();
  const fb = useFeedback();
  const change = useMutation(
    trpc.records.member.changeStatus.mutationOptions({
      onSuccess: (row) => {
        fb.ok(`${lx.statusChanged}:${MEMBER_STATUS_LABELS[row.status as MemberStatus] ?? row.status}`);
        form.resetFields(["status", "reason"]);
        router.refresh();
      },
      onError: fb.fail,
    }),
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
          <Form.Item name="effectiveOn" label={lx.effectiveOn} required>
            <Input placeholder={lx.dateHint} style={{ width: 140 }} data-testid="status-effective-on" />
          </Form.Item>
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

export function TransferRequestForm({ memberId, today }: { memberId: number; today: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [form] = Form.useForm<{
    toOrgCode?: string;
    outsideOrgName?: string;
    effectiveOn?: string;
    reason?: string;
  }>();
  const fb = useFeedback();
  const [looking, setLooking] = useState(false);
  const request = useMutation(
    trpc.records.transfer.request.mutationOptions({
      onSuccess: () => {
        fb.ok(lx.transferRequested);
        router.refresh();
      },
      onError: fb.fail,
    }),
  );
  async function submit(v: {
    toOrgCode?: string;
    outsideOrgName?: string;
    effectiveOn?: string;
    reason?: string;
  }) {
    fb.clear();
    let toOrgId: number | null = null;
    const code = v.toOrgCode?.trim();
    if (code) {
      setLooking(true);
      try {
        toOrgId = (await queryClient.fetchQuery(trpc.orgs.lookup.queryOptions({ code }))).id;
      } catch {
        form.setFields([{ name: "toOrgCode", errors: [lx.toOrgNotFound] }]);
        return;
      } finally {
        setLooking(false);
      }
    }
    const input = validate(
      form,
      transferRequestInput,
      {
        memberId,
        toOrgId,
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
    <Card title={lx.requestTransfer} data-testid="transfer-request">
      <Feedback fb={fb} />
      <Form
        name="transferRequest"
        form={form}
        layout="vertical"
        initialValues={{ effectiveOn: today }}
        onValuesChange={clearOnChange(form)}
        onFinish={submit}
        style={{ maxWidth: 640 }}
      >
        <Form.Item name="toOrgCode" label={lx.toOrgCode}>
          <Input style={{ width: 240 }} data-testid="transfer-to-code" />
        </Form.Item>
        <Form.Item name="outsideOrgName" label={lx.outsideOrgName}>
          <Input style={{ width: 320 }} data-testid="transfer-outside" />
        </Form.Item>
        <Form.Item name="effectiveOn" label={lx.effectiveOn} required>
          <Input placeholder={lx.dateHint} style={{ width: 140 }} data-testid="transfer-effective-on" />
        </Form.Item>
        <Form.Item name="reason" label={lx.reason}>
          <Input style={{ width: 320 }} data-testid="transfer-reason" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={looking || request.isPending}
          data-testid="transfer-submit"
        >
          {lx.requestTransfer}
        </Button>
      </Form>
    </Card>
  );
}

// ───────────── 接收 / 打回 ─────────────

export function DecideTransfer({ transferId }: { transferId: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [form] = Form.useForm<{ reason?: string }>();
  const fb = useFeedback();
  const decide = useMutation(
    trpc.records.transfer.decide.mutationOptions({
      onSuccess: (t) => {
        fb.ok(t.state === "accepted" ? lx.accepted : lx.rejected);
        router.refresh();
      },
      onError: fb.fail,
    }),
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
          <Button
            type="primary"
            loading={decide.isPending}
            onClick={() => run("accept")}
            data-testid="decide-accept"
          >
            {lx.accept}
          </Button>
          <Button danger loading={decide.isPending} onClick={() => run("reject")} data-testid="decide-reject">
            {lx.reject}
          </Button>
        </Space>
      </Form>
    </div>
  );
}
