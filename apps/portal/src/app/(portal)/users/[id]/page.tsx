import Link from "next/link";
import { Card } from "antd";
import { requireCaller } from "@/server/caller";
import { idParam, orNotFound } from "@/server/guard";
import { ActionForm } from "@/components/action-form";
import { DataTable } from "@/components/data-table";
import { endSessionAction } from "@/roles/actions";
import { rm } from "@/roles/messages";

const fmtTime = (iso: string) =>
  new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });

/** A managed user's live sessions; the administrator ends any of them. */
export default async function UserSessionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { caller } = await requireCaller();
  const id = idParam((await params).id);
  const { user, sessions } = await orNotFound(caller.users.sessions({ id }));
  return (
    <Card
      title={rm.sessionsTitle(`${user.displayName}(${user.username})`)}
      extra={<Link href={`/users?q=${encodeURIComponent(user.username)}`}>{rm.backToUsers}</Link>}
    >
      <p style={{ color: "#666" }}>{rm.sessionsHint}</p>
      {sessions.length === 0 ? <p data-testid="no-sessions">{rm.noSessions}</p> : null}
      <DataTable
        testId="sessions-table"
        columns={[
          { key: "createdAt", title: rm.signedInAt },
          { key: "lastSeenAt", title: rm.lastSeenAt },
          { key: "userAgent", title: rm.userAgent },
          { key: "clientAddress", title: rm.clientAddress },
          { key: "actions", title: "" },
        ]}
        rows={sessions.map((s) => ({
          key: s.id,
          createdAt: fmtTime(s.createdAt),
          lastSeenAt: fmtTime(s.lastSeenAt),
          userAgent: <span style={{ wordBreak: "break-all" }}>{s.userAgent ?? "—"}</span>,
          clientAddress: s.clientAddress ?? "—",
          actions: (
            <ActionForm action={endSessionAction} submitLabel={rm.endSession} inline danger>
              <input type="hidden" name="id" value={user.id} />
              <input type="hidden" name="sessionId" value={s.id} />
            </ActionForm>
          ),
        }))}
      />
    </Card>
  );
}
