import Link from "next/link";
import { Alert, Card, Descriptions } from "antd";
import { requireCaller } from "@/server/caller";
import { idParam, orNotFound } from "@/server/guard";
import { DataTable } from "@/components/data-table";
import { L } from "@/roles/labels";
import { rm } from "@/roles/messages";

export default async function OrgPage({ params }: { params: Promise<{ id: string }> }) {
  const { caller } = await requireCaller();
  const org = await orNotFound(caller.orgs.get({ id: idParam((await params).id) }));
  const header = (
    <>
      <Descriptions.Item label={rm.category}>{L.category(org.category)}</Descriptions.Item>
      <Descriptions.Item label={rm.formationMode}>{L.mode(org.formationMode)}</Descriptions.Item>
      <Descriptions.Item label={rm.secretary}>{org.secretaryName ?? "—"}</Descriptions.Item>
      <Descriptions.Item label={rm.dualLinks}>
        {org.dualLinks.length
          ? org.dualLinks.map((d) => `${d.orgName} ↔ ${d.regionalOrgName}(${d.startOn}起)`).join(";")
          : "—"}
      </Descriptions.Item>
    </>
  );
  if (org.access === "reference")
    return (
      <Card title={`${rm.orgDetail}:${org.name}`} data-testid="org-detail">
        <Alert type="info" showIcon title={rm.orgReferenceNotice} style={{ marginBottom: 16 }} />
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          {header}
        </Descriptions>
      </Card>
    );
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 16 }}>
      <Card title={`${rm.orgDetail}:${org.name}`} data-testid="org-detail">
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={rm.code}>{org.code}</Descriptions.Item>
          {header}
          <Descriptions.Item label={rm.parent}>{org.parentName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={rm.foundedOn}>{org.foundedOn}</Descriptions.Item>
          <Descriptions.Item label={rm.lastElection}>{L.date(org.lastElectionOn)}</Descriptions.Item>
          <Descriptions.Item label={rm.members}>
            <Link href={`/members?org=${org.id}`}>
              {rm.membersCounts(org.members.total, org.members.full, org.members.probationary)}
            </Link>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {org.children.length ? (
        <Card title={rm.children}>
          <DataTable
            columns={[
              { key: "name", title: rm.name },
              { key: "category", title: rm.category },
            ]}
            rows={org.children.map((c) => ({
              key: c.id,
              name: <Link href={`/orgs/${c.id}`}>{c.name}</Link>,
              category: L.category(c.category),
            }))}
          />
        </Card>
      ) : null}
      <Card title={rm.coveredHosts}>
        <DataTable
          columns={[
            { key: "name", title: rm.name },
            { key: "code", title: rm.creditCode },
            { key: "region", title: rm.region },
            { key: "since", title: rm.foundedOn },
          ]}
          rows={org.coveredHosts.map((h) => ({
            key: h.id,
            name: <Link href={`/hosts/${h.id}`}>{h.name}</Link>,
            code: h.creditCode,
            region: h.regionName,
            since: h.startOn,
          }))}
        />
      </Card>
      <Card title={rm.meetings}>
        <DataTable
          columns={[
            { key: "heldOn", title: rm.heldOn },
            { key: "kind", title: rm.kind },
            { key: "topic", title: rm.topic },
          ]}
          rows={org.meetings.map((m) => ({
            key: m.id,
            heldOn: m.heldOn,
            kind: rm.meetingKinds[m.kind] ?? m.kind,
            topic: m.topic ?? "",
          }))}
        />
      </Card>
      <Card title={rm.elections}>
        <DataTable
          columns={[
            { key: "heldOn", title: rm.heldOn },
            { key: "term", title: rm.term },
          ]}
          rows={org.elections.map((e) => ({ key: e.id, heldOn: e.heldOn, term: e.termYears }))}
        />
      </Card>
    </div>
  );
}
