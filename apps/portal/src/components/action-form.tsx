"use client";

import { useActionState, useRef, type ReactNode } from "react";
import { Alert, Button } from "antd";
import { ConfirmButton } from "./confirm-button.tsx";

export interface ActionState {
  error: string | null;
  ok: string | null;
}

const initial: ActionState = { error: null, ok: null };

/**
 * A form posting to a server action; shows its Chinese error or confirmation. With `confirm`, the button
 * asks that question first (an action that cannot be undone in one click): only 确定 posts the form.
 */
export function ActionForm({
  action,
  submitLabel,
  children,
  danger,
  inline,
  testId,
  confirm,
}: {
  action: (state: ActionState, data: FormData) => Promise<ActionState>;
  submitLabel: string;
  children?: ReactNode;
  danger?: boolean;
  inline?: boolean;
  testId?: string;
  confirm?: ReactNode;
}) {
  const [state, run, pending] = useActionState(action, initial);
  const form = useRef<HTMLFormElement>(null);
  const button = {
    type: danger ? ("default" as const) : ("primary" as const),
    danger,
    loading: pending,
    size: inline ? ("small" as const) : ("middle" as const),
  };
  return (
    <form
      ref={form}
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
      {confirm ? (
        <ConfirmButton title={confirm} onConfirm={() => form.current?.requestSubmit()} {...button}>
          {submitLabel}
        </ConfirmButton>
      ) : (
        <Button htmlType="submit" {...button}>
          {submitLabel}
        </Button>
      )}
      {state.error ? <Alert type="error" showIcon title={state.error} /> : null}
      {state.ok ? <Alert type="success" showIcon title={state.ok} /> : null}
    </form>
  );
}
