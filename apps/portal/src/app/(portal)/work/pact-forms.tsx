"use client";

/** The form of the joint-building pacts (联建共建). */
import { useMutation } from "@tanstack/react-query";
import { Form, Input, InputNumber, Select } from "antd";
import { PACT_KIND_LABELS, PACT_KINDS, type PactKind } from "@liangxin/domain";
import { useTRPC } from "@/trpc/react";
import { DateField } from "@/components/date-field";
import {
  choose,
  dateRules,
  FormCard,
  options,
  required,
  SubmitButton,
  useOutcome,
  type Option,
} from "./form-kit.tsx";
import { workMessages as m } from "./messages.ts";

export function PactForm({ orgs, today }: { orgs: Option[]; today: string }) {
  const trpc = useTRPC();
  const out = useOutcome();
  const mutation = useMutation(
    trpc.work.pacts.create.mutationOptions({ onSuccess: () => out.ok(), onError: out.fail }),
  );
  return (
    <FormCard title={m.createPact} testId="pact-form">
      {out.feedback}
      <Form
        layout="inline"
        initialValues={{ startOn: today }}
        onFinish={(v: {
          kind: PactKind;
          name: string;
          startOn: string;
          orgId: number;
          outside?: string;
          partnerOrgId?: number;
          funds?: number;
          outcome?: string;
        }) =>
          mutation.mutate({
            kind: v.kind,
            name: v.name,
            startOn: v.startOn,
            funds: v.funds ?? undefined,
            outcome: v.outcome,
            // Another organization of the tree (结对帮扶) or an outside party.
            parties: [
              { orgId: v.orgId },
              v.partnerOrgId !== undefined ? { orgId: v.partnerOrgId } : { name: v.outside },
            ],
          })
        }
      >
        <Form.Item name="kind" label={m.pactKind} rules={choose(m.pactKind)}>
          <Select
            options={PACT_KINDS.map((k) => ({ value: k, label: PACT_KIND_LABELS[k] }))}
            style={{ width: 120 }}
          />
        </Form.Item>
        <Form.Item name="name" label={m.pactName} rules={required(m.pactName)}>
          <Input style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="startOn" label={m.startOn} rules={dateRules(m.startOn)}>
          <DateField />
        </Form.Item>
        <Form.Item name="orgId" label={m.partyOrg} rules={choose(m.partyOrg)}>
          <Select showSearch={{ optionFilterProp: "label" }} options={options(orgs)} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item
          name="outside"
          label={m.partyOutside}
          dependencies={["partnerOrgId"]}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value?: string) =>
                !value?.trim() === (getFieldValue("partnerOrgId") === undefined)
                  ? Promise.reject(new Error(m.partnerXorOutside))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="partnerOrgId" label={m.partyPartnerOrg}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            options={options(orgs)}
            style={{ width: 260 }}
          />
        </Form.Item>
        <Form.Item name="funds" label={m.funds}>
          <InputNumber min={0} precision={2} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="outcome" label={m.outcome}>
          <Input style={{ width: 220 }} />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={m.createPact} />
      </Form>
    </FormCard>
  );
}
