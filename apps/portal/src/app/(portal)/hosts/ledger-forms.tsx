"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Button, Card, Form, Input, InputNumber, Select } from "antd";
import { FORMATION_MODE_LABELS, HOST_KIND_LABELS, HOST_KINDS, type FormationMode } from "@liangxin/domain";
import { coverageSetInput, hostCreateInput, hostUpdateInput, hostYearInput } from "@liangxin/api/schemas";
import { useTRPC } from "@/trpc/react";
import {
  blankToNull,
  clearOnChange,
  ErrorLine,
  NoticeLine,
  options,
  validate,
  type Option,
} from "@/components/form-kit";

export type { Option };
import { ledgerMessages as m } from "./messages";

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
      <Form.Item name="foundedOn" label={m.foundedOn} required>
        <Input placeholder={m.dateHint} style={{ width: 140 }} data-testid="host-founded-on" />
      </Form.Item>
      <Form.Item name="ownerName" label={m.ownerName}>
        <Input style={{ width: 160 }} data-testid="host-owner-name" />
      </Form.Item>
    </>
  );
}

// ───────────── 新增 ─────────────

const yearFields = hostYearInput.omit({ hostId: true });

export function CreateHostForm({ townships, year }: { townships: Option[]; year: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [form] = Form.useForm<HostFields & { employees?: number | null; revenue?: number | null }>();
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(trpc.records.host.create.mutationOptions());
  const setYear = useMutation(trpc.records.host.setYear.mutationOptions());
  const pending = create.isPending || setYear.isPending;

  async function submit(v: HostFields & { employees?: number | null; revenue?: number | null }) {
    setError(null);
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
      setError((e as Error).message);
    }
  }

  return (
    <Card title={m.newHost} data-testid="create-host">
      <ErrorLine error={error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={clearOnChange(form)}
        initialValues={townships.length === 1 ? { regionId: townships[0]!.id } : {}}
        style={{ maxWidth: 560 }}
      >
        <HostFieldItems townships={townships} />
        <Form.Item name="employees" label={m.employees(year)} required>
          <InputNumber min={0} precision={0} style={{ width: 160 }} data-testid="host-employees" />
        </Form.Item>
        <Form.Item name="revenue" label={m.revenue(year)}>
          <InputNumber min={0} step={0.01} style={{ width: 160 }} data-testid="host-revenue" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={pending} data-testid="create-host-submit">
          {m.create}
        </Button>
      </Form>
    </Card>
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
  const router = useRouter();
  const [form] = Form.useForm<HostFields>();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const update = useMutation(
    trpc.records.host.update.mutationOptions({
      onSuccess: () => {
        setError(null);
        setNotice(m.saved);
        router.refresh();
      },
      // The user's input stays in the form (nothing is reset): they may copy it, refresh and retry.
      onError: (e) => {
        setNotice(null);
        setError(e.message);
      },
    }),
  );
  // The region may be outside the caller's townships only if unchanged: keep it selectable.
  const regionChoices = townships.some((t) => t.id === host.regionId)
    ? townships
    : [...townships, { id: host.regionId, name: String(host.regionId) }];
  return (
    <Card title={m.editHost} data-testid="edit-host">
      <ErrorLine error={error} />
      <NoticeLine notice={notice} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          creditCode: host.creditCode,
          name: host.name,
          kind: host.kind,
          industry: host.industry ?? "",
          regionId: host.regionId,
          foundedOn: host.foundedOn,
          ownerName: host.ownerName ?? "",
        }}
        onValuesChange={clearOnChange(form)}
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
        style={{ maxWidth: 560 }}
      >
        <input type="hidden" data-testid="edit-host-version" value={host.version} readOnly />
        <HostFieldItems townships={regionChoices} />
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="edit-host-submit">
          {m.save}
        </Button>
      </Form>
    </Card>
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
  const router = useRouter();
  const [form] = Form.useForm<{ orgId?: number; startOn?: string }>();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const mutation = useMutation(
    trpc.records.coverage.set.mutationOptions({
      onSuccess: (r) => {
        setError(null);
        setNotice([m.coverageSet, ...r.warnings.map((w) => w.message)].join(";"));
        router.refresh();
      },
      onError: (e) => {
        setNotice(null);
        setError(e.message);
      },
    }),
  );
  return (
    <Card title={m.setCoverage} data-testid="set-coverage">
      <ErrorLine error={error} />
      <NoticeLine notice={notice} />
      <Form
        form={form}
        layout="inline"
        initialValues={{ startOn: today }}
        onValuesChange={clearOnChange(form)}
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
        <Form.Item name="startOn" label={m.startOn} required>
          <Input placeholder={m.dateHint} style={{ width: 140 }} data-testid="coverage-start-on" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={mutation.isPending}
          data-testid="set-coverage-submit"
        >
          {m.setCoverage}
        </Button>
      </Form>
    </Card>
  );
}
