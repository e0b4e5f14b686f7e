import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Button, Card } from "antd";
import { getCaller } from "@/server/caller";
import { ActionForm } from "@/components/action-form";
import { Field, inputStyle } from "@/components/field";
import { changePasswordAction } from "@/roles/actions";
import { rm } from "@/roles/messages";
import { logout } from "../logout-action.ts";
import { portalMessages as m } from "../messages.ts";

export const metadata: Metadata = { title: rm.choosePasswordTitle };
export const dynamic = "force-dynamic";

/**
 * The one page of a user whose password an administrator chose (a new account, a reset): every other page
 * sends them here until they set their own. Setting it ends every session: they sign in again with it.
 */
export default async function ChoosePasswordPage() {
  const me = await (await getCaller()).home.me().catch(() => null);
  if (!me) redirect("/login");
  if (!me.mustChangePassword) redirect("/account");
  return (
    <main style={{ minHeight: "100vh", display: "grid", placeItems: "center" }}>
      <Card style={{ width: 440 }}>
        <h1 style={{ fontSize: 20, textAlign: "center", margin: "0 0 4px" }}>{rm.choosePasswordTitle}</h1>
        <p style={{ textAlign: "center", color: "#666", margin: "0 0 12px" }} data-testid="password-user">
          {me.displayName}({me.roleLabel} · {me.scopeName})
        </p>
        <p style={{ color: "#666" }}>{rm.choosePasswordHint}</p>
        <ActionForm action={changePasswordAction} submitLabel={rm.changePassword} testId="password-form">
          <Field label={rm.currentPassword}>
            <input
              name="oldPassword"
              type="password"
              required
              autoComplete="current-password"
              style={inputStyle}
            />
          </Field>
          <Field label={rm.newPassword}>
            <input
              name="newPassword"
              type="password"
              required
              autoComplete="new-password"
              style={inputStyle}
            />
          </Field>
        </ActionForm>
        <form action={logout} style={{ marginTop: 16, textAlign: "center" }}>
          <Button htmlType="submit" size="small">
            {m.logout}
          </Button>
        </form>
      </Card>
    </main>
  );
}
