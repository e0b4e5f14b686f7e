"use client";

/** 领导干部联系点: registering a leader, linking a point, recording a visit, ending a point; the list. */
import { useMutation } from "@tanstack/react-query";
import { Button, Card, Form, Input, Radio, Select, Table, Tag } from "antd";
import Link from "next/link";
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
import { contactMessages as m } from "./messages.ts";

export function LeaderForm() {
  const trpc = useTRPC();
  const out = useOutcome();
  const [form] = Form.useForm<{ name: string; post: string; unit: string }>();
  const mutation = useMutation(
    trpc.contacts.createLeader.mutationOptions({
      onSuccess: () => {
        form.resetFields();
        out.ok(m.leaderCreated);
      },
      onError: out.fail,
    }),
  );
  return (
    <FormCard title={m.createLeader} testId="leader-form">
      {out.feedback}
      <Form form={form} layout="inline" onFinish={(v) => mutation.mutate(v)}>
        <Form.Item name="name" label={m.name} rules={required(m.name)}>
          <Input style={{ width: 120 }} data-testid="leader-name" />
        </Form.Item>
        <Form.Item name="post" label={m.post} rules={required(m.post)}>
          <Input style={{ width: 160 }} data-testid="leader-post" />
        </Form.Item>
        <Form.Item name="unit" label={m.unit} rules={required(m.unit)}>
          <Input style={{ width: 200 }} data-testid="leader-unit" />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={m.createLeader} />
      </Form>
    </FormCard>
  );
}

interface LinkValues {
  leaderId: number;
  kind: "org" | "host";
  orgId?: number | null;
  hostId?: number | null;
  startOn: string;
}

export function LinkForm({ leaders, today }: { leaders: { id: number; name: string }[]; today: string }) {
  const trpc = useTRPC();
  const out = useOutcome();
  const [kind, setKind] = useState<"org" | "host">("org");
  const mutation = useMutation(
    trpc.contacts.link.mutationOptions({ onSuccess: () => out.ok(m.linked), onError: out.fail }),
  );
  return (
    <FormCard title={m.link} testId="contact-link-form">
      {out.feedback}
      <Form<LinkValues>
        layout="inline"
        initialValues={{ kind: "org", startOn: today }}
        onValuesChange={(c: Partial<LinkValues>) => c.kind && setKind(c.kind)}
        onFinish={(v) =>
          mutation.mutate({
            leaderId: v.leaderId,
            ...(v.kind === "org" ? { orgId: v.orgId ?? null } : { hostId: v.hostId ?? null }),
            startOn: v.startOn,
          })
        }
      >
        <Form.Item name="leaderId" label={m.leader} rules={choose(m.leader)}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={leaders.map((l) => ({ value: l.id, label: l.name }))}
            style={{ width: 140 }}
            data-testid="contact-leader"
          />
        </Form.Item>
        <Form.Item name="kind" label={m.subjectKind}>
          <Radio.Group
            options={[
              { value: "org", label: m.org },
              { value: "host", label: m.host },
            ]}
          />
        </Form.Item>
        {kind === "org" ? (
          <Form.Item name="orgId" label={m.subjectOrg} rules={choose(m.subjectOrg)}>
            <RecordPicker kind="org" testId="contact-org" width={280} />
          </Form.Item>
        ) : (
          <Form.Item name="hostId" label={m.subjectHost} rules={choose(m.subjectHost)}>
            <RecordPicker kind="host" editableOnly testId="contact-host" width={280} />
          </Form.Item>
        )}
        <Form.Item name="startOn" label={m.startOn} rules={dateRules(m.startOn)}>
          <DateField />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={m.link} />
      </Form>
    </FormCard>
  );
}

function VisitForm({ pointId, today, onDone }: { pointId: number; today: string; onDone: () => void }) {
  const trpc = useTRPC();
  const out = useOutcome();
  const mutation = useMutation(
    trpc.contacts.visit.mutationOptions({
      onSuccess: () => {
        out.ok(m.visitRecorded);
        onDone();
      },
      onError: out.fail,
    }),
  );
  return (
    <div data-testid={`visit-form-${pointId}`}>
      {out.feedback}
      <Form
        layout="vertical"
        initialValues={{ visitedOn: today }}
        onFinish={(v: { visitedOn: string; content: string; problems?: string; followUp?: string }) =>
          mutation.mutate({ contactPointId: pointId, ...v })
        }
      >
        <Form.Item name="visitedOn" label={m.visitedOn} rules={dateRules(m.visitedOn)}>
          <DateField />
        </Form.Item>
        <Form.Item name="content" label={m.content} rules={required(m.content)}>
          <Input.TextArea autoSize data-testid="visit-content" />
        </Form.Item>
        <Form.Item name="problems" label={m.problems}>
          <Input.TextArea autoSize data-testid="visit-problems" />
        </Form.Item>
        <Form.Item name="followUp" label={m.followUp}>
          <Input.TextArea autoSize data-testid="visit-follow-up" />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={m.recordVisit} />
      </Form>
    </div>
  );
}

function EndPointButton({ id, today }: { id: number; today: string }) {
  const trpc = useTRPC();
  const act = useSmallAction();
  const mutation = useMutation(
    trpc.contacts.endLink.mutationOptions({ onSuccess: act.onSuccess, onError: act.onError }),
  );
  return (
    <DateAction
      label={m.end}
      today={today}
      pending={mutation.isPending}
      error={act.error}
      onSubmit={(endOn) => mutation.mutate({ id, endOn })}
      testId={`contact-end-${id}`}
    />
  );
}

export interface PointView {
  id: number;
  orgId: number | null;
  hostId: number | null;
  subjectName: string;
  startOn: string;
  endOn: string | null;
  lastVisitOn: string | null;
  dueOn: string | null;
  overdue: boolean;
  overdueDays: number;
  inForce: boolean;
  visits: number;
}

export interface LeaderRow {
  id: number;
  name: string;
  post: string;
  unit: string;
  points: PointView[];
}

/** Each leader with their points: last visit, due day, overdue; a visit form and the end action per point. */
export function LeadersList({
  leaders,
  today,
  focus,
}: {
  leaders: LeaderRow[];
  today: string;
  focus?: number;
}) {
  const [open, setOpen] = useState<number | null>(focus ?? null);
  if (leaders.length === 0) return <p>{m.noLeaders}</p>;
  return (
    <>
      {leaders.map((l) => (
        <Card
          key={l.id}
          size="small"
          title={`${l.name} · ${l.post} · ${l.unit}`}
          style={{ marginBottom: 12 }}
          data-testid={`leader-${l.id}`}
        >
          <Table<PointView>
            size="small"
            rowKey="id"
            pagination={false}
            locale={{ emptyText: m.noPoints }}
            dataSource={l.points}
            expandable={{
              expandedRowKeys: open === null ? [] : [open],
              showExpandColumn: false,
              expandedRowRender: (p) => (
                <VisitForm pointId={p.id} today={today} onDone={() => setOpen(null)} />
              ),
            }}
            columns={[
              {
                key: "subject",
                title: m.subject,
                render: (_, p) => (
                  <Link href={p.orgId ? `/orgs/${p.orgId}` : `/hosts/${p.hostId}`}>{p.subjectName}</Link>
                ),
              },
              { key: "period", title: m.period, render: (_, p) => `${p.startOn} — ${p.endOn ?? ""}` },
              { key: "last", title: m.lastVisit, render: (_, p) => p.lastVisitOn ?? m.never },
              { key: "visits", title: m.visits, dataIndex: "visits" },
              { key: "due", title: m.dueOn, render: (_, p) => p.dueOn ?? "" },
              {
                key: "state",
                title: m.state,
                render: (_, p) =>
                  !p.inForce ? (
                    <Tag>{m.ended}</Tag>
                  ) : p.overdue ? (
                    <Tag color="red" data-testid={`contact-overdue-${p.id}`}>
                      {m.overdue(p.overdueDays)}
                    </Tag>
                  ) : (
                    <Tag color="green">{m.onTime}</Tag>
                  ),
              },
              {
                key: "actions",
                title: m.actions,
                render: (_, p) =>
                  p.inForce ? (
                    <span style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
                      <Button
                        size="small"
                        onClick={() => setOpen(open === p.id ? null : p.id)}
                        data-testid={`contact-visit-${p.id}`}
                      >
                        {m.recordVisit}
                      </Button>
                      <EndPointButton id={p.id} today={today} />
                    </span>
                  ) : null,
              },
            ]}
          />
        </Card>
      ))}
    </>
  );
}
