"use client";

/**
 * The training forms: register a training (then open its page), add a participant through a picker that
 * searches the members, instructors and owners both the caller and the organizer see, remove one.
 */
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Button, Form, Input, InputNumber, Select, Table } from "antd";
import {
  PARTICIPANT_KIND_LABELS,
  TRAINING_KIND_LABELS,
  TRAINING_KINDS,
  type ParticipantKind,
} from "@liangxin/domain";
import { useTRPC } from "@/trpc/react";
import { DateField } from "@/components/date-field";
import { ConfirmButton } from "@/components/confirm-button";
import {
  choose,
  dateRules,
  FormCard,
  labelled,
  options,
  required,
  SubmitButton,
  useOutcome,
  useSmallAction,
  type Option,
} from "../form-kit.tsx";
import { trainingPageMessages as m } from "./messages.ts";

interface TrainingValues {
  organizerId?: number;
  title: string;
  kind: (typeof TRAINING_KINDS)[number];
  startOn: string;
  endOn: string;
  place?: string;
  hours?: number | null;
}

export function CreateTrainingForm({ organizers, today }: { organizers: Option[]; today: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [form] = Form.useForm<TrainingValues>();
  const out = useOutcome();
  const mutation = useMutation(
    trpc.training.create.mutationOptions({
      onSuccess: (t) => {
        out.ok(m.created);
        router.push(`/work/training/${t.id}`);
      },
      onError: out.fail,
    }),
  );
  return (
    <FormCard title={m.create} testId="create-training-form">
      {out.feedback}
      <Form
        name="createTraining"
        form={form}
        layout="inline"
        initialValues={{ organizerId: organizers[0]?.id, kind: "secretary", startOn: today, endOn: today }}
        onFinish={(v) =>
          mutation.mutate({
            organizerId: v.organizerId,
            title: v.title.trim(),
            kind: v.kind,
            startOn: v.startOn,
            endOn: v.endOn,
            place: v.place?.trim() || undefined,
            hours: v.hours ?? null,
          })
        }
      >
        <Form.Item name="organizerId" label={m.organizer} rules={choose(m.organizer)}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={options(organizers)}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item name="title" label={m.name} rules={required(m.name)}>
          <Input style={{ width: 240 }} data-testid="training-title" />
        </Form.Item>
        <Form.Item name="kind" label={m.kind} rules={choose(m.kind)}>
          <Select options={labelled(TRAINING_KINDS, TRAINING_KIND_LABELS)} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="startOn" label={m.startOn} rules={dateRules(m.startOn)}>
          <DateField />
        </Form.Item>
        <Form.Item name="endOn" label={m.endOn} rules={dateRules(m.endOn)}>
          <DateField />
        </Form.Item>
        <Form.Item name="place" label={m.place}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="hours" label={m.hours}>
          <InputNumber min={1} max={1000} precision={0} style={{ width: 90 }} />
        </Form.Item>
        <SubmitButton pending={mutation.isPending} label={m.create} />
      </Form>
    </FormCard>
  );
}

/** The picker's value: the kind and the id, as one string (`member:12`). */
const key = (kind: ParticipantKind, id: number) => `${kind}:${id}`;

export function AddParticipantForm({ trainingId }: { trainingId: number }) {
  const trpc = useTRPC();
  const out = useOutcome();
  const [q, setQ] = useState("");
  const [value, setValue] = useState<string | null>(null);
  const found = useQuery({
    ...trpc.training.candidates.queryOptions({ trainingId, q }),
    enabled: q.trim().length > 0,
  });
  const mutation = useMutation(
    trpc.training.addParticipant.mutationOptions({
      onSuccess: () => {
        setValue(null);
        out.ok();
      },
      onError: out.fail,
    }),
  );
  const c = found.data;
  const choices = c
    ? [
        ...c.members.map((p) => ({
          value: key("member", p.memberId),
          label: `${p.name}(${PARTICIPANT_KIND_LABELS.member}${p.unit ? `,${p.unit}` : ""})`,
        })),
        ...c.instructors.map((p) => ({
          value: key("instructor", p.instructorId),
          label: `${p.name}(${PARTICIPANT_KIND_LABELS.instructor})`,
        })),
        ...c.owners.map((p) => ({
          value: key("owner", p.hostId),
          label: `${p.name}(${PARTICIPANT_KIND_LABELS.owner},${p.unit})`,
        })),
      ]
    : [];
  return (
    <FormCard title={m.add} testId="add-participant-form">
      {out.feedback}
      <Select
        showSearch={{ filterOption: false, onSearch: setQ }}
        value={value}
        onChange={setValue}
        placeholder={m.search}
        options={choices}
        loading={found.isFetching}
        notFoundContent={null}
        style={{ width: 360, marginInlineEnd: 8 }}
        aria-label={m.pick}
        data-testid="participant-picker"
      />
      <Button
        type="primary"
        loading={mutation.isPending}
        disabled={!value}
        data-testid="add-participant"
        onClick={() => {
          if (!value) return;
          const [kind, id] = value.split(":") as [ParticipantKind, string];
          mutation.mutate({ trainingId, kind, personId: Number(id) });
        }}
      >
        {m.add}
      </Button>
    </FormCard>
  );
}

export function RemoveParticipant({ id, name }: { id: number; name: string }) {
  const trpc = useTRPC();
  const small = useSmallAction();
  const mutation = useMutation(
    trpc.training.removeParticipant.mutationOptions({ onSuccess: small.onSuccess, onError: small.onError }),
  );
  return (
    <>
      <ConfirmButton
        title={m.removeConfirm(name)}
        size="small"
        loading={mutation.isPending}
        onConfirm={() => mutation.mutate({ id })}
        testId={`remove-participant-${id}`}
      >
        {m.remove}
      </ConfirmButton>
      {small.error ? <span style={{ color: "#c8161d", fontSize: 12 }}>{small.error}</span> : null}
    </>
  );
}

export interface ParticipantView {
  id: number;
  kind: ParticipantKind;
  name: string;
  unit: string | null;
  link: string | null;
}

/** The participants of a training, each with its 移除 action. */
export function ParticipantsTable({ rows }: { rows: ParticipantView[] }) {
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      data-testid="training-participants"
      locale={{ emptyText: m.noParticipants }}
      dataSource={rows}
      columns={[
        {
          key: "kind",
          title: m.personKind,
          render: (_: unknown, r: ParticipantView) => PARTICIPANT_KIND_LABELS[r.kind],
        },
        {
          key: "name",
          title: m.person,
          render: (_: unknown, r: ParticipantView) => (r.link ? <Link href={r.link}>{r.name}</Link> : r.name),
        },
        {
          key: "unit",
          title: m.unit,
          render: (_: unknown, r: ParticipantView) => r.unit ?? (r.link ? "—" : m.outOfScope),
        },
        {
          key: "remove",
          title: "",
          render: (_: unknown, r: ParticipantView) => <RemoveParticipant id={r.id} name={r.name} />,
        },
      ]}
    />
  );
}
