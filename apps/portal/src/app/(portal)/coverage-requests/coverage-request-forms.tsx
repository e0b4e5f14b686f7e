"use client";

import { useId, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { Button, Form, Input, Space } from "antd";
import { coverageProposeInput, coverageRejectInput } from "@liangxin/api/schemas";
import { useTRPC } from "@/trpc/react";
import {
  blankToNull,
  clearOnChange,
  DateItem,
  Feedback,
  FormCard,
  RecordPicker,
  useSaveFeedback,
  validate,
} from "@/components/form-kit";
import { CellTable, type TableProps } from "@/components/data-table";
import { coverageRequestMessages as m } from "./messages.ts";

interface ProposeFields {
  orgId?: number | null;
  hostCreditCode?: string;
  startOn?: string;
  reason?: string;
}

/**
 * 提出覆盖申请: an organization of the caller's chain, a host anywhere in the city by its exact 统一社会信用代码
 * (its name shown to confirm, found by hosts.lookup, audited), the start date and the grounds.
 */
export function ProposeCoverageForm({ today }: { today: string }) {
  const trpc = useTRPC();
  const [form] = Form.useForm<ProposeFields>();
  const fb = useSaveFeedback();
  const codeId = useId();
  const [found, setFound] = useState<{ ok: boolean; text: string } | null>(null);
  const lookup = useMutation(
    trpc.hosts.lookup.mutationOptions({
      onSuccess: (h, input) => setFound({ ok: true, text: m.found(h.name, input.creditCode.trim()) }),
      onError: (e) => setFound({ ok: false, text: e.data?.code === "NOT_FOUND" ? m.notFound : e.message }),
    }),
  );
  const propose = useMutation(
    trpc.records.coverageRequest.propose.mutationOptions({
      ...fb.saved(
        (r) => m.proposed(r.hostName),
        () => {
          form.resetFields(["hostCreditCode", "reason"]);
          setFound(null);
        },
      ),
      onError: (e) => {
        if (e.data?.code === "NOT_FOUND") fb.fail({ message: m.notFound });
        else fb.fail(e);
      },
    }),
  );
  const code = Form.useWatch("hostCreditCode", form) ?? "";
  return (
    <FormCard
      title={m.propose}
      testId="propose-coverage"
      fb={fb}
      form={form}
      name="proposeCoverage"
      initialValues={{ startOn: today }}
      onFinish={(v) => {
        fb.clear();
        const input = validate(
          form,
          coverageProposeInput,
          {
            orgId: v.orgId ?? null,
            hostCreditCode: blankToNull(v.hostCreditCode?.trim() ?? null),
            startOn: v.startOn ?? "",
            reason: blankToNull(v.reason ?? null),
          },
          ["orgId", "hostCreditCode", "startOn", "reason"],
          "hostCreditCode",
          { hostId: "hostCreditCode" },
        );
        if (input) propose.mutate(input);
      }}
      maxWidth={640}
      submit={{ label: m.submit, testId: "propose-coverage-submit", loading: propose.isPending }}
    >
      <Form.Item name="orgId" label={m.coveringOrg} required>
        <RecordPicker kind="org" grassrootsOnly testId="propose-coverage-org" />
      </Form.Item>
      <Form.Item label={m.hostCode} required htmlFor={codeId}>
        <Space.Compact>
          <Form.Item name="hostCreditCode" noStyle>
            <Input
              id={codeId}
              maxLength={30}
              style={{ width: 240 }}
              onChange={() => setFound(null)}
              data-testid="propose-coverage-code"
            />
          </Form.Item>
          <Button
            loading={lookup.isPending}
            disabled={!code.trim()}
            onClick={() => lookup.mutate({ creditCode: code.trim() })}
            data-testid="propose-coverage-find"
          >
            {m.find}
          </Button>
        </Space.Compact>
        <div
          data-testid="propose-coverage-host"
          style={{ marginTop: 4, color: found ? (found.ok ? "#389e0d" : "#cf1322") : undefined }}
        >
          {found?.text ?? ""}
        </div>
      </Form.Item>
      <DateItem name="startOn" label={m.startOn} required testId="propose-coverage-start-on" />
      <Form.Item name="reason" label={m.reason}>
        <Input style={{ width: 360 }} maxLength={500} data-testid="propose-coverage-reason" />
      </Form.Item>
    </FormCard>
  );
}

/** 确认 / 退回 (with a reason the proposer reads), from the request's row. */
export function DecideCoverageRequest({ id }: { id: number }) {
  const trpc = useTRPC();
  const [form] = Form.useForm<{ reason?: string }>();
  const fb = useSaveFeedback();
  const accept = useMutation(trpc.records.coverageRequest.accept.mutationOptions(fb.saved(m.accepted)));
  const reject = useMutation(trpc.records.coverageRequest.reject.mutationOptions(fb.saved(m.rejected)));
  const pending = accept.isPending || reject.isPending;
  return (
    <div data-testid={`decide-coverage-${id}`}>
      <Feedback fb={fb} />
      <Form name={`decideCoverage${id}`} form={form} layout="inline" onValuesChange={clearOnChange(form)}>
        <Form.Item name="reason">
          <Input placeholder={m.rejectReason} style={{ width: 200 }} data-testid="decide-coverage-reason" />
        </Form.Item>
        <Space>
          <Button
            type="primary"
            loading={pending}
            onClick={() => {
              fb.clear();
              accept.mutate({ id });
            }}
            data-testid="decide-coverage-accept"
          >
            {m.accept}
          </Button>
          <Button
            danger
            loading={pending}
            onClick={() => {
              fb.clear();
              const input = validate(
                form,
                coverageRejectInput,
                { id, reason: form.getFieldValue("reason") ?? "" },
                ["reason"],
                "reason",
              );
              if (input) reject.mutate(input);
            }}
            data-testid="decide-coverage-reject"
          >
            {m.reject}
          </Button>
        </Space>
      </Form>
    </div>
  );
}

type DecideCell = { action: "decideCoverageRequest"; id: number };

export function CoverageRequestsTable(props: TableProps<DecideCell>) {
  return <CellTable {...props} renderAction={(a: DecideCell) => <DecideCoverageRequest id={a.id} />} />;
}
