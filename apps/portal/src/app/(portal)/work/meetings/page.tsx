import Link from "next/link";
import { Card, Space, Tag } from "antd";
import { MEETING_KIND_LABELS } from "@liangxin/domain";
import { requirePage } from "@/server/caller";
import { WorkTable } from "../work-table.tsx";
import { MeetingForm } from "../meeting-forms.tsx";
import { workMessages as m } from "../messages.ts";

const PERIODS = [
  ["ytd", m.periodYtd],
  ["quarter", m.periodQuarter],
  ["year", m.periodYear],
  ["rolling", m.periodRolling],
] as const;

export default async function MeetingsPage({ searchParams }: { searchParams: Promise<{ period?: string }> }) {
  const sp = await searchParams;
  const period = PERIODS.find(([key]) => key === sp.period)?.[0] ?? "ytd";
  const { caller } = await requirePage("/work/meetings");
  const ctx = await caller.work.context();
  const [board, orgs, recent] = await Promise.all([
    caller.work.meetings.compliance({ period }),
    caller.work.orgs(),
    caller.work.meetings.list(),
  ]);
  return (
    <div>
      <h2>{m.meetingsTitle}</h2>
      <MeetingForm orgs={orgs} today={ctx.today} />
      <Card
        title={`${m.compliance}(${board.period.from} — ${board.period.to})`}
        size="small"
        style={{ marginBottom: 16 }}
        extra={
          <Space>
            {m.period}:
            {PERIODS.map(([key, label]) =>
              key === period ? (
                <Tag color="red" key={key}>
                  {label}
                </Tag>
              ) : (
                <Link key={key} href={`/work/meetings?period=${key}`}>
                  {label}
                </Link>
              ),
            )}
          </Space>
        }
      >
        <div style={{ color: "#999", fontSize: 12, marginBottom: 8 }}>
          {m.complianceRule}。{m.behindList}:<span data-testid="behind-count">{board.behind.length}</span>
        </div>
        <WorkTable
          testId="compliance-table"
          columns={[
            { key: "org", title: m.org },
            { key: "detail", title: `${m.held}/${m.expected}` },
            { key: "rate", title: m.rate },
            { key: "state", title: m.state },
          ]}
          rows={board.rows.map((r) => ({
            key: r.orgId,
            org: r.orgName,
            detail: r.kinds
              .filter((k) => k.expected > 0 || k.held > 0)
              .map((k) => `${MEETING_KIND_LABELS[k.kind]} ${k.held}/${k.expected}`)
              .join(";"),
            rate: r.rate ?? "—",
            state: r.behind ? { tag: m.behind, color: "red" } : { tag: m.onTrack, color: "green" },
          }))}
        />
      </Card>
      <Card title={m.recentMeetings} size="small">
        <WorkTable
          testId="meeting-table"
          columns={[
            { key: "heldOn", title: m.heldOn },
            { key: "org", title: m.org },
            { key: "kind", title: m.meetingKind },
            { key: "topic", title: m.topic },
            { key: "attendees", title: m.attendees },
          ]}
          rows={recent.map((r) => ({
            key: r.id,
            heldOn: r.heldOn,
            org: r.orgName,
            kind: MEETING_KIND_LABELS[r.kind],
            topic: r.topic ?? "",
            attendees: r.attendees ?? "",
          }))}
        />
      </Card>
    </div>
  );
}
