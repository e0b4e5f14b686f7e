"use client";

import { useMutation } from "@tanstack/react-query";
import { Form, Input, InputNumber, Select, Switch } from "antd";
import { policySetInput } from "@liangxin/api/schemas";
import { ORG_RULE_LABELS, POLICY_GROUP_LABELS, POLICY_LABELS, type Policy } from "@liangxin/domain";
import { useTRPC } from "@/trpc/react";
import { DateItem, FormCard, useSaveFeedback, validate } from "@/components/form-kit";
import { policyMessages as m } from "./messages.ts";

type Group = keyof typeof POLICY_GROUP_LABELS;
type Values = Policy & { effectiveOn?: string; note?: string };

const GROUPS = Object.keys(POLICY_GROUP_LABELS) as Group[];
const SCALARS = (Object.keys(POLICY_LABELS) as (keyof Policy)[]).filter(
  (k) => !(GROUPS as string[]).includes(k),
);
/** Parameters that may have decimals (万元); the rest are whole numbers or yes/no. */
const DECIMAL = new Set<string>(["aboveScaleRevenue"]);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The one list-valued parameter: the rules every organization must adopt (五个基本·基本制度). */
const RULE_OPTIONS = Object.entries(ORG_RULE_LABELS).map(([value, label]) => ({ value, label }));

function valueItem(name: (string | number)[], label: string, sample: unknown, testId: string) {
  if (Array.isArray(sample))
    return (
      <Form.Item key={testId} name={name} label={label}>
        <Select mode="multiple" options={RULE_OPTIONS} style={{ minWidth: 320 }} data-testid={testId} />
      </Form.Item>
    );
  if (typeof sample === "boolean")
    return (
      <Form.Item key={testId} name={name} label={label} valuePropName="checked">
        <Switch data-testid={testId} />
      </Form.Item>
    );
  return (
    <Form.Item key={testId} name={name} label={label}>
      <InputNumber
        min={0}
        precision={DECIMAL.has(String(name[0])) ? 2 : 0}
        style={{ width: 160 }}
        data-testid={testId}
      />
    </Form.Item>
  );
}

/** Only the parameters that differ from `current` (groups partially). */
function patchOf(current: Policy, v: Values): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const k of SCALARS) if (v[k] !== undefined && v[k] !== null && v[k] !== current[k]) patch[k] = v[k];
  for (const g of GROUPS) {
    const cur = current[g] as Record<string, unknown>;
    const now = (v[g] ?? {}) as Record<string, unknown>;
    const diff = Object.fromEntries(
      Object.keys(cur)
        .filter((s) => now[s] !== undefined && now[s] !== null && !same(now[s], cur[s]))
        .map((s) => [s, now[s]]),
    );
    if (Object.keys(diff).length > 0) patch[g] = diff;
  }
  return patch;
}

/** 新增版本: the city administrator's form, prefilled with the parameters in force today. */
export function PolicyForm({ current }: { current: Policy }) {
  const trpc = useTRPC();
  const [form] = Form.useForm<Values>();
  const fb = useSaveFeedback();
  const set = useMutation(
    trpc.records.policy.set.mutationOptions(fb.saved((r: { effectiveOn: string }) => m.saved(r.effectiveOn))),
  );
  return (
    <FormCard<Values>
      title={m.formTitle}
      testId="policy-form"
      fb={fb}
      form={form}
      name="policy"
      initialValues={current}
      onFinish={(v) => {
        const params = patchOf(current, v);
        if (Object.keys(params).length === 0) {
          fb.fail({ message: m.nothingChanged });
          return;
        }
        const input = validate(
          form,
          policySetInput,
          { effectiveOn: v.effectiveOn?.trim() ?? "", params, note: v.note?.trim() || undefined },
          ["effectiveOn", "note"],
          "effectiveOn",
        );
        if (input) set.mutate(input);
      }}
      maxWidth={760}
      submit={{ label: m.submit, testId: "policy-submit", loading: set.isPending }}
    >
      <div style={{ color: "#666", marginBottom: 12 }}>{m.formHint}</div>
      <DateItem name="effectiveOn" label={m.effectiveOn} required testId="policy-effective-on" />
      <div style={{ display: "flex", flexWrap: "wrap", columnGap: 24 }}>
        {SCALARS.map((k) => valueItem([k], POLICY_LABELS[k], current[k], `policy-${k}`))}
      </div>
      {GROUPS.map((g) => (
        <fieldset key={g} style={{ border: "1px solid #eee", padding: "4px 12px", marginBottom: 12 }}>
          <legend style={{ fontSize: 14, width: "auto", marginBottom: 0 }}>{POLICY_LABELS[g]}</legend>
          <div style={{ display: "flex", flexWrap: "wrap", columnGap: 24 }}>
            {Object.entries(POLICY_GROUP_LABELS[g] as Record<string, string>).map(([s, label]) =>
              valueItem([g, s], label, (current[g] as Record<string, unknown>)[s], `policy-${g}-${s}`),
            )}
          </div>
        </fieldset>
      ))}
      <Form.Item name="note" label={m.note}>
        <Input.TextArea rows={2} maxLength={500} placeholder={m.notePlaceholder} data-testid="policy-note" />
      </Form.Item>
    </FormCard>
  );
}
