"use client";

/**
 * What the daily-work forms share: the Option of a select, the field rules, the success and error lines
 * (useOutcome), the organization picker, the submit button, the card, and the small dated action of a
 * table row (DateAction with useSmallAction).
 */
import { useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { Alert, Button, Card, Form, Select, Space } from "antd";
import type { Rule } from "antd/es/form";
import { ConfirmButton } from "@/components/confirm-button";
import { DateField } from "@/components/date-field";
import { workMessages as m } from "./messages.ts";

export interface Option {
  id: number;
  name: string;
}

export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
export const dateRules = (label: string): Rule[] => [
  { required: true, message: m.required(label) },
  { pattern: DATE_RE, message: m.datePattern },
];
export const optionalDateRules: Rule[] = [{ pattern: DATE_RE, message: m.datePattern }];
export const required = (label: string): Rule[] => [
  { required: true, whitespace: true, message: m.required(label) },
];
export const choose = (label: string): Rule[] => [{ required: true, message: m.choose(label) }];
export const options = (list: readonly Option[]) => list.map((o) => ({ value: o.id, label: o.name }));
/** A select's options from a vocabulary and its Chinese labels. */
export const labelled = <K extends string>(keys: readonly K[], labels: Readonly<Record<K, string>>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

/** Success and error lines of a form, and the page refresh after a change. */
export function useOutcome() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return {
    ok(text?: string) {
      setError(null);
      setNotice(text ?? m.saved);
      router.refresh();
    },
    fail(e: { message: string }) {
      setNotice(null);
      setError(e.message);
    },
    feedback: (
      <>
        {error ? (
          <Alert type="error" showIcon title={error} data-testid="form-error" style={{ marginBottom: 12 }} />
        ) : null}
        {notice ? (
          <Alert
            type="success"
            showIcon
            title={notice}
            data-testid="form-notice"
            style={{ marginBottom: 12 }}
          />
        ) : null}
      </>
    ),
  };
}

/** The organization picker every work form starts with. */
export function OrgItem({ orgs, width }: { orgs: readonly Option[]; width: number }) {
  return (
    <Form.Item name="orgId" label={m.org} rules={choose(m.org)}>
      <Select showSearch={{ optionFilterProp: "label" }} options={options(orgs)} style={{ width }} />
    </Form.Item>
  );
}

export function SubmitButton({ pending, label }: { pending: boolean; label: string }) {
  return (
    <Button type="primary" htmlType="submit" loading={pending}>
      {label}
    </Button>
  );
}

export function FormCard({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Card title={title} size="small" data-testid={testId} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/** A small inline form: one date and a button (end an assignment, close a case, advance a stage…). */
export function DateAction({
  label,
  today,
  pending,
  onSubmit,
  error,
  testId,
}: {
  label: string;
  today: string;
  pending: boolean;
  onSubmit: (date: string) => void;
  error: string | null;
  testId: string;
}) {
  const [date, setDate] = useState(today);
  return (
    <Space size={4} data-testid={testId}>
      <DateField
        size="small"
        value={date}
        onChange={setDate}
        width={130}
        ariaLabel={m.date}
        allowClear={false}
      />
      <ConfirmButton
        title={m.confirmDated(label, date)}
        size="small"
        loading={pending}
        onConfirm={() => onSubmit(date)}
      >
        {label}
      </ConfirmButton>
      {error ? <span style={{ color: "#c8161d", fontSize: 12 }}>{error}</span> : null}
    </Space>
  );
}

export function useSmallAction() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return {
    error,
    onSuccess: () => {
      setError(null);
      router.refresh();
    },
    onError: (e: { message: string }) => setError(e.message),
  };
}
