import Link from "next/link";
import { Alert, Button, Card, Descriptions } from "antd";
import { ORG_CATEGORY_LABELS, type OrgCategory } from "@liangxin/domain";
import { requirePage } from "@/server/caller";
import { idParam, orNotFound } from "@/server/guard";
import { DataTable } from "@/components/data-table";
import { L } from "@/roles/labels";
import { rm } from "@/roles/messages";
import { OrgTree, type OrgTreeNode } from "@/components/org-tree";
import { lx } from "@/app/ledger-messages";
import { CoverHostsForm, DualLinkForm, EditOrgForm, ReparentForm, SecretaryForm } from "../org-forms.tsx";
import { OrgActivityCards } from "@/roles/org-activity";
import { OrgAssessmentCards } from "../../work/assessment-cards.tsx";
import { CadreNotes } from "@/roles/cadre-notes";

const GRASSROOTS = new Set(["committee", "generalBranch", "branch", "jointBranch"]);

/** The organization and the part of the tree below it (in force today). */
function treeOf(
  root: { id: number; name: string; category: string },
  rows: { id: number; parentId: number; name: string; category: string }[],
): OrgTreeNode {
  const node = (o: { id: number; name: string; category: string }): OrgTreeNode => ({
    id: o.id,
    name: o.name,
    categoryLabel: ORG_CATEGORY_LABELS[o.category as OrgCategory] ?? o.category,
    children: [],
  });
  const byId = new Map<number, OrgTreeNode>([[root.id, node(root)]]);
  for (const r of rows) byId.set(r.id, node(r));
  for (const r of rows) byId.get(r.parentId)?.children.push(byId.get(r.id)!);
  return byId.get(root.id)!;
}

export default async function OrgPage({ params }: { params: Promise<{ id: string }> }) {
  const { caller } = await requirePage("/orgs");
  const org = await orNotFound(caller.orgs.get({ id: idParam((await params).id) }));
  const today = org.access === "edit" ? (await caller.work.context()).today : "";
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
  const assessment = await caller.assessment.org({ orgId: org.id });
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 16 }}>
      <Card title={`${rm.orgDetail}:${org.name}`} data-testid="org-detail">
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={rm.code}>{org.code}</Descriptions.Item>
          {header}
          <Descriptions.Item label={rm.parent}>
            <span data-testid="org-parent-name">{org.parentName ?? "—"}</span>
          </Descriptions.Item>
          <Descriptions.Item label={lx.ancestors}>
            {org.ancestors.length
              ? org.ancestors.map((a, i) => (
                  <span key={a.id}>
                    {i > 0 ? " › " : ""}
                    <Link href={`/orgs/${a.id}`}>{a.name}</Link>
                  </span>
                ))
              : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={rm.foundedOn}>{org.foundedOn}</Descriptions.Item>
          <Descriptions.Item label={rm.lastElection}>{L.date(org.lastElectionOn)}</Descriptions.Item>
          {GRASSROOTS.has(org.category) ? (
            <Descriptions.Item label={lx.hasPartyGroups}>
              <span data-testid="org-party-groups-value">{org.hasPartyGroups ? lx.yes : lx.no}</span>
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={rm.members}>
            <Link href={`/members?org=${org.id}`}>
              {rm.membersCounts(org.members.total, org.members.full, org.members.probationary)}
            </Link>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <CadreNotes caller={caller} orgId={org.id} />
      <Card
        title={lx.tree}
        data-testid="org-subtree"
        extra={
          <div style={{ display: "flex", gap: 8 }}>
            <Link href={`/orgs/new?parent=${org.id}`} data-testid="new-org-link">
              <Button>{lx.newOrg}</Button>
            </Link>
            {GRASSROOTS.has(org.category) ? (
              <Link href={`/members/new?org=${org.id}`} data-testid="new-member-link">
                <Button>{lx.newMember}</Button>
              </Link>
            ) : null}
          </div>
        }
      >
        <OrgTree
          root={treeOf(org, org.subtree)}
          expanded={[org.id, ...org.subtree.filter((o) => !GRASSROOTS.has(o.category)).map((o) => o.id)]}
        />
      </Card>
      <EditOrgForm org={org} />
      {org.parentId !== null && org.ancestors.length > 0 ? <ReparentForm org={org} today={today} /> : null}
      {GRASSROOTS.has(org.category) ? <SecretaryForm org={org} today={today} /> : null}
      {GRASSROOTS.has(org.category) ? <DualLinkForm org={org} today={today} /> : null}
      {GRASSROOTS.has(org.category) && org.formationMode !== null ? (
        <CoverHostsForm org={org} today={today} />
      ) : null}
      {org.reparentings.length ? (
        <Card title={lx.reparentings}>
          <DataTable
            testId="reparentings"
            columns={[
              { key: "on", title: lx.effectiveOn },
              { key: "from", title: lx.fromParent },
              { key: "to", title: lx.toParent },
              { key: "doc", title: lx.docNo },
              { key: "reason", title: lx.reason },
            ]}
            rows={org.reparentings.map((r) => ({
              key: r.id,
              on: r.effectiveOn,
              from: r.fromName ?? "—",
              to: r.toName,
              doc: r.docNo ?? "—",
              reason: r.reason ?? "—",
            }))}
          />
        </Card>
      ) : null}
      {org.children.length ? (
        <Card title={rm.children}>
          <DataTable
            columns={[
              { key: "name", title: rm.name },
              { key: "category", title: rm.category },
            ]}
            rows={org.children.map((c) => ({
              key: c.id,
              name: { link: `/orgs/${c.id}`, text: c.name },
              category: L.category(c.category),
            }))}
          />
        </Card>
      ) : null}
      <OrgActivityCards org={org} />
      {GRASSROOTS.has(org.category) ? (
        <OrgAssessmentCards fiveGood={assessment.fiveGood} reviews={assessment.secretaryReviews} />
      ) : null}
    </div>
  );
}
