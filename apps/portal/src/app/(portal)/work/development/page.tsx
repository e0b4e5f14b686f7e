import { Card } from "antd";
import { APPLICANT_STAGE_LABELS } from "@liangxin/domain";
import { requirePage } from "@/server/caller";
import { WorkTable } from "../work-table.tsx";
import { ApplicantForm } from "../development-forms.tsx";
import { workMessages as m } from "../messages.ts";

export default async function DevelopmentPage() {
  const { caller } = await requirePage("/work/development");
  const ctx = await caller.work.context();
  const [applicants, due, orgs] = await Promise.all([
    caller.work.development.applicants(),
    caller.work.development.probationDue(),
    caller.work.orgs(),
  ]);
  return (
    <div>
      <h2>{m.developmentTitle}</h2>
      <Card title={m.probationDue} size="small" style={{ marginBottom: 16 }}>
        <WorkTable
          testId="probation-table"
          columns={[
            { key: "name", title: m.name },
            { key: "org", title: m.org },
            { key: "joinedOn", title: m.joinedOn },
            { key: "endsOn", title: m.endsOn },
            { key: "action", title: m.confirmFull },
          ]}
          rows={due.map((p) => ({
            key: p.memberId,
            name: p.name,
            org: p.orgName,
            joinedOn: p.joinedOn,
            endsOn: p.endsOn,
            action: { action: "confirmFull", id: p.memberId, today: ctx.today },
          }))}
        />
      </Card>
      <ApplicantForm orgs={orgs} today={ctx.today} />
      <Card title={m.applicants} size="small">
        <WorkTable
          testId="applicant-table"
          columns={[
            { key: "name", title: m.name },
            { key: "org", title: m.org },
            { key: "appliedOn", title: m.appliedOn },
            { key: "activistOn", title: APPLICANT_STAGE_LABELS.activist },
            { key: "candidateOn", title: APPLICANT_STAGE_LABELS.candidate },
            { key: "probationaryOn", title: APPLICANT_STAGE_LABELS.probationary },
            { key: "fullOn", title: APPLICANT_STAGE_LABELS.full },
            { key: "stage", title: m.stage },
            { key: "action", title: "" },
          ]}
          rows={applicants.map((a) => ({
            key: a.id,
            name: a.name,
            org: a.orgName,
            appliedOn: a.appliedOn,
            activistOn: a.activistOn ?? "",
            candidateOn: a.candidateOn ?? "",
            probationaryOn: a.probationaryOn ?? "",
            fullOn: a.fullOn ?? "",
            stage: APPLICANT_STAGE_LABELS[a.stage],
            action: a.nextStage ? { action: "advance", id: a.id, stage: a.nextStage, today: ctx.today } : "",
          }))}
        />
      </Card>
    </div>
  );
}
