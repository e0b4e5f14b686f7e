import { Card, Descriptions } from "antd";
import { requirePage } from "@/server/caller";
import { idParam, orNotFound, orWhenDenied } from "@/server/guard";
import { L } from "@/roles/labels";
import { rm } from "@/roles/messages";
import { lx } from "@/app/ledger-messages";
import { AssignForm, EditInstructorForm, InstructorHostsTable } from "../instructor-forms.tsx";
import { InstructorAssessmentsCard } from "../../work/assessment-cards.tsx";
import { TrainingHistory } from "../../work/training/history.tsx";

export default async function InstructorPage({ params }: { params: Promise<{ id: string }> }) {
  const { caller, me } = await requirePage("/instructors");
  const i = await orNotFound(caller.instructors.get({ id: idParam((await params).id) }));
  const editor = i.access === "edit" && me.role === "admin";
  const today = editor ? (await caller.work.context()).today : "";
  const assessments = await caller.assessment.instructor({ instructorId: i.id });
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 16 }}>
      <Card title={`${rm.instructor}:${i.name}`} data-testid="instructor-detail">
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={rm.number}>{i.number}</Descriptions.Item>
          <Descriptions.Item label={rm.kind}>{L.instructorKind(i.kind)}</Descriptions.Item>
          <Descriptions.Item label={rm.dispatch}>{i.dispatchName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={rm.registeredBy}>{i.registeredByName}</Descriptions.Item>
          <Descriptions.Item label={rm.phone}>{i.phone ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={rm.access}>{rm.accessLabels[i.access]}</Descriptions.Item>
          <Descriptions.Item label={rm.activeHosts}>
            <span data-testid="instructor-active-hosts">{i.activeHosts}</span>
          </Descriptions.Item>
        </Descriptions>
        <InstructorHostsTable
          testId="instructor-hosts"
          columns={[
            { key: "name", title: rm.name },
            { key: "region", title: rm.region },
            { key: "since", title: lx.startOn },
            ...(editor ? [{ key: "end", title: lx.endAssignment }] : []),
          ]}
          rows={i.hosts.map((h) => ({
            key: h.assignmentId,
            name: { link: `/hosts/${h.id}`, text: h.name },
            region: h.regionName,
            since: h.startOn,
            ...(editor ? { end: { action: "endAssignment" as const, id: h.assignmentId, today } } : {}),
          }))}
        />
        {i.otherHosts > 0 ? (
          <div style={{ marginTop: 8, color: "#666" }}>{rm.otherHosts(i.otherHosts)}</div>
        ) : null}
      </Card>
      <InstructorAssessmentsCard rows={assessments.rows} mayAssess={assessments.mayAssess} />
      {editor ? <AssignForm instructorId={i.id} today={today} /> : null}
      {editor ? <EditInstructorForm instructor={i} /> : null}
      {me.role === "owner" ? null : (
        <TrainingHistory rows={await orWhenDenied(caller.training.history({ instructorId: i.id }), [])} />
      )}
    </div>
  );
}
