"use client";

import { useMutation } from "@tanstack/react-query";
import { Form, Input, Select } from "antd";
import {
  FORMATION_MODE_LABELS,
  GRASSROOTS_CATEGORIES,
  MANAGEMENT_CATEGORIES,
  ORG_CATEGORY_LABELS,
} from "@liangxin/domain";
import { orgCreateInput, orgUpdateInput, reparentInput } from "@liangxin/api/schemas";
import { useTRPC } from "@/trpc/react";
import {
  blankToNull,
  DateItem,
  FormCard,
  labelled,
  RecordPicker,
  useSaveFeedback,
  validate,
  type Option,
} from "@/components/form-kit";
import { lx } from "@/app/ledger-messages";

interface OrgFields {
  code?: string;
  name?: string;
  category?: string;
  formationMode?: string | null;
  foundedOn?: string;
  revokedOn?: string;
  lastElectionOn?: string;
}

const ORG_FIELDS = [
  "code",
  "name",
  "category",
  "formationMode",
  "foundedOn",
  "revokedOn",
  "lastElectionOn",
  "parentId",
] as const;

const orgValues = (v: OrgFields) => ({
  code: v.code ?? "",
  name: v.name ?? "",
  category: v.category,
  formationMode: blankToNull(v.formationMode ?? null),
  foundedOn: v.foundedOn ?? "",
  revokedOn: blankToNull(v.revokedOn ?? null),
  lastElectionOn: blankToNull(v.lastElectionOn ?? null),
});

function OrgFieldItems({ grassroots, withRevoked }: { grassroots: boolean; withRevoked: boolean }) {
  return (
    <>
      <Form.Item name="code" label={lx.orgCode} required>
        <Input style={{ width: 240 }} data-testid="org-code" />
      </Form.Item>
      <Form.Item name="name" label={lx.orgName} required>
        <Input style={{ width: 400 }} data-testid="org-name" />
      </Form.Item>
      <Form.Item name="category" label={lx.category} required>
        <Select
          options={labelled(ORG_CATEGORY_LABELS, grassroots ? GRASSROOTS_CATEGORIES : MANAGEMENT_CATEGORIES)}
          style={{ width: 200 }}
          data-testid="org-category"
        />
      </Form.Item>
      {grassroots ? (
        <Form.Item name="formationMode" label={lx.formationMode}>
          <Select
            allowClear
            options={labelled(FORMATION_MODE_LABELS)}
            style={{ width: 200 }}
            data-testid="org-mode"
          />
        </Form.Item>
      ) : null}
      <DateItem name="foundedOn" label={lx.foundedOn} required testId="org-founded-on" />
      {withRevoked ? <DateItem name="revokedOn" label={lx.revokedOn} /> : null}
      <DateItem name="lastElectionOn" label={lx.lastElectionOn} />
    </>
  );
}

// ───────────── 新增下级党组织 (a grassroots organization under a superior of the subtree) ─────────────

export function CreateOrgForm({ parent }: { parent: Option }) {
  const trpc = useTRPC();
  const [form] = Form.useForm<OrgFields & { parentId?: number | null }>();
  const fb = useSaveFeedback();
  const create = useMutation(trpc.records.org.create.mutationOptions(fb.created((row) => `/orgs/${row.id}`)));
  return (
    <FormCard
      title={lx.newOrg}
      testId="create-org"
      fb={fb}
      form={form}
      name="createOrg"
      initialValues={{ parentId: parent.id, category: "branch" }}
      onFinish={(v) => {
        const input = validate(
          form,
          orgCreateInput,
          { ...orgValues(v), parentId: v.parentId ?? undefined },
          ORG_FIELDS,
          "name",
        );
        if (input) create.mutate(input);
      }}
      maxWidth={640}
      submit={{ label: lx.create, testId: "create-org-submit", loading: create.isPending }}
    >
      <Form.Item name="parentId" label={lx.parent} required>
        <RecordPicker kind="org" initial={parent} testId="org-parent" />
      </Form.Item>
      <OrgFieldItems grassroots withRevoked={false} />
    </FormCard>
  );
}

// ───────────── 编辑 ─────────────

export interface EditableOrg {
  id: number;
  version: number;
  code: string;
  name: string;
  category: string;
  formationMode: string | null;
  foundedOn: string;
  revokedOn: string | null;
  lastElectionOn: string | null;
}

export function EditOrgForm({ org }: { org: EditableOrg }) {
  const trpc = useTRPC();
  const [form] = Form.useForm<OrgFields>();
  // On error the input stays in the form: the user may copy it, refresh and retry.
  const fb = useSaveFeedback();
  const update = useMutation(trpc.records.org.update.mutationOptions(fb.saved(lx.saved)));
  const grassroots = (GRASSROOTS_CATEGORIES as readonly string[]).includes(org.category);
  return (
    <FormCard
      title={lx.editOrg}
      testId="edit-org"
      fb={fb}
      form={form}
      name="editOrg"
      initialValues={{
        code: org.code,
        name: org.name,
        category: org.category,
        formationMode: org.formationMode,
        foundedOn: org.foundedOn,
        revokedOn: org.revokedOn ?? "",
        lastElectionOn: org.lastElectionOn ?? "",
      }}
      onFinish={(v) => {
        const values = orgValues(v);
        const input = validate(
          form,
          orgUpdateInput,
          {
            ...values,
            ...(grassroots ? {} : { formationMode: undefined }),
            id: org.id,
            version: org.version,
          },
          ORG_FIELDS,
          "name",
        );
        if (input) update.mutate(input);
      }}
      maxWidth={640}
      submit={{ label: lx.save, testId: "edit-org-submit", loading: update.isPending }}
    >
      <OrgFieldItems grassroots={grassroots} withRevoked />
    </FormCard>
  );
}

// ───────────── 调整隶属关系 (a dated event with 文号 and reason) ─────────────

export function ReparentForm({
  org,
  today,
}: {
  org: { id: number; version: number; parentId: number | null };
  today: string;
}) {
  const trpc = useTRPC();
  const [form] = Form.useForm<{
    toParentId?: number | null;
    effectiveOn?: string;
    docNo?: string;
    reason?: string;
  }>();
  const fb = useSaveFeedback();
  const reparent = useMutation(
    trpc.records.org.reparent.mutationOptions(
      fb.saved(
        (r) => `${lx.reparentDone}(${r.moved})`,
        () => form.resetFields(["toParentId", "docNo", "reason"]),
      ),
    ),
  );
  return (
    <FormCard
      title={lx.reparent}
      testId="reparent-org"
      fb={fb}
      form={form}
      name="reparentOrg"
      initialValues={{ effectiveOn: today }}
      onFinish={(v) => {
        const input = validate(
          form,
          reparentInput,
          {
            orgId: org.id,
            version: org.version,
            toParentId: v.toParentId ?? undefined,
            effectiveOn: v.effectiveOn ?? "",
            docNo: blankToNull(v.docNo ?? null),
            reason: blankToNull(v.reason ?? null),
          },
          ["toParentId", "effectiveOn", "docNo", "reason"],
          "toParentId",
        );
        if (input) reparent.mutate(input);
      }}
      maxWidth={640}
      submit={{ label: lx.reparent, testId: "reparent-submit", loading: reparent.isPending }}
    >
      <Form.Item name="toParentId" label={lx.toParent} required>
        <RecordPicker kind="org" exclude={org.id} testId="reparent-to" />
      </Form.Item>
      <DateItem name="effectiveOn" label={lx.effectiveOn} required testId="reparent-effective-on" />
      <Form.Item name="docNo" label={lx.docNo}>
        <Input style={{ width: 240 }} data-testid="reparent-doc-no" />
      </Form.Item>
      <Form.Item name="reason" label={lx.reason}>
        <Input.TextArea rows={2} style={{ width: 400 }} data-testid="reparent-reason" />
      </Form.Item>
    </FormCard>
  );
}
