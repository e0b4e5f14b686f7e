import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, Descriptions, Tag } from "antd";
import { WorkTable } from "../../work-table.tsx";
import { requirePage } from "@/server/caller";
import { FoundOrgForm, PlanNoteForm } from "../../plan-forms.tsx";
import { workMessages as m } from "../../messages.ts";

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const planId = Number(id);
  if (!Number.isInteger(planId) || planId <= 0) notFound();
  const { caller } = await requirePage("/work/plans");
  const ctx = await caller.work.context();
  const plan = await caller.work.plans.get({ id: planId }).catch(() => null);
  if (!plan) notFound();
  return (
    <div>
      <Link href="/work/plans">{m.backToPlans}</Link>
      <h2>{plan.hostName}</h2>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={3} size="small" data-testid="plan-detail">
          <Descriptions.Item label={m.region}>{plan.regionName}</Descriptions.Item>
          <Descriptions.Item label={m.targetOn}>{plan.targetOn}</Descriptions.Item>
          <Descriptions.Item label={m.responsible}>{plan.responsible}</Descriptions.Item>
          <Descriptions.Item label={m.state}>
            <span data-testid="plan-state">
              {plan.state === "closed" ? (
                <Tag>{m.closed}</Tag>
              ) : plan.overdue ? (
                <Tag color="red">{m.overdue}</Tag>
              ) : (
                <Tag color="blue">{m.open}</Tag>
              )}
            </span>
          </Descriptions.Item>
          {plan.closedReason ? (
            <Descriptions.Item label={m.closedReason}>
              {plan.closedReason}({plan.closedOn})
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card title={m.milestones} size="small" style={{ marginBottom: 16 }}>
        <WorkTable
          testId="plan-milestones"
          columns={[
            { key: "label", title: m.milestone },
            { key: "dueOn", title: m.dueOn },
            { key: "state", title: m.state },
            { key: "action", title: "" },
          ]}
          rows={plan.milestones.map((x) => ({
            key: x.key,
            label: x.label,
            dueOn: x.dueOn,
            state: x.doneOn
              ? { tag: m.milestoneDone(x.doneOn), color: "green" }
              : x.overdue
                ? { tag: m.overdue, color: "red" }
                : "",
            action:
              plan.state === "open" && !x.doneOn && x.key !== "founding"
                ? { action: "milestone", id: plan.id, key: x.key, label: x.label, today: ctx.today }
                : "",
          }))}
        />
      </Card>
      <Card title={m.notes} size="small" style={{ marginBottom: 16 }}>
        <WorkTable
          testId="plan-notes"
          columns={[
            { key: "notedOn", title: m.notedOn },
            { key: "note", title: m.note },
          ]}
          rows={plan.notes.map((n) => ({ key: n.id, notedOn: n.notedOn, note: n.note }))}
        />
      </Card>
      {plan.state === "open" ? (
        <>
          <PlanNoteForm planId={plan.id} today={ctx.today} />
          <FoundOrgForm planId={plan.id} today={ctx.today} defaultName={`中共${plan.hostName}支部委员会`} />
        </>
      ) : null}
    </div>
  );
}
