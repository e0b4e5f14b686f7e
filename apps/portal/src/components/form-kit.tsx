"use client";

import { useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Select, type FormInstance, type FormProps } from "antd";
import { useTRPC } from "@/trpc/react";
import { DateField } from "./date-field.tsx";

/** The shared pieces of the ledger forms: zod validation with the API's schemas, messages, pickers. */

export interface Option {
  id: number;
  name: string;
}

interface ZodLike<T> {
  safeParse: (
    v: unknown,
  ) =>
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/**
 * Validate the form's values with the API's own zod schema: on failure, show each issue's (Chinese)
 * message under its field (issues without a field of the form go to `fallback`) and return null.
 */
export function validate<T>(
  form: FormInstance,
  schema: ZodLike<T>,
  values: unknown,
  fields: readonly string[],
  fallback: string,
  rename: Record<string, string> = {},
): T | null {
  const r = schema.safeParse(values);
  if (r.success) return r.data;
  const errors = new Map<string, string[]>();
  for (const issue of r.error.issues) {
    const key = String(issue.path[0] ?? "");
    const name = rename[key] ?? key;
    const field = fields.includes(name) ? name : fallback;
    errors.set(field, [...(errors.get(field) ?? []), issue.message]);
  }
  form.setFields([...errors].map(([name, errs]) => ({ name, errors: [...new Set(errs)] })));
  return null;
}

/** Clear the zod errors of edited fields (antd keeps errors set by setFields until the next validation). */
export function clearOnChange(form: FormInstance) {
  return (changed: Record<string, unknown>) =>
    form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] })));
}

export const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
export const options = (list: readonly Option[]) => list.map((o) => ({ value: o.id, label: o.name }));
export const labelled = (labels: Readonly<Record<string, string>>, keys?: readonly string[]) =>
  (keys ?? Object.keys(labels)).map((k) => ({ value: k, label: labels[k] ?? k }));

export function ErrorLine({ error }: { error: string | null }) {
  return error ? (
    <Alert type="error" showIcon title={error} data-testid="form-error" style={{ marginBottom: 12 }} />
  ) : null;
}

export function NoticeLine({ notice }: { notice: string | null }) {
  return notice ? (
    <Alert type="success" showIcon title={notice} data-testid="form-notice" style={{ marginBottom: 12 }} />
  ) : null;
}

/** Success and error state of a form, shown by `Feedback`. */
export function useFeedback() {
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return {
    error,
    notice,
    fail: (e: { message: string }) => {
      setNotice(null);
      setError(e.message);
    },
    ok: (n: string) => {
      setError(null);
      setNotice(n);
    },
    clear: () => {
      setError(null);
      setNotice(null);
    },
  };
}

/**
 * `useFeedback` plus the callbacks of a ledger form's mutation: `saved(notice, then)` shows the notice
 * (a string or made from the result), runs `then` and refreshes the server-rendered page; `created(path)`
 * opens the new record's page. Either shows the error message on failure (the input stays in the form).
 */
export function useSaveFeedback() {
  const router = useRouter();
  const fb = useFeedback();
  return {
    ...fb,
    saved: <T,>(notice: string | ((r: T) => string), then?: (r: T) => void) => ({
      onSuccess: (r: T) => {
        fb.ok(typeof notice === "string" ? notice : notice(r));
        then?.(r);
        router.refresh();
      },
      onError: fb.fail,
    }),
    created: <T,>(path: (r: T) => string) => ({
      onSuccess: (r: T) => router.push(path(r)),
      onError: fb.fail,
    }),
  };
}

export function Feedback({ fb }: { fb: { error: string | null; notice: string | null } }) {
  return (
    <>
      <ErrorLine error={fb.error} />
      <NoticeLine notice={fb.notice} />
    </>
  );
}

/** A labelled date field: a date picker whose value is YYYY-MM-DD (the API's schema checks it). */
export function DateItem({
  name,
  label,
  required,
  testId,
  extra,
}: {
  name: string;
  label: string;
  required?: boolean;
  testId?: string;
  /** A hint under the field. */
  extra?: string;
}) {
  return (
    <Form.Item name={name} label={label} required={required} extra={extra}>
      <DateField testId={testId} />
    </Form.Item>
  );
}

/**
 * The frame of a ledger form: a card with its feedback lines, the antd form (zod errors of edited fields
 * cleared on change), the fields and the submit button.
 */
export function FormCard<T extends object>({
  title,
  testId,
  fb,
  form,
  name,
  layout = "vertical",
  initialValues,
  onFinish,
  maxWidth,
  submit,
  children,
}: {
  title: string;
  testId: string;
  fb: { error: string | null; notice: string | null };
  form: FormInstance<T>;
  name?: string;
  layout?: FormProps["layout"];
  initialValues?: FormProps<T>["initialValues"];
  onFinish: (v: T) => void;
  maxWidth?: number;
  submit: { label: string; testId: string; loading: boolean };
  children: ReactNode;
}) {
  return (
    <Card title={title} data-testid={testId}>
      <Feedback fb={fb} />
      <Form<T>
        name={name}
        form={form}
        layout={layout}
        initialValues={initialValues}
        onValuesChange={clearOnChange(form)}
        onFinish={onFinish}
        style={maxWidth ? { maxWidth } : undefined}
      >
        {children}
        <Button type="primary" htmlType="submit" loading={submit.loading} data-testid={submit.testId}>
          {submit.label}
        </Button>
      </Form>
    </Card>
  );
}

/**
 * Pick an organization of the caller's subtree, a host the caller sees or a member of an organization by
 * typing part of its name
 * or code: the choices come from the scoped list procedure, so the picker works for a city of any size.
 */
export function RecordPicker({
  id,
  kind,
  value,
  onChange,
  exclude,
  grassrootsOnly,
  editableOnly,
  orgId,
  testId,
  width = 360,
  initial,
}: {
  /** Set by Form.Item: ties the field's label to the input. */
  id?: string;
  kind: "org" | "host" | "member";
  value?: number | null;
  onChange?: (v: number | null) => void;
  exclude?: number;
  grassrootsOnly?: boolean;
  /** Hosts: only those the caller edits (its territory's). */
  editableOnly?: boolean;
  /** Members: of this organization, status 正常. */
  orgId?: number;
  testId?: string;
  width?: number;
  initial?: Option | null;
}) {
  const trpc = useTRPC();
  const [q, setQ] = useState("");
  const orgs = useQuery({
    ...trpc.orgs.list.queryOptions({ page: 1, pageSize: 30, ...(q ? { q } : {}) }),
    enabled: kind === "org",
  });
  const hosts = useQuery({
    ...trpc.hosts.list.queryOptions({ page: 1, pageSize: 30, ...(q ? { q } : {}) }),
    enabled: kind === "host",
  });
  const members = useQuery({
    ...trpc.members.list.queryOptions({
      page: 1,
      pageSize: 30,
      status: "normal",
      ...(orgId ? { orgId } : {}),
      ...(q ? { q } : {}),
    }),
    enabled: kind === "member",
  });
  const GRASSROOTS = new Set(["committee", "generalBranch", "branch", "jointBranch"]);
  const rows: { value: number; label: string }[] =
    kind === "member"
      ? (members.data?.rows ?? []).flatMap((m) =>
          m.id ? [{ value: m.id, label: `${m.name}(${m.idNumberMasked})` }] : [],
        )
      : kind === "org"
        ? (orgs.data?.rows ?? [])
            .filter((o) => o.id !== exclude && (!grassrootsOnly || GRASSROOTS.has(o.category)))
            .map((o) => ({ value: o.id, label: `${o.name}(${o.code})` }))
        : // Any host the caller lists (for a branch secretary, the hosts its organization covers), or
          // only those it edits.
          (hosts.data?.rows ?? [])
            .filter((h) => !editableOnly || h.access === "edit")
            .map((h) => ({ value: h.id, label: `${h.name}(${h.creditCode})` }));
  if (initial && !rows.some((r) => r.value === initial.id))
    rows.unshift({ value: initial.id, label: initial.name });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v ?? null)}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={orgs.isFetching || hosts.isFetching || members.isFetching}
      options={rows}
      style={{ width }}
      data-testid={testId}
    />
  );
}

/**
 * Choose several hosts of the caller's territory that no organization covers, by typing part of a name or
 * credit code (a joint branch's hosts): the choices come from the scoped hosts list, and the names of
 * those already chosen stay shown while another search runs.
 */
export function HostsPicker({
  id,
  value,
  onChange,
  testId,
  width = 520,
}: {
  /** Set by Form.Item: ties the field's label to the input. */
  id?: string;
  value?: number[];
  onChange?: (v: number[]) => void;
  testId?: string;
  width?: number;
}) {
  const trpc = useTRPC();
  const [q, setQ] = useState("");
  const [chosen, setChosen] = useState<ReadonlyMap<number, string>>(new Map());
  const hosts = useQuery(
    trpc.hosts.list.queryOptions({ page: 1, pageSize: 30, coverage: "uncovered", ...(q ? { q } : {}) }),
  );
  const found = (hosts.data?.rows ?? [])
    .filter((h) => h.access === "edit")
    .map((h) => ({ value: h.id, label: `${h.name}(${h.creditCode})` }));
  const selected = value ?? [];
  const options = [
    ...found,
    ...selected
      .filter((v) => !found.some((o) => o.value === v))
      .map((v) => ({ value: v, label: chosen.get(v) ?? String(v) })),
  ];
  return (
    <Select
      id={id}
      mode="multiple"
      value={selected}
      onChange={(ids: number[]) => {
        const labels = new Map(chosen);
        for (const o of found) if (ids.includes(o.value)) labels.set(o.value, o.label);
        setChosen(labels);
        onChange?.(ids);
      }}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={hosts.isFetching}
      options={options}
      style={{ width }}
      data-testid={testId}
    />
  );
}

/** A RecordPicker in a plain GET form (a list's filter): the chosen record's id goes out as `name`. */
export function NamedRecordPicker({
  name,
  kind,
  initial,
  ariaLabel,
  testId,
  width,
}: {
  name: string;
  kind: "org" | "host";
  initial?: Option | null;
  ariaLabel: string;
  testId?: string;
  width?: number;
}) {
  const [value, setValue] = useState<number | null>(initial?.id ?? null);
  return (
    <span aria-label={ariaLabel} style={{ display: "inline-flex" }}>
      <RecordPicker
        kind={kind}
        value={value}
        onChange={setValue}
        initial={initial}
        testId={testId}
        width={width}
      />
      <input type="hidden" name={name} value={value ?? ""} />
    </span>
  );
}
