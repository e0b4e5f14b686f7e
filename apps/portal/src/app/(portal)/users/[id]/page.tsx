import Link from "next/link";
import { Card } from "antd";
import { formatChinaTime } from "@liangxin/domain";
import { requirePage } from "@/server/caller";
import { idParam, orNotFound } from "@/server/guard";
import { SessionsTable } from "@/roles/tables";
import { rm } from "@/roles/messages";

/** A managed user's live sessions; the administrator ends any of them. */
export default async function UserSessionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { caller } = await requirePage("/users");
  const id = idParam((await params).id);
  const { user, sessions } = await orNotFound(caller.users.sessions({ id }));
  return (
    <Card
      title={rm.sessionsTitle(`${user.displayName}(${user.username})`)}
      extra={<Link href={`/users?q=${encodeURIComponent(user.username)}`}>{rm.backToUsers}</Link>}
    >
      <p style={{ color: "#666" }}>{rm.sessionsHint}</p>
      {sessions.length === 0 ? <p data-testid="no-sessions">{rm.noSessions}</p> : null}
      <SessionsTable
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
          createdAt: formatChinaTime(s.createdAt),
          lastSeenAt: formatChinaTime(s.lastSeenAt),
          userAgent: s.userAgent ?? "—",
          clientAddress: s.clientAddress ?? "—",
          actions: { action: "endSession" as const, userId: user.id, sessionId: s.id },
        }))}
      />
    </Card>
  );
}
