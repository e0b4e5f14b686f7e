import { Card } from "antd";
import { AUDIT_ACTION_LABELS } from "@liangxin/api";
import { requirePage } from "@/server/caller";
import { orNotFound, pageParam, pageSizeParam, str } from "@/server/guard";
import { DataTable } from "@/components/data-table";
import { Field, inputStyle } from "@/components/field";
import { Pager } from "@/components/pager";
import { NamedDateField } from "@/components/date-field";
import { rm } from "@/roles/messages";
import { formatChinaTime } from "@liangxin/domain";

type Search = Promise<Record<string, string | string[] | undefined>>;

const isDate = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);

export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  const { caller } = await requirePage("/audit");
  const sp = await searchParams;
  const username = str(sp.username);
  const action = str(sp.action);
  const from = isDate(str(sp.from));
  const to = isDate(str(sp.to));
  const data = await orNotFound(
    caller.audit.search({
      page: pageParam(sp.page),
      pageSize: pageSizeParam(sp.size, 50),
      ...(username ? { username } : {}),
      ...(action ? { action } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    }),
  );
  return (
    <Card title={rm.auditTitle}>
      <form method="get" style={{ display: "flex", gap: 12, flexWrap: "wrap", alignItems: "flex-end" }}>
        <Field label={rm.username}>
          <input name="username" defaultValue={username ?? ""} style={inputStyle} />
        </Field>
        <Field label={rm.action}>
          <select name="action" defaultValue={action ?? ""} style={inputStyle}>
            <option value="">{rm.all}</option>
            {Object.entries(AUDIT_ACTION_LABELS).map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={rm.from}>
          <NamedDateField name="from" defaultValue={from} ariaLabel={rm.from} testId="audit-from" />
        </Field>
        <Field label={rm.to}>
          <NamedDateField name="to" defaultValue={to} ariaLabel={rm.to} testId="audit-to" />
        </Field>
        <button type="submit" style={inputStyle}>
          {rm.search}
        </button>
      </form>
      <Pager
        base="/audit"
        params={{ username, action, from, to }}
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
      />
      <DataTable
        testId="audit-table"
        columns={[
          { key: "at", title: rm.at },
          { key: "username", title: rm.username },
          { key: "action", title: rm.action },
          { key: "entity", title: rm.entity },
          { key: "detail", title: rm.detail },
        ]}
        rows={data.rows.map((a) => ({
          key: a.id,
          at: formatChinaTime(a.at),
          username: a.username ?? "—",
          action: a.actionLabel,
          entity: `${a.entityLabel}${a.entityId ? ` #${a.entityId}` : ""}`,
          detail: a.detail,
        }))}
      />
    </Card>
  );
}
