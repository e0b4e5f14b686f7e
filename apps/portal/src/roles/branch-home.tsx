import { Card, Descriptions } from "antd";
import type { getCaller } from "@/server/caller";
import { DataTable } from "@/components/data-table";
import { L } from "./labels.ts";
import { rm } from "./messages.ts";
import { OrgActivityCards } from "@/roles/org-activity";

type Caller = Awaited<ReturnType<typeof getCaller>>;

/** A branch secretary's home: the organization, its members, meetings, elections and covered hosts. */
export async function BranchHome({ caller }: { caller: Caller }) {
  const { org, members } = await caller.dashboard.branch();
  if (org.access !== "edit") return null;
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 16 }} data-testid="branch-home">
      <Card title={`${rm.branchTitle}:${org.name}`}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={rm.category}>{L.category(org.category)}</Descriptions.Item>
          <Descriptions.Item label={rm.formationMode}>{L.mode(org.formationMode)}</Descriptions.Item>
          <Descriptions.Item label={rm.secretary}>{org.secretaryName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={rm.parent}>{org.parentName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={rm.foundedOn}>{org.foundedOn}</Descriptions.Item>
          <Descriptions.Item label={rm.lastElection}>{L.date(org.lastElectionOn)}</Descriptions.Item>
          <Descriptions.Item label={rm.members}>
            {rm.membersCounts(org.members.total, org.members.full, org.members.probationary)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={`${rm.members}(${members.total})`}>
        <DataTable
          testId="branch-members"
          columns={[
            { key: "name", title: rm.memberName },
            { key: "gender", title: rm.gender },
            { key: "id", title: rm.idNumber },
            { key: "work", title: rm.workplace },
            { key: "full", title: rm.full },
            { key: "status", title: rm.status },
          ]}
          rows={members.rows.map((m, i) => ({
            key: m.id ?? `c${i}`,
            name: m.id ? { link: `/members/${m.id}`, text: m.name } : m.name,
            gender: L.gender(m.gender),
            id: m.idNumberMasked,
            work: m.workHostName ?? "—",
            full: m.full ? rm.fullYes : rm.fullNo,
            status: L.status(m.status),
          }))}
        />
      </Card>
      <OrgActivityCards org={org} />
    </div>
  );
}
