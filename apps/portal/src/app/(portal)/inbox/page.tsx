import { Card } from "antd";
import { requirePage } from "@/server/caller";
import { WorkTable } from "../work/work-table.tsx";
import { workMessages as m } from "../work/messages.ts";

const COLORS: Record<string, string> = {
  electionOverdue: "red",
  planOverdue: "red",
  electionDue: "orange",
  transferAwaiting: "blue",
  correctionAwaiting: "blue",
  coverageRequestAwaiting: "blue",
  probationEnding: "purple",
  reportReturned: "red",
  reportAwaiting: "blue",
};

export default async function InboxPage() {
  const { caller } = await requirePage("/inbox");
  const items = await caller.work.inbox();
  return (
    <div>
      <h2>{m.inboxTitle}</h2>
      <Card size="small">
        <div style={{ marginBottom: 8 }}>
          {items.length === 0 ? m.inboxEmpty : null}
          <span data-testid="inbox-count" style={{ display: "none" }}>
            {items.length}
          </span>
        </div>
        <WorkTable
          testId="inbox-table"
          pageSize={50}
          columns={[
            { key: "kind", title: m.inboxKind },
            { key: "subject", title: m.subject },
            { key: "date", title: m.date },
            { key: "detail", title: m.content },
            { key: "go", title: m.go },
          ]}
          rows={items.map((i) => ({
            key: `${i.kind}-${i.refId}`,
            kind: { tag: i.kindLabel, color: COLORS[i.kind] ?? "blue" },
            subject: i.subject,
            date: i.date,
            detail: i.detail,
            go: { link: i.href, text: m.go },
          }))}
        />
      </Card>
    </div>
  );
}
