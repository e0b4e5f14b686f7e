"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Checkbox, Form, Input, Select } from "antd";
import {
  FORMATION_MODE_LABELS,
  GRASSROOTS_CATEGORIES,
  MANAGEMENT_CATEGORIES,
  ORG_CATEGORY_LABELS,
} from "@liangxin/domain";
import {
  coverageSetManyInput,
  dualLinkEndInput,
  dualLinkSetInput,
  orgCreateInput,
  orgUpdateInput,
  reparentInput,
  secretaryEndInput,
  secretarySetInput,
} from "@liangxin/api/schemas";
import { useTRPC } from "@/trpc/react";
import {
  blankToNull,
  clearOnChange,
  DateItem,
  Feedback,
  FormCard,
  HostsPicker,
  labelled,
  RecordPicker,
  useSaveFeedback,
  validate,
  type Option,
} from "@/components/form-kit";
import { lx } from "@/app/ledger-messages";
import { DateField } from "@/components/date-field";

interface OrgFields {
  code?: string;
  name?: string;
  category?: string;
  formationMode?: string | null;
  foundedOn?: string;
  revokedOn?: string;
  lastElectionOn?: string;
  hasPartyGroups?: boolean;
}

const ORG_FIELDS = [
  "code",
  "name",
  "category",
  "formationMode",
  "foundedOn",
  "revokedOn",
  "lastElectionOn",
  "hasPartyGroups",
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
  hasPartyGroups: v.hasPartyGroups ?? false,
});

function OrgFieldItems({
  grassroots,
  withRevoked,
  codeHint,
}: {
  grassroots: boolean;
  withRevoked: boolean;
  codeHint?: string;
}) {
  return (
    <>
      <Form.Item name="code" label={lx.orgCode} required extra={codeHint}>
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
      {grassroots ? (
        <Form.Item name="hasPartyGroups" valuePropName="checked" extra={lx.partyGroupsHint}>
          <Checkbox data-testid="org-party-groups">{lx.hasPartyGroups}</Checkbox>
        </Form.Item>
      ) : null}
    </>
  );
}

// ───────────── 新增下级党组织 (a grassroots organization under a superior of the subtree) ─────────────

export function CreateOrgForm({ parent }: { parent: Option }) {
  const trpc = useTRPC();
  const [form] = Form.useForm<OrgFields & { parentId?: number | null; hostIds?: number[] }>();
  const fb = useSaveFeedback();
  const router = useRouter();
  // Founded with a warning (the joint cap): say so here before moving on; otherwise open the new page.
  const [warned, setWarned] = useState<{ id: number; name: string; messages: string[] } | null>(null);
  const create = useMutation(
    trpc.records.org.create.mutationOptions({
      onSuccess: (row) => {
        if (row.warnings.length === 0) router.push(`/orgs/${row.id}`);
        else setWarned({ id: row.id, name: row.name, messages: row.warnings.map((w) => w.message) });
      },
      onError: fb.fail,
    }),
  );
  // The next free code of the chosen superior's series fills the code until the user types one.
  const parentId = Form.useWatch("parentId", form);
  const mode = Form.useWatch("formationMode", form);
  const suggestion = useQuery({
    ...trpc.records.org.suggestCode.queryOptions({ parentId: parentId ?? 0 }),
    enabled: !!parentId,
  });
  const suggested = suggestion.data?.code ?? null;
  useEffect(() => {
    if (suggested && !form.isFieldTouched("code")) form.setFieldValue("code", suggested);
  }, [suggested, form]);
  if (warned)
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="create-org-warnings"
        title={lx.createdWithWarnings(warned.name)}
        description={warned.messages.join(";")}
        action={<Link href={`/orgs/${warned.id}`}>{lx.openCreated}</Link>}
      />
    );
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
          {
            ...orgValues(v),
            parentId: v.parentId ?? undefined,
            ...(v.hostIds?.length && v.formationMode ? { hostIds: v.hostIds } : {}),
          },
          [...ORG_FIELDS, "hostIds"],
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
      <OrgFieldItems
        grassroots
        withRevoked={false}
        codeHint={
          !parentId || suggestion.isPending
            ? undefined
            : suggested
              ? lx.suggestedCode(suggested)
              : lx.noSuggestedCode
        }
      />
      {mode ? (
        <Form.Item name="hostIds" label={lx.coverHosts} extra={lx.coverHostsHint}>
          <HostsPicker testId="org-hosts" />
        </Form.Item>
      ) : null}
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
  hasPartyGroups: boolean;
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
        hasPartyGroups: org.hasPartyGroups,
      }}
      onFinish={(v) => {
        const values = orgValues(v);
        const input = validate(
          form,
          orgUpdateInput,
          {
            ...values,
            ...(grassroots ? {} : { formationMode: undefined, hasPartyGroups: undefined }),
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

// ───────────── 书记 (one at a time, a member of the organization; dated) ─────────────

export function SecretaryForm({
  org,
  today,
}: {
  org: { id: number; secretaryTerm: { id: number; name: string; startOn: string } | null };
  today: string;
}) {
  const trpc = useTRPC();
  const [form] = Form.useForm<{ memberId?: number | null; startOn?: string }>();
  const fb = useSaveFeedback();
  const set = useMutation(
    trpc.records.secretary.set.mutationOptions(
      fb.saved(lx.secretarySet, () => form.resetFields(["memberId"])),
    ),
  );
  const term = org.secretaryTerm;
  return (
    <Card title={lx.secretary} data-testid="secretary-form">
      <p data-testid="secretary-current">
        {term ? lx.currentSecretary(term.name, term.startOn) : lx.noSecretary}
      </p>
      {term ? <EndTerm kind="secretary" id={term.id} today={today} /> : null}
      <Feedback fb={fb} />
      <Form
        name="setSecretary"
        form={form}
        layout="vertical"
        initialValues={{ startOn: today }}
        onValuesChange={clearOnChange(form)}
        onFinish={(v) => {
          const input = validate(
            form,
            secretarySetInput,
            { orgId: org.id, memberId: v.memberId ?? undefined, startOn: v.startOn ?? "" },
            ["memberId", "startOn"],
            "memberId",
          );
          if (input) set.mutate(input);
        }}
        style={{ maxWidth: 640 }}
      >
        <Form.Item name="memberId" label={lx.secretaryMember} required extra={lx.secretaryHint}>
          <RecordPicker kind="member" orgId={org.id} testId="secretary-member" />
        </Form.Item>
        <DateItem name="startOn" label={lx.secretaryStartOn} required testId="secretary-start-on" />
        <Button type="primary" htmlType="submit" loading={set.isPending} data-testid="secretary-submit">
          {lx.appointSecretary}
        </Button>
      </Form>
    </Card>
  );
}

/** End a secretary's term or a dual-management link on a date (today by default). */
function EndTerm({ kind, id, today }: { kind: "secretary" | "dualLink"; id: number; today: string }) {
  const trpc = useTRPC();
  const [form] = Form.useForm<{ endOn?: string }>();
  const fb = useSaveFeedback();
  const endSecretary = useMutation(trpc.records.secretary.end.mutationOptions(fb.saved(lx.ended)));
  const endLink = useMutation(trpc.records.dualLink.end.mutationOptions(fb.saved(lx.ended)));
  const pending = endSecretary.isPending || endLink.isPending;
  return (
    <div data-testid={`end-${kind}-${id}`} style={{ marginBottom: 12 }}>
      <Feedback fb={fb} />
      <Form
        name={`end${kind}${id}`}
        form={form}
        layout="inline"
        initialValues={{ endOn: today }}
        onValuesChange={clearOnChange(form)}
        onFinish={(v) => {
          const schema = kind === "secretary" ? secretaryEndInput : dualLinkEndInput;
          const input = validate(form, schema, { id, endOn: v.endOn ?? "" }, ["endOn"], "endOn");
          if (!input) return;
          if (kind === "secretary") endSecretary.mutate(input);
          else endLink.mutate(input);
        }}
      >
        <Form.Item name="endOn" label={lx.endOn}>
          <DateField />
        </Form.Item>
        <Button danger htmlType="submit" loading={pending}>
          {kind === "secretary" ? lx.endSecretary : lx.endDualLink}
        </Button>
      </Form>
    </div>
  );
}

// ───────────── 双重管理 (a horizontal link to a regional organization, by its 组织代码) ─────────────

export function DualLinkForm({
  org,
  today,
}: {
  org: {
    id: number;
    dualLinks: { id: number; orgId: number; orgName: string; regionalOrgName: string; startOn: string }[];
  };
  today: string;
}) {
  const trpc = useTRPC();
  const [form] = Form.useForm<{ regionalCode?: string; startOn?: string }>();
  const fb = useSaveFeedback();
  // The regional organization is given by its code and found by the API (anywhere in the city, audited).
  const set = useMutation(
    trpc.records.dualLink.set.mutationOptions({
      ...fb.saved(lx.dualLinkSet, () => form.resetFields(["regionalCode"])),
      onError: (e) => fb.fail({ message: e.data?.code === "NOT_FOUND" ? lx.regionalNotFound : e.message }),
    }),
  );
  function submit(v: { regionalCode?: string; startOn?: string }) {
    fb.clear();
    const code = v.regionalCode?.trim();
    if (!code) {
      form.setFields([{ name: "regionalCode", errors: [lx.regionalCodeRequired] }]);
      return;
    }
    const input = validate(
      form,
      dualLinkSetInput,
      { orgId: org.id, regionalOrgCode: code, startOn: v.startOn ?? "" },
      ["regionalCode", "startOn"],
      "regionalCode",
      { regionalOrgCode: "regionalCode", regionalOrgId: "regionalCode" },
    );
    if (input) set.mutate(input);
  }
  return (
    <Card title={lx.dualLinks} data-testid="dual-link-form">
      {org.dualLinks.length === 0 ? <p>{lx.noDualLinks}</p> : null}
      {org.dualLinks.map((d) => (
        <div key={d.id} data-testid="dual-link">
          <p style={{ marginBottom: 4 }}>{lx.dualLinkLine(d.orgName, d.regionalOrgName, d.startOn)}</p>
          {d.orgId === org.id ? <EndTerm kind="dualLink" id={d.id} today={today} /> : null}
        </div>
      ))}
      <Feedback fb={fb} />
      <Form
        name="setDualLink"
        form={form}
        layout="vertical"
        initialValues={{ startOn: today }}
        onValuesChange={clearOnChange(form)}
        onFinish={submit}
        style={{ maxWidth: 640 }}
      >
        <Form.Item name="regionalCode" label={lx.regionalCode} required extra={lx.regionalHint}>
          <Input style={{ width: 240 }} data-testid="dual-link-code" />
        </Form.Item>
        <DateItem name="startOn" label={lx.startOn} required testId="dual-link-start-on" />
        <Button type="primary" htmlType="submit" loading={set.isPending} data-testid="dual-link-submit">
          {lx.setDualLink}
        </Button>
      </Form>
    </Card>
  );
}

// ───────────── 登记覆盖: several hosts of the territory from one day ─────────────

export function CoverHostsForm({ org, today }: { org: { id: number }; today: string }) {
  const trpc = useTRPC();
  const [form] = Form.useForm<{ hostIds?: number[]; startOn?: string }>();
  const fb = useSaveFeedback();
  const cover = useMutation(
    trpc.records.coverage.setMany.mutationOptions(
      fb.saved(
        // The joint cap's warning, if any, is shown with the notice (a warning, not a refusal).
        (r) => [lx.covered(r.coverages.length), ...r.warnings.map((w) => w.message)].join(";"),
        () => form.resetFields(["hostIds"]),
      ),
    ),
  );
  return (
    <FormCard
      title={lx.coverMore}
      testId="cover-hosts"
      fb={fb}
      form={form}
      name="coverHosts"
      initialValues={{ startOn: today }}
      onFinish={(v) => {
        fb.clear();
        const input = validate(
          form,
          coverageSetManyInput,
          { orgId: org.id, hostIds: v.hostIds ?? [], startOn: v.startOn ?? "" },
          ["hostIds", "startOn"],
          "hostIds",
        );
        if (input) cover.mutate(input);
      }}
      maxWidth={640}
      submit={{ label: lx.coverSubmit, testId: "cover-hosts-submit", loading: cover.isPending }}
    >
      <Form.Item name="hostIds" label={lx.coverHosts} required extra={lx.coverMoreHint}>
        <HostsPicker testId="cover-hosts-picker" />
      </Form.Item>
      <DateItem name="startOn" label={lx.startOn} required testId="cover-hosts-start-on" />
    </FormCard>
  );
}
