import { Card } from "antd";
import { ORG_CATEGORY_LABELS, type OrgCategory } from "@liangxin/domain";
import { requirePage } from "@/server/caller";
import { WorkTable } from "../work-table.tsx";
import { ElectionForm } from "../meeting-forms.tsx";
import { workMessages as m } from "../messages.ts";

type ElectionRows = Awaited<
  ReturnType<Awaited<ReturnType<typeof requirePage>>["caller"]["work"]["elections"]["board"]>
>["rows"];

function rows(list: ElectionRows) {
  return list.map((r) => ({
    key: r.orgId,
    org: r.orgName,
    category: ORG_CATEGORY_LABELS[r.category as OrgCategory] ?? r.category,
    last: r.lastElectionOn ?? "",
    term: r.termYears,
    due: r.dueOn,
    days: r.daysLeft,
  }));
}

const COLUMNS = [
  { key: "org", title: m.org },
  { key: "category", title: m.kind },
  { key: "last", title: m.lastElection },
  { key: "term", title: m.termYears },
  { key: "due", title: m.dueDate },
  { key: "days", title: m.daysLeft },
];

export default async function ElectionsPage() {
  const { caller } = await requirePage("/work/elections");
  const ctx = await caller.work.context();
  const [board, orgs] = await Promise.all([caller.work.elections.board(), caller.work.orgs()]);
  return (
    <div>
      <h2>{m.electionsTitle}</h2>
      <ElectionForm orgs={orgs} today={ctx.today} />
      <Card title={`${m.electionOverdue}(${board.overdue.length})`} size="small" style={{ marginBottom: 16 }}>
        <WorkTable testId="election-overdue" columns={COLUMNS} rows={rows(board.overdue)} />
      </Card>
      <Card title={`${m.electionDueSoon}(${board.dueSoon.length})`} size="small" style={{ marginBottom: 16 }}>
        <WorkTable testId="election-due" columns={COLUMNS} rows={rows(board.dueSoon)} />
      </Card>
    </div>
  );
}
