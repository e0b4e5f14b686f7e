import { Card, Descriptions } from "antd";
import { requirePage } from "@/server/caller";
import { ActionForm } from "@/components/action-form";
import { Field, inputStyle } from "@/components/field";
import { changePasswordAction } from "@/roles/actions";
import { rm } from "@/roles/messages";

export default async function AccountPage() {
  const { me } = await requirePage("/account");
  return (
    <Card title={rm.accountTitle} style={{ maxWidth: 560 }}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={rm.username}>{me.username}</Descriptions.Item>
        <Descriptions.Item label={rm.role}>{me.roleLabel}</Descriptions.Item>
        <Descriptions.Item label={rm.boundTo}>{me.scopeName}</Descriptions.Item>
      </Descriptions>
      <p style={{ color: "#666" }} data-testid="session-notice">
        {rm.sessionNotice}
      </p>
      <ActionForm action={changePasswordAction} submitLabel={rm.changePassword} testId="password-form">
        <Field label={rm.oldPassword}>
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
            minLength={8}
            autoComplete="new-password"
            style={inputStyle}
          />
        </Field>
      </ActionForm>
    </Card>
  );
}
