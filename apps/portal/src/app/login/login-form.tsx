"use client";

import { useActionState } from "react";
import { Alert, Button, Input } from "antd";
import { login, type LoginState } from "./actions.ts";
import { portalMessages as m } from "../messages.ts";

const initial: LoginState = { error: null };

export function LoginForm() {
  const [state, action, pending] = useActionState(login, initial);
  return (
    <form action={action} style={{ display: "flex", flexDirection: "column", gap: 16 }}>
      {state.error ? <Alert type="error" showIcon title={state.error} data-testid="login-error" /> : null}
      <label>
        <div style={{ marginBottom: 6 }}>{m.username}</div>
        <Input name="username" autoComplete="username" required aria-label={m.username} size="large" />
      </label>
      <label>
        <div style={{ marginBottom: 6 }}>{m.password}</div>
        <Input.Password
          name="password"
          autoComplete="current-password"
          required
          aria-label={m.password}
          size="large"
        />
      </label>
      <Button type="primary" htmlType="submit" size="large" loading={pending} block>
        {m.loginButton}
      </Button>
    </form>
  );
}
