import { Card } from "antd";
import { requirePage } from "@/server/caller";
import { orNotFound, pageParam, pageSizeParam, str } from "@/server/guard";
import { ActionForm } from "@/components/action-form";
import { Field, inputStyle } from "@/components/field";
import { Pager } from "@/components/pager";
import { HostCodePicker } from "@/components/host-code-picker";
import { createUserAction } from "@/roles/actions";
import { UsersTable } from "@/roles/tables";
import { L } from "@/roles/labels";
import { rm } from "@/roles/messages";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function UsersPage({ searchParams }: { searchParams: Search }) {
  const { caller } = await requirePage("/users");
  const sp = await searchParams;
  const q = str(sp.q);
  const [data, targets] = await Promise.all([
    orNotFound(
      caller.users.list({
        page: pageParam(sp.page),
        pageSize: pageSizeParam(sp.size, 30),
        ...(q ? { q } : {}),
      }),
    ),
    orNotFound(caller.users.targets()),
  ]);
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 16 }}>
      <Card title={rm.usersTitle}>
        <form method="get" style={{ display: "flex", gap: 12, alignItems: "flex-end" }}>
          <Field label={rm.username}>
            <input name="q" defaultValue={q ?? ""} style={inputStyle} />
          </Field>
          <button type="submit" style={inputStyle}>
            {rm.search}
          </button>
        </form>
        <Pager base="/users" params={{ q }} page={data.page} pageSize={data.pageSize} total={data.total} />
        <UsersTable
          testId="users-table"
          columns={[
            { key: "username", title: rm.username },
            { key: "displayName", title: rm.displayName },
            { key: "role", title: rm.role },
            { key: "boundTo", title: rm.boundTo },
            { key: "state", title: rm.state },
            { key: "actions", title: "" },
          ]}
          rows={data.rows.map((u) => ({
            key: u.id,
            username: u.username + (u.isSelf ? rm.self : ""),
            displayName: u.displayName,
            role: u.roleLabel,
            boundTo: u.boundTo,
            state: { text: u.disabled ? rm.disabled : rm.active, testId: `user-state-${u.username}` },
            actions: u.isSelf
              ? null
              : { action: "user" as const, id: u.id, username: u.username, disabled: u.disabled },
          }))}
        />
      </Card>
      <Card title={rm.createUser}>
        <ActionForm action={createUserAction} submitLabel={rm.create} testId="create-user">
          <div style={{ display: "flex", gap: 12, flexWrap: "wrap" }}>
            <Field label={rm.username}>
              <input name="username" required style={inputStyle} />
            </Field>
            <Field label={rm.displayName}>
              <input name="displayName" required style={inputStyle} />
            </Field>
            <Field label={rm.newPassword}>
              <input name="password" type="password" required minLength={10} style={inputStyle} />
            </Field>
            <Field label={rm.role}>
              <select name="role" style={inputStyle} defaultValue="secretary">
                <option value="secretary">{rm.roleSecretary}</option>
                {targets.adminOrgs.length ? <option value="admin">{rm.roleAdmin}</option> : null}
                <option value="owner">{rm.roleOwner}</option>
              </select>
            </Field>
            <Field label={rm.bindOrg}>
              <select name="orgId" style={{ ...inputStyle, maxWidth: 360 }}>
                <option value="">—</option>
                {[...targets.adminOrgs, ...targets.secretaryOrgs].map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}({L.category(o.category)})
                  </option>
                ))}
              </select>
            </Field>
            <Field label={rm.bindHost}>
              <HostCodePicker name="hostCreditCode" ariaLabel={rm.bindHost} />
            </Field>
          </div>
        </ActionForm>
      </Card>
    </div>
  );
}
