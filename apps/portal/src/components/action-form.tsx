"use client";

import { useActionState, type ReactNode } from "react";
import { Alert, Button } from "antd";

export interface ActionState {
  error: string | null;
  ok: string | null;
}

const initial: ActionState = { error: null, ok: null };

/** A form posting to a server action; shows its Chinese error or confirmation. */
export function ActionForm({
  action,
  submitLabel,
  children,
  danger,
  inline,
  testId,
}: {
  action: (state: ActionState, data: FormData) => Promise<ActionState>;
  submitLabel: string;
  children?: ReactNode;
  danger?: boolean;
  inline?: boolean;
  testId?: string;
}) {
  const [state, run, pending] = useActionState(action, initial);
  return (
    <form
      action={run}
      data-testid={testId}
      style={{
        display: "flex",
        flexDirection: inline ? "row" : "column",
        gap: 8,
        alignItems: inline ? "center" : "stretch",
      }}
    >
      {children}
      <Button
        htmlType="submit"
        type={danger ? "default" : "primary"}
        danger={danger}
        loading={pending}
        size={inline ? "small" : "middle"}
      >
        {submitLabel}
      </Button>
      {state.error ? <Alert type="error" showIcon title={state.error} /> : null}
      {state.ok ? <Alert type="success" showIcon title={state.ok} /> : null}
    </form>
  );
}
