"use client";

/** 示范点: the naming form and the end action of a row. */
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { Form, Input, Radio, Table, Tag } from "antd";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { DateField } from "@/components/date-field";
import { RecordPicker } from "@/components/form-kit";
import {
  choose,
  DateAction,
  dateRules,
  FormCard,
  required,
  SubmitButton,
  useOutcome,
  useSmallAction,
} from "../form-kit.tsx";
import { showcaseMessages as m } from "./messages.ts";

interface Values {
  kind: "org" | "host";
  orgId?: number | null;
  hostId?: number | null;
  startOn: string;
  reasons: string;
}

export function NameShowcaseForm({ levelLabel, today }: { levelLabel: string; today: string }) {
  const trpc = useTRPC();
  const out = useOutcome();
  const [kind, setKind] = useState<"org" | "host">("org");
  const mutation = useMutation(
    trpc.showcases.name.mutationOptions({ onSuccess: () => out.ok(m.named), onError: out.fail }),
  );
  return (
    <FormCard title={m.nameAt(levelLabel)} testId="showcase-form">
      {out.feedback}
      <Form<Values>
        layout="inline"
        initialValues={{ kind: "org", startOn: today }}
        onValuesChange={(c: Partial<Values>) => c.kind && setKind(c.kind)}
        onFinish={(v) =>
          mutation.mutate({
            ...(v.kind === "org" ? { orgId: v.orgId ?? null } : { hostId: v.hostId ?? null }),
            startOn: v.startOn,
            reasons: v.reasons,
          })
        }
      >
        <Form.Item name="kind" label={m.subjectKind}>
          <Radio.Group
            options={[
              { value: "org", label: m.org },
              { value: "host", label: m.host },
            ]}
            data-testid="showcase-kind"
          />
        </Form.Item>
        {kind === "org" ? (
          <Form.Item name="orgId" label={m.subjectOrg} rules={choose(m.subjectOrg)}>
            <RecordPicker kind="org" testId="showcase-org" width={300} />
          </Form.Item>
        ) : (
          <Form.Item name="hostId" label={m.subjectHost} rules={choose(m.subjectHost)}>
            <RecordPicker kind="host" editableOnly testId="showcase-host" width={300} />
          </Form.Item>
        )}
        <Form.Item name="startOn" label={m.startOn} rules={dateRules(m.startOn)}>
          <DateField />
        </Form.Item>
        <Form.Item name="reasons" label={m.reasons} rules={required(m.reasons)}>
          <Input.TextArea autoSize style={{ width: 320 }} data-testid="showcase-reasons" />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={m.nameTitle} />
      </Form>
    </FormCard>
  );
}

export function EndShowcaseButton({ id, today }: { id: number; today: string }) {
  const trpc = useTRPC();
  const act = useSmallAction();
  const mutation = useMutation(
    trpc.showcases.end.mutationOptions({ onSuccess: act.onSuccess, onError: act.onError }),
  );
  return (
    <DateAction
      label={m.end}
      today={today}
      pending={mutation.isPending}
      error={act.error}
      onSubmit={(endOn) => mutation.mutate({ id, endOn })}
      testId={`showcase-end-${id}`}
    />
  );
}

export interface ShowcaseRowView {
  id: number;
  orgId: number | null;
  hostId: number | null;
  subjectName: string;
  levelLabel: string;
  startOn: string;
  endOn: string | null;
  reasons: string;
  inForce: boolean;
  canEnd: boolean;
}

/** The list: subject (linked to its page), level, period, reasons, state, and the end action. */
export function ShowcaseTable({ rows, today }: { rows: ShowcaseRowView[]; today: string }) {
  return (
    <Table<ShowcaseRowView>
      size="small"
      rowKey="id"
      data-testid="showcase-table"
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: m.none }}
      dataSource={rows}
      columns={[
        {
          key: "subject",
          title: m.subject,
          render: (_, r) => (
            <Link href={r.orgId ? `/orgs/${r.orgId}` : `/hosts/${r.hostId}`}>{r.subjectName}</Link>
          ),
        },
        { key: "level", title: m.level, dataIndex: "levelLabel" },
        { key: "period", title: m.period, render: (_, r) => `${r.startOn} — ${r.endOn ?? ""}` },
        { key: "reasons", title: m.reasons, dataIndex: "reasons" },
        {
          key: "state",
          title: m.state,
          render: (_, r) =>
            r.inForce ? (
              <Tag color="green">{m.inForce}</Tag>
            ) : r.endOn && r.endOn <= today ? (
              <Tag>{m.ended}</Tag>
            ) : (
              <Tag>{m.notYet}</Tag>
            ),
        },
        {
          key: "actions",
          title: m.actions,
          render: (_, r) => (r.canEnd ? <EndShowcaseButton id={r.id} today={today} /> : null),
        },
      ]}
    />
  );
}
