import { Alert, Card, Col, Row, Statistic } from "antd";
import { addDays } from "@liangxin/domain";
import { requirePage } from "@/server/caller";
import { WorkTable } from "../work-table.tsx";
import { CreatePlanForm } from "../plan-forms.tsx";
import { workMessages as m } from "../messages.ts";

export default async function PlansPage() {
  const { caller } = await requirePage("/work/plans");
  const ctx = await caller.work.context();
  if (!ctx.hasTerritory) return <Alert type="info" showIcon title={m.noTerritory} />;
  const board = await caller.work.plans.board();
  const withoutPlan = board.shouldEstablish.filter((h) => h.openPlanId === null);
  const stat = (title: string, value: number | null, testId?: string) => (
    <Col xs={12} md={6}>
      <Card>
        <Statistic title={title} value={value ?? "—"} data-testid={testId} />
      </Card>
    </Col>
  );
  return (
    <div>
      <h2>
        {m.plansTitle} · {ctx.nodeName}
      </h2>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {stat(m.coverageRate, board.summary.orgCoverageRate, "plan-coverage-rate")}
        {stat(m.shouldEstablish, board.summary.shouldEstablishNotEstablished, "plan-should-establish")}
        {stat(m.orgCovered, board.summary.orgCovered, "plan-org-covered")}
        {stat(m.overduePlans, board.overdue.length, "plan-overdue-count")}
      </Row>
      <CreatePlanForm
        hosts={withoutPlan.map((h) => ({ id: h.hostId, name: h.name }))}
        defaultTarget={addDays(ctx.today, 90)}
      />
      <Card title={m.planList} size="small" style={{ marginBottom: 16 }}>
        <WorkTable
          testId="plan-table"
          pageSize={50}
          columns={[
            { key: "host", title: m.host },
            { key: "region", title: m.region },
            { key: "targetOn", title: m.targetOn },
            { key: "responsible", title: m.responsible },
            { key: "next", title: m.nextMilestone },
            { key: "state", title: m.state },
            { key: "note", title: m.notes },
          ]}
          rows={board.plans.map((p) => ({
            key: p.id,
            host: { link: `/work/plans/${p.id}`, text: p.hostName },
            region: p.regionName,
            targetOn: p.targetOn,
            responsible: p.responsible,
            next: p.next ? `${p.next.label}(${p.next.dueOn})` : "—",
            state:
              p.state === "closed"
                ? { tag: m.closed }
                : p.overdue
                  ? { tag: m.overdue, color: "red" }
                  : { tag: m.open, color: "blue" },
            note: p.lastNote ?? "",
          }))}
        />
      </Card>
      <Card title={m.shouldEstablishList} size="small">
        <WorkTable
          testId="should-establish-table"
          pageSize={50}
          columns={[
            { key: "name", title: m.host },
            { key: "region", title: m.region },
            { key: "employees", title: m.employees },
            { key: "aboveScale", title: m.aboveScale },
            { key: "members", title: m.fullMembers },
            { key: "plan", title: m.planList },
          ]}
          rows={board.shouldEstablish.map((h) => ({
            key: h.hostId,
            name: h.name,
            region: h.regionName,
            employees: h.employees,
            aboveScale: h.aboveScale ? m.yes : m.no,
            members: h.fullMembersWorking,
            plan: h.openPlanId ? { link: `/work/plans/${h.openPlanId}`, text: m.hasPlan } : "—",
          }))}
        />
      </Card>
    </div>
  );
}
