"use client";

import { useMutation } from "@tanstack/react-query";
import { Form, Input, Select } from "antd";
import { INSTRUCTOR_KIND_LABELS } from "@liangxin/domain";
import {
  assignmentEndInput,
  assignmentStartInput,
  instructorCreateInput,
  instructorUpdateInput,
} from "@liangxin/api/schemas";
import { useTRPC } from "@/trpc/react";
import { ConfirmButton } from "@/components/confirm-button";
import {
  blankToNull,
  clearOnChange,
  DateItem,
  Feedback,
  FormCard,
  labelled,
  RecordPicker,
  useSaveFeedback,
  validate,
  type Option,
} from "@/components/form-kit";
import { CellTable, type TableProps } from "@/components/data-table";
import { lx } from "@/app/ledger-messages";
import { DateField } from "@/components/date-field";

interface InstructorFields {
  number?: string;
  name?: string;
  kind?: string;
  dispatchOrgId?: number | null;
  dispatchOrgCode?: string;
  dispatchOrgName?: string;
  phone?: string;
}

const FIELDS = [
  "number",
  "name",
  "kind",
  "dispatchOrgId",
  "dispatchOrgCode",
  "dispatchOrgName",
  "phone",
] as const;

/** A dispatcher outside the caller's organizations is given by its 组织代码 (found by the API, audited). */
const values = (v: InstructorFields) => ({
  number: v.number ?? "",
  name: v.name ?? "",
  kind: v.kind,
  dispatchOrgId: v.dispatchOrgCode?.trim() ? null : (v.dispatchOrgId ?? null),
  dispatchOrgCode: blankToNull(v.dispatchOrgCode ?? null),
  dispatchOrgName: blankToNull(v.dispatchOrgName ?? null),
  phone: blankToNull(v.phone ?? null),
});

function InstructorItems({ dispatchOrg }: { dispatchOrg?: Option | null }) {
  return (
    <>
      <Form.Item name="number" label={lx.number} required>
        <Input style={{ width: 200 }} data-testid="instructor-number" />
      </Form.Item>
      <Form.Item name="name" label={lx.memberName} required>
        <Input style={{ width: 200 }} data-testid="instructor-name" />
      </Form.Item>
      <Form.Item name="kind" label={lx.instructorKind} required>
        <Select
          options={labelled(INSTRUCTOR_KIND_LABELS)}
          style={{ width: 140 }}
          data-testid="instructor-kind"
        />
      </Form.Item>
      <Form.Item name="dispatchOrgId" label={lx.dispatchOrg}>
        <RecordPicker kind="org" initial={dispatchOrg ?? null} testId="instructor-dispatch-org" />
      </Form.Item>
      <Form.Item name="dispatchOrgCode" label={lx.dispatchOrgCode} extra={lx.dispatchOrgCodeHint}>
        <Input style={{ width: 240 }} data-testid="instructor-dispatch-code" />
      </Form.Item>
      <Form.Item name="dispatchOrgName" label={lx.dispatchOrgName}>
        <Input style={{ width: 320 }} data-testid="instructor-dispatch-name" />
      </Form.Item>
      <Form.Item name="phone" label={lx.phone}>
        <Input style={{ width: 200 }} data-testid="instructor-phone" />
      </Form.Item>
    </>
  );
}

// ───────────── 新增指导员 (kept by the caller's management node) ─────────────

export function CreateInstructorForm() {
  const trpc = useTRPC();
  const [form] = Form.useForm<InstructorFields>();
  const fb = useSaveFeedback();
  const create = useMutation(
    trpc.records.instructor.create.mutationOptions({
      ...fb.created((row) => `/instructors/${row.id}`),
      onError: (e) => fb.fail({ message: e.data?.code === "NOT_FOUND" ? lx.dispatchOrgNotFound : e.message }),
    }),
  );
  return (
    <FormCard
      title={lx.newInstructor}
      testId="create-instructor"
      fb={fb}
      form={form}
      name="createInstructor"
      onFinish={(v) => {
        const input = validate(form, instructorCreateInput, values(v), FIELDS, "name");
        if (input) create.mutate(input);
      }}
      maxWidth={640}
      submit={{ label: lx.create, testId: "create-instructor-submit", loading: create.isPending }}
    >
      <InstructorItems />
    </FormCard>
  );
}

// ───────────── 编辑 ─────────────

export interface EditableInstructor {
  id: number;
  version: number;
  number: string;
  name: string;
  kind: string;
  dispatchOrgId: number | null;
  dispatchOrgName: string | null;
  dispatchName: string | null;
  phone: string | null;
}

export function EditInstructorForm({ instructor: i }: { instructor: EditableInstructor }) {
  const trpc = useTRPC();
  const [form] = Form.useForm<InstructorFields>();
  const fb = useSaveFeedback();
  const update = useMutation(
    trpc.records.instructor.update.mutationOptions({
      ...fb.saved(lx.saved),
      onError: (e) => fb.fail({ message: e.data?.code === "NOT_FOUND" ? lx.dispatchOrgNotFound : e.message }),
    }),
  );
  return (
    <FormCard
      title={lx.editInstructor}
      testId="edit-instructor"
      fb={fb}
      form={form}
      name="editInstructor"
      initialValues={{
        number: i.number,
        name: i.name,
        kind: i.kind,
        dispatchOrgId: i.dispatchOrgId,
        dispatchOrgName: i.dispatchOrgName ?? "",
        phone: i.phone ?? "",
      }}
      onFinish={(v) => {
        const input = validate(
          form,
          instructorUpdateInput,
          { ...values(v), id: i.id, version: i.version },
          FIELDS,
          "name",
        );
        if (input) update.mutate(input);
      }}
      maxWidth={640}
      submit={{ label: lx.save, testId: "edit-instructor-submit", loading: update.isPending }}
    >
      <InstructorItems
        dispatchOrg={i.dispatchOrgId ? { id: i.dispatchOrgId, name: i.dispatchName ?? "" } : null}
      />
    </FormCard>
  );
}

// ───────────── 选派 / 结束指导 ─────────────

export function AssignForm({ instructorId, today }: { instructorId: number; today: string }) {
  const trpc = useTRPC();
  const [form] = Form.useForm<{ hostId?: number | null; startOn?: string }>();
  const fb = useSaveFeedback();
  const start = useMutation(
    trpc.records.assignment.start.mutationOptions(
      fb.saved(
        (r) => [lx.assigned, ...r.warnings.map((w) => w.message)].join(";"),
        () => form.resetFields(["hostId"]),
      ),
    ),
  );
  return (
    <FormCard
      title={lx.assign}
      testId="assign-instructor"
      fb={fb}
      form={form}
      name="assignInstructor"
      layout="inline"
      initialValues={{ startOn: today }}
      onFinish={(v) => {
        const input = validate(
          form,
          assignmentStartInput,
          { instructorId, hostId: v.hostId ?? undefined, startOn: v.startOn ?? "" },
          ["hostId", "startOn"],
          "hostId",
          { endOn: "startOn" },
        );
        if (input) start.mutate(input);
      }}
      submit={{ label: lx.assign, testId: "assign-submit", loading: start.isPending }}
    >
      <Form.Item name="hostId" label={lx.host} required>
        <RecordPicker kind="host" editableOnly testId="assign-host" />
      </Form.Item>
      <DateItem name="startOn" label={lx.startOn} required testId="assign-start-on" />
    </FormCard>
  );
}

export function EndAssignment({ assignmentId, today }: { assignmentId: number; today: string }) {
  const trpc = useTRPC();
  const [form] = Form.useForm<{ endOn?: string }>();
  const fb = useSaveFeedback();
  const end = useMutation(trpc.records.assignment.end.mutationOptions(fb.saved(lx.assignmentEnded)));
  const endOn = Form.useWatch("endOn", form) ?? today;
  return (
    <div data-testid={`end-assignment-${assignmentId}`}>
      <Feedback fb={fb} />
      <Form
        name={`endAssignment${assignmentId}`}
        form={form}
        layout="inline"
        initialValues={{ endOn: today }}
        onValuesChange={clearOnChange(form)}
        onFinish={(v) => {
          const input = validate(
            form,
            assignmentEndInput,
            { id: assignmentId, endOn: v.endOn ?? "" },
            ["endOn"],
            "endOn",
          );
          if (input) end.mutate(input);
        }}
      >
        <Form.Item name="endOn">
          <DateField testId="end-assignment-on" ariaLabel={lx.endOn} />
        </Form.Item>
        <ConfirmButton
          title={lx.endAssignmentConfirm(endOn ?? "")}
          danger
          loading={end.isPending}
          onConfirm={() => form.submit()}
          testId="end-assignment-submit"
        >
          {lx.endAssignment}
        </ConfirmButton>
      </Form>
    </div>
  );
}

// ───────────── the instructor's hosts, each assignment ended from its row ─────────────

type AssignmentCell = { action: "endAssignment"; id: number; today: string };

/** The hosts an instructor is assigned to; an editor ends an assignment from its row. */
export function InstructorHostsTable(props: TableProps<AssignmentCell>) {
  return (
    <CellTable
      {...props}
      renderAction={(a: AssignmentCell) => <EndAssignment assignmentId={a.id} today={a.today} />}
    />
  );
}
