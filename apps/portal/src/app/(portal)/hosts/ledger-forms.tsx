"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Form, Input, InputNumber, Select } from "antd";
import { FORMATION_MODE_LABELS, HOST_KIND_LABELS, HOST_KINDS, type FormationMode } from "@liangxin/domain";
import { coverageSetInput, hostCreateInput, hostUpdateInput, hostYearFields } from "@liangxin/api/schemas";
import { useTRPC } from "@/trpc/react";
import {
  blankToNull,
  DateItem,
  FormCard,
  options,
  useFeedback,
  useSaveFeedback,
  validate,
  type Option,
} from "@/components/form-kit";

export type { Option };
import { ledgerMessages as m } from "./messages.ts";

const kindOptions = HOST_KINDS.map((k) => ({ value: k, label: HOST_KIND_LABELS[k] }));

interface HostFields {
  creditCode?: string;
  name?: string;
  kind?: string;
  industry?: string;
  regionId?: number;
  foundedOn?: string;
  ownerName?: string;
}

const HOST_FIELDS = ["creditCode", "name", "kind", "industry", "regionId", "foundedOn", "ownerName"] as const;

function hostValues(v: HostFields) {
  return {
    creditCode: v.creditCode ?? "",
    name: v.name ?? "",
    kind: v.kind,
    industry: blankToNull(v.industry ?? null),
    regionId: v.regionId,
    foundedOn: v.foundedOn ?? "",
    ownerName: blankToNull(v.ownerName ?? null),
  };
}

function HostFieldItems({ townships }: { townships: Option[] }) {
  return (
    <>
      <Form.Item name="creditCode" label={m.creditCode} required>
        <Input maxLength={18} style={{ width: 240 }} data-testid="host-credit-code" />
      </Form.Item>
      <Form.Item name="name" label={m.name} required>
        <Input style={{ width: 320 }} data-testid="host-name" />
      </Form.Item>
      <Form.Item name="kind" label={m.kind} required>
        <Select options={kindOptions} style={{ width: 160 }} data-testid="host-kind" />
      </Form.Item>
      <Form.Item name="industry" label={m.industry}>
        <Input maxLength={1} style={{ width: 80 }} data-testid="host-industry" />
      </Form.Item>
      <Form.Item name="regionId" label={m.region} required>
        <Select options={options(townships)} style={{ width: 200 }} data-testid="host-region" />
      </Form.Item>
      <DateItem name="foundedOn" label={m.foundedOn} required testId="host-founded-on" />
      <Form.Item name="ownerName" label={m.ownerName}>
        <Input style={{ width: 160 }} data-testid="host-owner-name" />
      </Form.Item>
    </>
  );
}

// ───────────── 新增 ─────────────

// The figures as typed (万元): what the form sends; the API turns the revenue into 分.
const yearFields = hostYearFields.omit({ hostId: true });

export function CreateHostForm({ townships, year }: { townships: Option[]; year: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [form] = Form.useForm<HostFields & { employees?: number | null; revenue?: number | null }>();
  const fb = useFeedback();
  const create = useMutation(trpc.records.host.create.mutationOptions());
  const setYear = useMutation(trpc.records.host.setYear.mutationOptions());
  const pending = create.isPending || setYear.isPending;

  async function submit(v: HostFields & { employees?: number | null; revenue?: number | null }) {
    fb.clear();
    const host = validate(form, hostCreateInput, hostValues(v), HOST_FIELDS, "name");
    const figures = validate(
      form,
      yearFields,
      { year, employees: v.employees ?? undefined, revenue: v.revenue ?? null },
      ["employees", "revenue"],
      "employees",
    );
    if (!host || !figures) return;
    try {
      const row = await create.mutateAsync(host);
      await setYear.mutateAsync({ hostId: row.id, ...figures });
      router.push(`/hosts/${row.id}`);
    } catch (e) {
      fb.fail(e as Error);
    }
  }

  return (
    <FormCard
      title={m.newHost}
      testId="create-host"
      fb={fb}
      form={form}
      onFinish={submit}
      initialValues={townships.length === 1 ? { regionId: townships[0]!.id } : {}}
      maxWidth={560}
      submit={{ label: m.create, testId: "create-host-submit", loading: pending }}
    >
      <HostFieldItems townships={townships} />
      <Form.Item name="employees" label={m.employees(year)} required>
        <InputNumber min={0} precision={0} style={{ width: 160 }} data-testid="host-employees" />
      </Form.Item>
      <Form.Item name="revenue" label={m.revenue(year)}>
        <InputNumber min={0} step={0.01} precision={2} style={{ width: 160 }} data-testid="host-revenue" />
      </Form.Item>
    </FormCard>
  );
}

// ───────────── 编辑 ─────────────

export interface EditableHost {
  id: number;
  version: number;
  creditCode: string;
  name: string;
  kind: string;
  industry: string | null;
  regionId: number;
  foundedOn: string;
  ownerName: string | null;
}

export function EditHostForm({ host, townships }: { host: EditableHost; townships: Option[] }) {
  const trpc = useTRPC();
  const [form] = Form.useForm<HostFields>();
  // On error the user's input stays in the form (nothing is reset): they may copy it, refresh and retry.
  const fb = useSaveFeedback();
  const update = useMutation(trpc.records.host.update.mutationOptions(fb.saved(m.saved)));
  // The region may be outside the caller's townships only if unchanged: keep it selectable.
  const regionChoices = townships.some((t) => t.id === host.regionId)
    ? townships
    : [...townships, { id: host.regionId, name: String(host.regionId) }];
  return (
    <FormCard
      title={m.editHost}
      testId="edit-host"
      fb={fb}
      form={form}
      initialValues={{
        creditCode: host.creditCode,
        name: host.name,
        kind: host.kind,
        industry: host.industry ?? "",
        regionId: host.regionId,
        foundedOn: host.foundedOn,
        ownerName: host.ownerName ?? "",
      }}
      onFinish={(v) => {
        const input = validate(
          form,
          hostUpdateInput,
          { ...hostValues(v), id: host.id, version: host.version },
          HOST_FIELDS,
          "name",
        );
        if (input) update.mutate(input);
      }}
      maxWidth={560}
      submit={{ label: m.save, testId: "edit-host-submit", loading: update.isPending }}
    >
      <input type="hidden" data-testid="edit-host-version" value={host.version} readOnly />
      <HostFieldItems townships={regionChoices} />
    </FormCard>
  );
}

// ───────────── 设置覆盖 ─────────────

export interface CoveringOrgOption extends Option {
  formationMode: string;
}

export function SetCoverageForm({
  hostId,
  orgs,
  today,
}: {
  hostId: number;
  orgs: CoveringOrgOption[];
  today: string;
}) {
  const trpc = useTRPC();
  const [form] = Form.useForm<{ orgId?: number; startOn?: string }>();
  const fb = useSaveFeedback();
  const mutation = useMutation(
    trpc.records.coverage.set.mutationOptions(
      fb.saved((r) => [m.coverageSet, ...r.warnings.map((w) => w.message)].join(";")),
    ),
  );
  return (
    <FormCard
      title={m.setCoverage}
      testId="set-coverage"
      fb={fb}
      form={form}
      layout="inline"
      initialValues={{ startOn: today }}
      onFinish={(v) => {
        const input = validate(
          form,
          coverageSetInput,
          { hostId, orgId: v.orgId, startOn: v.startOn ?? "" },
          ["orgId", "startOn"],
          "orgId",
          { endOn: "startOn" },
        );
        if (input) mutation.mutate(input);
      }}
      submit={{ label: m.setCoverage, testId: "set-coverage-submit", loading: mutation.isPending }}
    >
      <Form.Item name="orgId" label={m.coveringOrg} required>
        <Select
          showSearch={{ optionFilterProp: "label" }}
          options={orgs.map((o) => ({
            value: o.id,
            label: `${o.name}(${FORMATION_MODE_LABELS[o.formationMode as FormationMode] ?? o.formationMode})`,
          }))}
          style={{ width: 360 }}
          data-testid="coverage-org"
        />
      </Form.Item>
      <DateItem name="startOn" label={m.startOn} required testId="coverage-start-on" />
    </FormCard>
  );
}
