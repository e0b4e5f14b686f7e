import { Card } from "antd";
import { requirePage } from "@/server/caller";
import { orNotFound } from "@/server/guard";
import type { Column } from "@/components/data-table";
import { CoverageRequestsTable, ProposeCoverageForm } from "./coverage-request-forms.tsx";
import { coverageRequestMessages as m } from "./messages.ts";

const COLUMNS: readonly Column[] = [
  { key: "host", title: m.host },
  { key: "creditCode", title: m.creditCode },
  { key: "township", title: m.township },
  { key: "org", title: m.org },
  { key: "startOn", title: m.startOn },
  { key: "reason", title: m.reason },
  { key: "requested", title: m.requestedBy },
  { key: "state", title: m.state },
  { key: "decision", title: m.decision },
];

/**
 * 覆盖申请: propose covering a host outside the caller's territory; the requests proposed by the caller's
 * organizations, and those it decides (as the host's township-level administrator or a common superior).
 */
export default async function CoverageRequestsPage() {
  const { caller } = await requirePage("/coverage-requests");
  const [lists, { today }] = await Promise.all([
    orNotFound(caller.records.coverageRequest.list()),
    caller.work.context(),
  ]);
  type Row = (typeof lists.made)[number];
  const rows = (list: readonly Row[]) =>
    list.map((q) => ({
      key: q.id,
      host: q.hostId ? { link: `/hosts/${q.hostId}`, text: q.hostName } : q.hostName,
      creditCode: q.hostCreditCode,
      township: q.townshipName,
      org: q.orgName,
      startOn: q.startOn,
      reason: q.reason ?? "—",
      requested: `${q.requestedByName} ${q.requestedOn}`,
      state: m.states[q.state] ?? q.state,
      decision: q.canDecide
        ? { action: "decideCoverageRequest" as const, id: q.id }
        : [q.decidedOn, q.decisionReason].filter(Boolean).join(" ") || "—",
    }));
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 16 }}>
      <p style={{ color: "#666", margin: 0 }}>{m.hint}</p>
      <Card title={m.waiting}>
        <CoverageRequestsTable
          testId="coverage-requests-waiting"
          columns={COLUMNS}
          rows={rows(lists.waiting)}
          emptyText={m.noneWaiting}
          pageSize={50}
        />
      </Card>
      <ProposeCoverageForm today={today} />
      <Card title={m.made}>
        <CoverageRequestsTable
          testId="coverage-requests-made"
          columns={COLUMNS}
          rows={rows(lists.made)}
          emptyText={m.noneMade}
          pageSize={50}
        />
      </Card>
    </div>
  );
}
